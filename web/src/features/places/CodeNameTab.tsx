// Sites and stock owners: small code tables (code + name). List with search, create, edit, delete; a delete
// the server refuses (still used by warehouses, stock…) is shown in the dialog with its reason.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Site } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError } from '../../components/form';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { DeleteButton, changed, codeRule, nameRule, useRefresh } from './shared';

type Path = '/api/sites' | '/api/owners';
type Row = Site;
const PREFIX: Record<Path, string> = { '/api/sites': 'site', '/api/owners': 'owner' };

export function CodeNameTab({ path }: { path: Path }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 250);
  const list = usePaged<Row>(path, { q: dq || undefined });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const p = PREFIX[path];
  return (
    <Stack gap="sm">
      <Group>
        <TextInput
          w={280}
          placeholder={t('placesUi.searchCodeName')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid={`${p}-search`}
        />
        <Button size="xs" onClick={() => setEditing('new')} data-testid={`${p}-new`}>
          {t('common.new')}
        </Button>
      </Group>
      <VirtualTable
        rows={list.rows}
        rowKey={(r) => r.id}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId={`${p}-table`}
        columns={[
          {
            key: 'code',
            header: t('common.code'),
            width: 180,
            render: (r) => (
              <span className="mono" data-testid={`${p}-row-${r.code}`}>
                {r.code}
              </span>
            ),
          },
          { key: 'name', header: t('common.name'), grow: 1, width: 240, render: (r) => r.name },
        ]}
      />
      {editing && (
        <CodeNameForm path={path} record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

/** Create (record null) or edit a site or stock owner. */
export function CodeNameForm({ path, record, onClose }: { path: Path; record: Row | null; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const p = PREFIX[path];
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: record?.code ?? '', name: record?.name ?? '' },
    validate: { code: codeRule(t), name: nameRule(t) },
  });
  const [general, setGeneral] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { code: string; name: string }) => {
      const body = { code: v.code.trim(), name: v.name.trim() };
      return record ? api.patch<Row>(`${path}/${record.id}`, changed(record, body)) : api.post<Row>(path, body);
    },
    onSuccess: () => {
      notifyOk(t('common.saved'));
      refresh(path);
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const title = t(record ? `placesUi.${p}Form.edit` : `placesUi.${p}Form.new`, { code: record?.code ?? '' });
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={form.onSubmit((v) => {
          setGeneral(null);
          save.mutate(v);
        })}
        data-testid={`${p}-form`}
      >
        <Stack gap="sm">
          <TextInput
            label={t('common.code')}
            withAsterisk
            maxLength={20}
            {...form.getInputProps('code')}
            data-testid={`${p}-code`}
          />
          <TextInput
            label={t('common.name')}
            withAsterisk
            maxLength={80}
            {...form.getInputProps('name')}
            data-testid={`${p}-name`}
          />
          {general && (
            <Alert color="red" data-testid={`${p}-form-error`}>
              {general}
            </Alert>
          )}
          <Group justify="space-between">
            <div>
              {record && (
                <DeleteButton
                  path={`${path}/${record.id}`}
                  testId={`${p}-delete`}
                  onDeleted={() => {
                    refresh(path);
                    onClose();
                  }}
                />
              )}
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid={`${p}-save`}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
