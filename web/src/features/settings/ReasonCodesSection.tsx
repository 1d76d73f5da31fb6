// Reason codes (docs/tolerances.md): why a count differs. Offered when reporting and approving differences,
// shown in the differences report, kept on the ledger entries. The administrator maintains them; a code is
// deactivated rather than deleted, since what names it stays.
import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { rules } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { FormError, SectionHeader, serverError, useIsAdmin } from './shared';

export type ReasonCode = ResponseOf<'/api/reason-codes', 'get'>['items'][number];
export const REASON_CODE = /^[a-z0-9_]{1,30}$/;
const KEY = ['/api/reason-codes', 'all'];

export default function ReasonCodesSection() {
  const { t } = useTranslation();
  const canWrite = useIsAdmin();
  const codes = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: ReasonCode[] }>('/api/reason-codes', { includeInactive: 'true' }),
  });
  const [editing, setEditing] = useState<ReasonCode | 'new' | null>(null);
  return (
    <Stack>
      <SectionHeader
        testId="reason-codes"
        title={t('tolerance.reasonCodes.title')}
        help={t('tolerance.reasonCodes.help')}
        onNew={() => setEditing('new')}
        newLabel={t('tolerance.reasonCodes.new')}
        canWrite={canWrite}
      />
      <VirtualTable
        rows={codes.data?.items ?? []}
        rowKey={(c) => c.code}
        loading={codes.isLoading}
        onRowClick={canWrite ? setEditing : undefined}
        testId="reason-codes-table"
        columns={[
          {
            key: 'code',
            header: t('tolerance.reasonCodes.code'),
            width: 200,
            render: (c) => <span className="mono">{c.code}</span>,
          },
          {
            key: 'description',
            header: t('tolerance.reasonCodes.description'),
            grow: 1,
            width: 280,
            render: (c) => c.description,
          },
          {
            key: 'active',
            header: t('tolerance.reasonCodes.active'),
            width: 110,
            render: (c) =>
              c.active ? null : (
                <Badge size="xs" color="gray">
                  {t('tolerance.reasonCodes.inactive')}
                </Badge>
              ),
          },
        ]}
      />
      {editing && <ReasonCodeForm code={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Values {
  code: string;
  description: string;
  active: boolean;
}

export function ReasonCodeForm({ code, onClose }: { code: ReasonCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { code: code?.code ?? '', description: code?.description ?? '', active: code?.active ?? true },
    validate: {
      code: code
        ? undefined
        : rules.all(rules.required(t), rules.pattern(t, REASON_CODE, t('tolerance.reasonCodes.codeHint'))),
      description: rules.all(rules.required(t), rules.maxLength(t, 80)),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      code
        ? api.patch<ReasonCode>(`/api/reason-codes/${encodeURIComponent(code.code)}`, {
            description: v.description.trim(),
            active: v.active,
          })
        : api.post<ReasonCode>('/api/reason-codes', {
            code: v.code.trim(),
            description: v.description.trim(),
            active: v.active,
          }),
    onMutate: () => setAlert(null),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['/api/reason-codes'] });
      notifyOk(t('tolerance.reasonCodes.saved', { code: c.code }));
      onClose();
    },
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={code ? t('tolerance.reasonCodes.edit', { code: code.code }) : t('tolerance.reasonCodes.new')}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="reason-code-form" noValidate>
        <Stack>
          <TextInput
            label={t('tolerance.reasonCodes.code')}
            description={t('tolerance.reasonCodes.codeHint')}
            disabled={!!code}
            withAsterisk={!code}
            {...form.getInputProps('code')}
            data-testid="reason-code-code"
          />
          <TextInput
            label={t('tolerance.reasonCodes.description')}
            withAsterisk
            {...form.getInputProps('description')}
            data-testid="reason-code-description"
          />
          <Switch
            label={t('tolerance.reasonCodes.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
            data-testid="reason-code-active"
          />
          <FormError text={alert} testId="reason-code-error" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="reason-code-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The active reason codes as Select options ("code – description"). */
export function useReasonOptions(): Array<{ value: string; label: string }> {
  const codes = useQuery({
    queryKey: ['/api/reason-codes'],
    queryFn: () => api.get<{ items: ReasonCode[] }>('/api/reason-codes'),
  });
  return (codes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.description}` }));
}
