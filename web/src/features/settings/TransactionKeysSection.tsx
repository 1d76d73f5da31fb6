// Transaction keys: every stock movement is posted under a key whose kind says what it does (receipt, issue,
// transfer, revaluation, adjustment). The administrator maintains them; the kind is fixed once the key is used.
import { useMemo, useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { rules } from '../../components/form';
import { errorText, notifyOk } from '../../components/errors';
import { CODE20 } from './ClassificationsSection';
import { DeleteButton, FormError, SectionHeader, useIsAdmin, serverError } from './shared';

export type TransactionKey = ResponseOf<'/api/transaction-keys/{code}', 'get'>;
export type KeyKind = BodyOf<'/api/transaction-keys', 'post'>['kind'];
export const KEY_KINDS: KeyKind[] = ['receipt', 'issue', 'transfer', 'adjustment', 'revaluation'];
const KIND_COLOR: Record<KeyKind, string> = {
  receipt: 'green',
  issue: 'orange',
  transfer: 'blue',
  adjustment: 'grape',
  revaluation: 'cyan',
};

export function useTransactionKeys() {
  return useQuery({
    queryKey: ['/api/transaction-keys'],
    queryFn: () => api.get<{ items: TransactionKey[] }>('/api/transaction-keys'),
  });
}

export default function TransactionKeysSection() {
  const { t } = useTranslation();
  const canWrite = useIsAdmin();
  const keys = useTransactionKeys();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KeyKind | null>(null);
  const [editing, setEditing] = useState<TransactionKey | 'new' | null>(null);
  // A handful of keys: filtered here, on code and description.
  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    return (keys.data?.items ?? []).filter(
      (k) =>
        (!kind || k.kind === kind) &&
        (!s || k.code.toLowerCase().includes(s) || k.description.toLowerCase().includes(s)),
    );
  }, [keys.data, q, kind]);
  return (
    <Stack>
      <SectionHeader
        testId="keys"
        title={t('nav.transactionKeys')}
        help={t('settings.keys.help')}
        search={q}
        onSearch={setQ}
        onNew={() => setEditing('new')}
        newLabel={t('settings.keys.new')}
        canWrite={canWrite}
      >
        <Select
          size="xs"
          w={180}
          clearable
          placeholder={t('settings.keys.allKinds')}
          value={kind}
          onChange={(v) => setKind(v as KeyKind | null)}
          aria-label={t('settings.keys.kind')}
          data-testid="keys-kind-filter"
          data={KEY_KINDS.map((k) => ({ value: k, label: t(`settings.keys.kinds.${k}`) }))}
        />
      </SectionHeader>
      {keys.error && <Text c="red">{errorText(t, keys.error)}</Text>}
      <VirtualTable
        rows={rows}
        rowKey={(k) => k.code}
        loading={keys.isPending}
        onRowClick={setEditing}
        testId="keys-table"
        columns={[
          { key: 'code', header: t('common.code'), width: 120, render: (k) => <span className="mono">{k.code}</span> },
          { key: 'description', header: t('settings.description'), grow: 1, width: 240, render: (k) => k.description },
          {
            key: 'kind',
            header: t('settings.keys.kind'),
            width: 140,
            render: (k) => (
              <Badge size="sm" variant="light" color={KIND_COLOR[k.kind]}>
                {t(`settings.keys.kinds.${k.kind}`)}
              </Badge>
            ),
          },
          {
            key: 'main',
            header: t('settings.keys.main'),
            width: 110,
            render: (k) => (k.isMain ? t('settings.keys.mainKey') : t('settings.keys.secondaryKey')),
          },
        ]}
      />
      {editing && (
        <TransactionKeyForm
          row={editing === 'new' ? null : editing}
          canWrite={canWrite}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

interface Values {
  code: string;
  description: string;
  kind: KeyKind | null;
  isMain: boolean;
}

export function TransactionKeyForm({
  row,
  canWrite,
  onClose,
}: {
  row: TransactionKey | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      code: row?.code ?? '',
      description: row?.description ?? '',
      kind: row?.kind ?? null,
      isMain: row?.isMain ?? true,
    },
    validate: {
      code: row ? undefined : rules.all(rules.required(t), rules.pattern(t, CODE20, t('settings.code20Hint'))),
      description: rules.maxLength(t, 80),
      kind: rules.required(t),
    },
  });
  const path = row ? `/api/transaction-keys/${encodeURIComponent(row.code)}` : '';
  const done = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['/api/transaction-keys'] });
    notifyOk(msg);
    onClose();
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!row)
        return api.post<TransactionKey>('/api/transaction-keys', {
          code: v.code.trim(),
          description: v.description,
          kind: v.kind,
          isMain: v.isMain,
        });
      // Only what changed: the kind of a used key cannot change, so an untouched kind is not sent.
      const body: Record<string, unknown> = {};
      if (v.description !== row.description) body.description = v.description;
      if (v.kind !== row.kind) body.kind = v.kind;
      if (v.isMain !== row.isMain) body.isMain = v.isMain;
      return api.patch<TransactionKey>(path, body);
    },
    onMutate: () => setAlert(null),
    onSuccess: (k) => done(t('settings.savedCode', { code: k.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const del = useMutation({
    mutationFn: () => api.del(path),
    onSuccess: () => done(t('settings.deletedCode', { code: row!.code })),
    onError: (e) => setAlert(serverError(form, t, e, { code: '_none' })),
  });
  return (
    <Modal opened onClose={onClose} title={row ? t('settings.keys.edit', { code: row.code }) : t('settings.keys.new')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="key-form" noValidate>
        <Stack>
          <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, display: 'contents' }}>
            <TextInput
              label={t('common.code')}
              disabled={!!row}
              withAsterisk={!row}
              {...form.getInputProps('code')}
              data-testid="key-code"
            />
            <TextInput
              label={t('settings.description')}
              {...form.getInputProps('description')}
              data-testid="key-description"
            />
            <Select
              label={t('settings.keys.kind')}
              withAsterisk
              description={t('settings.keys.kindHelp')}
              allowDeselect={false}
              data={KEY_KINDS.map((k) => ({ value: k, label: t(`settings.keys.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
              data-testid="key-kind"
            />
            {form.values.kind && (
              <Text size="xs" c="dimmed">
                {t(`settings.keys.kindHelpOf.${form.values.kind}`)}
              </Text>
            )}
            <Switch
              label={t('settings.keys.isMain')}
              description={t('settings.keys.isMainHelp')}
              {...form.getInputProps('isMain', { type: 'checkbox' })}
              data-testid="key-main"
            />
          </fieldset>
          <FormError text={alert} testId="key-error" />
          <Group justify="space-between">
            {row && canWrite ? (
              <DeleteButton testId="key-delete" loading={del.isPending} onConfirm={() => del.mutate()} />
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              {canWrite && (
                <Button type="submit" loading={save.isPending} data-testid="key-save">
                  {t('common.save')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
