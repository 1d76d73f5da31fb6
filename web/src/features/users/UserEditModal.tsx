// One user: display name, role and site; a new password set by the administrator (the user's open sessions
// end) — for one's own account only with the current password, as the server requires; deactivate or
// reactivate. Users are never deleted: ledger entries and count reports name them.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyServerError } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { useSession } from '../auth/session';
import {
  ROLES,
  type Role,
  type User,
  checkConfirm,
  checkDisplayName,
  checkPassword,
  useSiteOptions,
} from './userRules';

interface EditValues {
  displayName: string;
  role: Role;
  siteId: string | null;
}

/** Only what changed, so a PATCH never resets a field the admin did not touch. */
export function userChanges(user: User, v: EditValues): Partial<EditValues> {
  const out: Partial<EditValues> = {};
  if (v.displayName.trim() !== user.displayName) out.displayName = v.displayName.trim();
  if (v.role !== user.role) out.role = v.role;
  if (v.siteId !== user.siteId) out.siteId = v.siteId;
  return out;
}

export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useSession().user;
  const self = me?.id === user.id;
  const sites = useSiteOptions();
  const [current, setCurrent] = useState(user);
  const [alert, setAlert] = useState<string | null>(null);
  const [pwAlert, setPwAlert] = useState<string | null>(null);
  const form = useForm<EditValues>({
    initialValues: { displayName: user.displayName, role: user.role, siteId: user.siteId },
    validate: { displayName: checkDisplayName(t) },
  });
  const pw = useForm({
    initialValues: { currentPassword: '', password: '', confirm: '' },
    validate: {
      currentPassword: (v: string) => (self && v === '' ? t('form.required') : null),
      password: checkPassword(t),
      confirm: checkConfirm(t),
    },
  });
  const changed = (u: User, msg: string) => {
    setCurrent(u);
    void qc.invalidateQueries({ queryKey: ['/api/users'] });
    notifyOk(msg);
  };
  const save = useMutation({
    mutationFn: (v: EditValues) => api.patch<User>(`/api/users/${user.id}`, userChanges(current, v)),
    onMutate: () => setAlert(null),
    onSuccess: (u) => {
      changed(u, t('usersUi.saved', { name: u.username }));
      onClose();
    },
    onError: (e) => setAlert(applyServerError(form, t, e)),
  });
  const reset = useMutation({
    mutationFn: (v: { currentPassword: string; password: string }) =>
      api.patch<User>(
        `/api/users/${user.id}`,
        self ? { password: v.password, currentPassword: v.currentPassword } : { password: v.password },
      ),
    onMutate: () => setPwAlert(null),
    onSuccess: (u) => {
      pw.reset();
      changed(u, t('usersUi.passwordReset', { name: u.username }));
    },
    onError: (e) => setPwAlert(applyServerError(pw, t, e)),
  });
  const activate = useMutation({
    mutationFn: (active: boolean) => api.patch<User>(`/api/users/${user.id}`, { active }),
    onMutate: () => setAlert(null),
    onSuccess: (u) => changed(u, t(u.active ? 'usersUi.reactivated' : 'usersUi.deactivated', { name: u.username })),
    onError: (e) => setAlert(applyServerError(form, t, e)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Group gap="xs">
          <Text fw={600}>{user.username}</Text>
          {!current.active && <Badge color="gray">{t('usersUi.inactive')}</Badge>}
        </Group>
      }
    >
      <Stack data-testid="user-edit">
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('usersUi.displayName')}
                maxLength={80}
                {...form.getInputProps('displayName')}
                data-testid="user-edit-display-name"
              />
              <Select
                label={t('usersUi.role')}
                allowDeselect={false}
                disabled={self}
                description={self ? t('usersUi.selfRole') : undefined}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                {...form.getInputProps('role')}
                data-testid="user-edit-role"
              />
              <Select
                label={t('usersUi.site')}
                description={t('usersUi.siteHelp')}
                clearable
                data={sites}
                placeholder={t('usersUi.allSites')}
                {...form.getInputProps('siteId')}
                data-testid="user-edit-site"
              />
            </SimpleGrid>
            {alert && (
              <Alert color="red" data-testid="user-edit-error">
                {alert}
              </Alert>
            )}
            <Group justify="space-between">
              {current.active ? (
                <Button
                  variant="light"
                  color="red"
                  disabled={self}
                  loading={activate.isPending}
                  onClick={() => activate.mutate(false)}
                  data-testid="user-deactivate"
                >
                  {t('usersUi.deactivate')}
                </Button>
              ) : (
                <Button
                  variant="light"
                  color="green"
                  loading={activate.isPending}
                  onClick={() => activate.mutate(true)}
                  data-testid="user-reactivate"
                >
                  {t('usersUi.reactivate')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} data-testid="user-edit-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Divider label={t('usersUi.resetPassword')} labelPosition="left" />
        <form onSubmit={pw.onSubmit((v) => reset.mutate(v))} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t(self ? 'usersUi.ownPasswordHelp' : 'usersUi.resetHelp')}
            </Text>
            {self && (
              <PasswordInput
                label={t('usersUi.currentPassword')}
                autoComplete="current-password"
                {...pw.getInputProps('currentPassword')}
                data-testid="user-reset-current"
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordInput
                label={t('usersUi.newPassword')}
                autoComplete="new-password"
                {...pw.getInputProps('password')}
                data-testid="user-reset-password"
              />
              <PasswordInput
                label={t('usersUi.confirm')}
                autoComplete="new-password"
                {...pw.getInputProps('confirm')}
                data-testid="user-reset-confirm"
              />
            </SimpleGrid>
            {pwAlert && (
              <Alert color="red" data-testid="user-reset-error">
                {pwAlert}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={reset.isPending} data-testid="user-reset-save">
                {t('usersUi.setPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
