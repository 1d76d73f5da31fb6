// A new user: user name, display name, role, site and the password typed twice. Used by the Users screen
// and, with the role fixed to counter, by the first set-up's counter step.
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyServerError } from '../../components/form';
import {
  ROLES,
  type Role,
  type User,
  checkConfirm,
  checkDisplayName,
  checkPassword,
  checkUsername,
  useSiteOptions,
} from './userRules';

export interface UserCreateValues {
  username: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  password: string;
  confirm: string;
}

/** The request body: the display name only when given (the server uses the user name otherwise). */
export function userCreateBody(v: UserCreateValues) {
  return {
    username: v.username.trim(),
    password: v.password,
    role: v.role,
    siteId: v.siteId,
    ...(v.displayName.trim() ? { displayName: v.displayName.trim() } : {}),
  };
}

export function UserCreateForm({
  fixedRole,
  defaultSiteId = null,
  onCreated,
  onCancel,
  cancelLabel,
  submitLabel,
  testId = 'user-create',
}: {
  fixedRole?: Role;
  defaultSiteId?: string | null;
  onCreated: (u: User) => void;
  onCancel?: () => void;
  cancelLabel?: string;
  submitLabel?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sites = useSiteOptions();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<UserCreateValues>({
    initialValues: {
      username: '',
      displayName: '',
      role: fixedRole ?? 'counter',
      siteId: defaultSiteId,
      password: '',
      confirm: '',
    },
    validate: {
      username: checkUsername(t),
      displayName: checkDisplayName(t),
      password: checkPassword(t),
      confirm: checkConfirm(t),
    },
  });
  const save = useMutation({
    mutationFn: (v: UserCreateValues) => api.post<User>('/api/users', userCreateBody(v)),
    onMutate: () => setAlert(null),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['/api/users'] });
      onCreated(u);
    },
    onError: (e) => setAlert(applyServerError(form, t, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid={testId}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('usersUi.username')}
            description={t('usersUi.usernameHelp')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('username')}
            data-testid={`${testId}-username`}
          />
          <TextInput
            label={t('usersUi.displayName')}
            maxLength={80}
            {...form.getInputProps('displayName')}
            data-testid={`${testId}-display-name`}
          />
          {!fixedRole && (
            <Select
              label={t('usersUi.role')}
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('role')}
              data-testid={`${testId}-role`}
            />
          )}
          <Select
            label={t('usersUi.site')}
            description={t('usersUi.siteHelp')}
            clearable
            data={sites}
            placeholder={t('usersUi.allSites')}
            {...form.getInputProps('siteId')}
            data-testid={`${testId}-site`}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput
            label={t('usersUi.password')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
            data-testid={`${testId}-password`}
          />
          <PasswordInput
            label={t('usersUi.confirm')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
            data-testid={`${testId}-confirm`}
          />
        </SimpleGrid>
        {alert && (
          <Alert color="red" data-testid={`${testId}-error`}>
            {alert}
          </Alert>
        )}
        <Group justify={cancelLabel ? 'space-between' : 'flex-end'}>
          {onCancel && (
            <Button variant={cancelLabel ? 'subtle' : 'default'} onClick={onCancel} data-testid={`${testId}-cancel`}>
              {cancelLabel ?? t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} data-testid={`${testId}-save`}>
            {submitLabel ?? t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
