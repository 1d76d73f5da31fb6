// Who counts a list: its responsible counter and its assigned counters (by name), and the dialog that sets
// the counters (PUT /api/count-lists/{id}/counters). Assigned counters see the list on the handheld and may
// report on it like the responsible counter. The server's refusals are translated: an employee who is not an
// active user of the list's site on the picker, anything else (e.g. a closed list) in the dialog's alert.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap, ApiError } from '../../api/client';
import type { UserRow } from '../../api/models';
import { errorField, errorText } from '../../components/errors';
import { userLabel } from './ReassignDialog';

export interface ListPeople {
  id: string;
  number: string;
  status: string;
  responsibleUserId: string | null;
  responsibleName: string | null;
  counters: Array<{ userId: string; name: string }>;
  /** From the server: the people may still change (not closed, not being closed). */
  reassignable: boolean;
}

/** The active counters, as the pickers offer them. */
export function useCounterOptions(enabled: boolean) {
  const users = useQuery({
    queryKey: ['/api/users', 'counters'],
    enabled,
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { role: 'counter', active: 'true', limit: 1000 }),
  });
  return (users.data?.items ?? []).map((u) => ({ value: u.id, label: userLabel(u) }));
}

/** "Responsible: … · Counters: …" with the button that edits the counters (not on final lists). */
export function ListCounters({ list, onChanged }: { list: ListPeople; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Group gap="xs" data-testid="list-people">
      <Text size="sm">
        <Text span c="dimmed">
          {t('listAdmin.counters.responsible')}:
        </Text>{' '}
        <span data-testid="list-responsible">{list.responsibleName ?? '—'}</span>
      </Text>
      <Text size="sm">
        <Text span c="dimmed">
          {t('listAdmin.counters.counters')}:
        </Text>{' '}
        <span data-testid="list-counters">
          {list.counters.length ? list.counters.map((c) => c.name).join(', ') : t('listAdmin.counters.none')}
        </span>
      </Text>
      {list.reassignable && (
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} data-testid="list-counters-edit">
          {t('listAdmin.counters.edit')}
        </Button>
      )}
      <CountersDialog list={list} opened={editing} onClose={() => setEditing(false)} onDone={onChanged} />
    </Group>
  );
}

export function CountersDialog({
  list,
  opened,
  onClose,
  onDone,
}: {
  list: ListPeople;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [userIds, setUserIds] = useState<string[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const options = useCounterOptions(opened);
  // Counters already on the list stay pickable even when they are no longer active counters.
  const data = [
    ...options,
    ...list.counters
      .filter((c) => !options.some((o) => o.value === c.userId))
      .map((c) => ({ value: c.userId, label: c.name })),
  ];
  useEffect(() => {
    if (opened) setUserIds(list.counters.map((c) => c.userId));
  }, [opened, list.counters]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(client.PUT('/api/count-lists/{id}/counters', { params: { path: { id: list.id } }, body: { userIds } })),
    onMutate: () => {
      setFieldError(null);
      setGeneral(null);
    },
    onSuccess: () => {
      onDone();
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'reference.unknown' && errorField(e) === 'userIds')
        setFieldError(t('listAdmin.counters.notEligible'));
      else setGeneral(errorText(t, e));
    },
  });
  const close = () => {
    setFieldError(null);
    setGeneral(null);
    save.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('listAdmin.counters.title', { number: list.number })}>
      <Stack gap="sm" data-testid="counters-dialog">
        <MultiSelect
          label={t('listAdmin.counters.users')}
          description={t('listAdmin.counters.usersHelp')}
          data={data}
          value={userIds}
          onChange={(v) => {
            setUserIds(v);
            setFieldError(null);
          }}
          searchable
          clearable
          error={fieldError}
          nothingFoundMessage={t('listAdmin.reassign.noUsers')}
          comboboxProps={{ withinPortal: false }}
          data-testid="counters-users"
        />
        {general && (
          <Alert color="red" data-testid="counters-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="counters-save">
            {t('listAdmin.counters.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
