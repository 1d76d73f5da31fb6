// Classification code tables (product group, brand, family, …, classification 1–5): pick a table, search its
// codes by description, create, rename, delete (refused while items use the code).
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { rules } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { DeleteButton, FormError, SectionHeader, serverError } from './shared';

type Classification = ResponseOf<'/api/classifications', 'post'>;
export type ClassificationKind = BodyOf<'/api/classifications', 'post'>['kind'];
export const CODE20 = /^[A-Za-z0-9_.-]{1,20}$/;

/** Code-table kind → the label key of the item field it classifies (classification.* in the shared bundle). */
export const KIND_LABEL: Record<ClassificationKind, string> = {
  product_group: 'classification.productGroup',
  brand: 'classification.brand',
  family: 'classification.family',
  homogeneous_category: 'classification.homogeneousCategory',
  stock_account_classification: 'classification.stockAccountClassification',
  classification_1: 'classification.classification1',
  classification_2: 'classification.classification2',
  classification_3: 'classification.classification3',
  classification_4: 'classification.classification4',
  classification_5: 'classification.classification5',
};
const KINDS = Object.keys(KIND_LABEL) as ClassificationKind[];

export default function ClassificationsSection() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ClassificationKind>('product_group');
  const [q, setQ] = useState('');
  const list = usePaged<Classification>('/api/classifications', { kind, q: q.trim() || undefined });
  const [editing, setEditing] = useState<Classification | 'new' | null>(null);
  return (
    <Stack>
      <SectionHeader
        testId="classifications"
        title={t('nav.classifications')}
        help={t('settings.classifications.help')}
        search={q}
        onSearch={setQ}
        searchPlaceholder={t('settings.classifications.searchPlaceholder')}
        onNew={() => setEditing('new')}
        newLabel={t('settings.classifications.new')}
      >
        <Select
          size="xs"
          w={260}
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as ClassificationKind)}
          data-testid="classification-kind"
          aria-label={t('settings.classifications.table')}
          data={KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
        />
      </SectionHeader>
      <VirtualTable
        rows={list.rows}
        rowKey={(c) => c.code}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="classifications-table"
        columns={[
          { key: 'code', header: t('common.code'), width: 160, render: (c) => <span className="mono">{c.code}</span> },
          { key: 'description', header: t('settings.description'), grow: 1, width: 300, render: (c) => c.description },
        ]}
      />
      {editing && (
        <ClassificationForm kind={kind} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

interface Values {
  code: string;
  description: string;
}

export function ClassificationForm({
  kind,
  row,
  onClose,
}: {
  kind: ClassificationKind;
  row: Classification | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { code: row?.code ?? '', description: row?.description ?? '' },
    validate: {
      code: row ? undefined : rules.all(rules.required(t), rules.pattern(t, CODE20, t('settings.code20Hint'))),
      description: rules.maxLength(t, 80),
    },
  });
  const path = row ? `/api/classifications/${kind}/${encodeURIComponent(row.code)}` : '';
  const done = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['/api/classifications'] });
    notifyOk(msg);
    onClose();
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      row
        ? api.patch<Classification>(path, { description: v.description })
        : api.post<Classification>('/api/classifications', { kind, code: v.code.trim(), description: v.description }),
    onMutate: () => setAlert(null),
    onSuccess: (c) => done(t('settings.savedCode', { code: c.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const del = useMutation({
    mutationFn: () => api.del(path),
    onSuccess: () => done(t('settings.deletedCode', { code: row!.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const table = t(KIND_LABEL[kind]);
  return (
    <Modal
      opened
      onClose={onClose}
      title={row ? `${table}: ${row.code}` : t('settings.classifications.newIn', { table })}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="classification-form" noValidate>
        <Stack>
          <TextInput
            label={t('common.code')}
            disabled={!!row}
            withAsterisk={!row}
            {...form.getInputProps('code')}
            data-testid="classification-code"
          />
          <TextInput
            label={t('settings.description')}
            {...form.getInputProps('description')}
            data-testid="classification-description"
          />
          <FormError text={alert} testId="classification-error" />
          <Group justify="space-between">
            {row ? (
              <DeleteButton testId="classification-delete" loading={del.isPending} onConfirm={() => del.mutate()} />
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="classification-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
