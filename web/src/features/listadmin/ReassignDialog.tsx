// Hands the selected count lists over to another counter (POST /api/count-lists/reassign: all or none), and
// optionally sets their assigned counters: the counters picker starts with `initialCounterIds` (the list's
// counters when one list is reassigned) and is sent only when changed, so untouched lists keep their own.
// The pickers offer the active counters; the server's refusal is shown on the field it names — an employee
// who is not an active user of the lists' site gets its own sentence on the picker — or in the dialog's alert.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap, ApiError } from '../../api/client';
import type { UserRow } from '../../api/models';
import { applyServerError, rules } from '../../components/form';
import { errorField } from '../../components/errors';

export const userLabel = (u: Pick<UserRow, 'username' | 'displayName'>) =>
  u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username;

export function ReassignDialog({
  countListIds,
  opened,
  onClose,
  onDone,
  initialCounterIds = [],
}: {
  countListIds: string[];
  opened: boolean;
  onClose: () => void;
  initialCounterIds?: string[];
  onDone: (r: {
    countListIds: string[];
    responsibleUserId: string;
    userLabel: string;
    counterUserIds?: string[];
  }) => void;
}) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { responsibleUserId: '', counterUserIds: [] as string[] },
    validate: { responsibleUserId: rules.required(t) },
  });
  const initialKey = initialCounterIds.join(',');
  useEffect(() => {
    if (!opened) return;
    form.setInitialValues({ responsibleUserId: '', counterUserIds: initialKey ? initialKey.split(',') : [] });
    form.setFieldValue('counterUserIds', initialKey ? initialKey.split(',') : []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, initialKey]);
  const users = useQuery({
    queryKey: ['/api/users', 'counters'],
    enabled: opened,
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { role: 'counter', active: 'true', limit: 1000 }),
  });
  const data = (users.data?.items ?? []).map((u) => ({ value: u.id, label: userLabel(u) }));
  const save = useMutation({
    mutationFn: (v: { responsibleUserId: string; counterUserIds: string[] }) =>
      unwrap(
        client.POST('/api/count-lists/reassign', {
          body: {
            countListIds,
            responsibleUserId: v.responsibleUserId,
            ...(form.isDirty('counterUserIds') ? { counterUserIds: v.counterUserIds } : {}),
          },
        }),
      ),
    onMutate: () => setGeneral(null),
    onSuccess: (r) => {
      onDone({ ...r, userLabel: data.find((d) => d.value === r.responsibleUserId)?.label ?? r.responsibleUserId });
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'reference.unknown' && errorField(e) === 'responsibleUserId') {
        form.setFieldError('responsibleUserId', t('listAdmin.reassign.userNotEligible'));
      } else if (e instanceof ApiError && e.code === 'reference.unknown' && errorField(e) === 'counterUserIds') {
        form.setFieldError('counterUserIds', t('listAdmin.counters.notEligible'));
      } else setGeneral(applyServerError(form, t, e));
    },
  });
  const close = () => {
    form.reset();
    setGeneral(null);
    save.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('listAdmin.reassign.title')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm" data-testid="reassign-dialog">
          <Text size="sm">{t('listAdmin.reassign.lists', { count: countListIds.length })}</Text>
          <Select
            label={t('listAdmin.reassign.user')}
            description={t('listAdmin.reassign.userHelp')}
            data={data}
            searchable
            withAsterisk
            nothingFoundMessage={t('listAdmin.reassign.noUsers')}
            comboboxProps={{ withinPortal: false }}
            data-testid="reassign-user"
            {...form.getInputProps('responsibleUserId')}
            onChange={(v) => form.setFieldValue('responsibleUserId', v ?? '')}
          />
          <MultiSelect
            label={t('listAdmin.reassign.counters')}
            description={t('listAdmin.reassign.countersHelp')}
            data={data}
            searchable
            clearable
            nothingFoundMessage={t('listAdmin.reassign.noUsers')}
            comboboxProps={{ withinPortal: false }}
            data-testid="reassign-counters"
            {...form.getInputProps('counterUserIds')}
          />
          {general && (
            <Alert color="red" data-testid="reassign-error">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="reassign-run">
              {t('listAdmin.reassign.run')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
