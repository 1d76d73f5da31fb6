// Hands the selected count lists over to another counter (POST /api/count-lists/reassign: all or none). The
// picker offers the active counters; the server's refusal is shown on the field it names — an employee who is
// not an active user of the lists' site gets its own sentence on the picker — or in the dialog's alert.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap, ApiError } from '../../api/client';
import type { UserRow } from '../../api/models';
import { applyServerError, rules } from '../../components/form';
import { errorField } from '../../components/errors';

export const userLabel = (u: Pick<UserRow, 'username' | 'displayName'>) => (u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username);

export function ReassignDialog({ countListIds, opened, onClose, onDone }: {
  countListIds: string[]; opened: boolean; onClose: () => void; onDone: (r: { countListIds: string[]; responsibleUserId: string; userLabel: string }) => void;
}) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { responsibleUserId: '' }, validate: { responsibleUserId: rules.required(t) } });
  const users = useQuery({
    queryKey: ['/api/users', 'counters'], enabled: opened,
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { role: 'counter', active: 'true', limit: 1000 }),
  });
  const data = (users.data?.items ?? []).map((u) => ({ value: u.id, label: userLabel(u) }));
  const save = useMutation({
    mutationFn: (v: { responsibleUserId: string }) => unwrap(client.POST('/api/count-lists/reassign', { body: { countListIds, responsibleUserId: v.responsibleUserId } })),
    onMutate: () => setGeneral(null),
    onSuccess: (r) => {
      onDone({ ...r, userLabel: data.find((d) => d.value === r.responsibleUserId)?.label ?? r.responsibleUserId });
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'reference.unknown' && errorField(e) === 'responsibleUserId') {
        form.setFieldError('responsibleUserId', t('listAdmin.reassign.userNotEligible'));
      } else setGeneral(applyServerError(form, t, e));
    },
  });
  const close = () => { form.reset(); setGeneral(null); save.reset(); onClose(); };
  return (
    <Modal opened={opened} onClose={close} title={t('listAdmin.reassign.title')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm" data-testid="reassign-dialog">
          <Text size="sm">{t('listAdmin.reassign.lists', { count: countListIds.length })}</Text>
          <Select label={t('listAdmin.reassign.user')} description={t('listAdmin.reassign.userHelp')} data={data} searchable withAsterisk
            nothingFoundMessage={t('listAdmin.reassign.noUsers')} comboboxProps={{ withinPortal: false }}
            data-testid="reassign-user" {...form.getInputProps('responsibleUserId')} onChange={(v) => form.setFieldValue('responsibleUserId', v ?? '')} />
          {general && <Alert color="red" data-testid="reassign-error">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="reassign-run">{t('listAdmin.reassign.run')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
