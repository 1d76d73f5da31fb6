// Units of measure: code, description and the decimals a quantity of the unit may have. Conversions between
// units belong to an item (its secondary unit and its search codes), so they are kept in the item editor.
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { rules } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { DeleteButton, FormError, SectionHeader, serverError } from './shared';

export type Unit = ResponseOf<'/api/units/{code}', 'get'>;
export const UNIT_CODE = /^[A-Za-z0-9_%]{1,10}$/;

export default function UnitsSection() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = usePaged<Unit>('/api/units', { q: q.trim() || undefined });
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  return (
    <Stack>
      <SectionHeader
        testId="units"
        title={t('nav.units')}
        help={t('settings.units.help')}
        search={q}
        onSearch={setQ}
        searchPlaceholder={t('settings.units.searchPlaceholder')}
        onNew={() => setEditing('new')}
        newLabel={t('settings.units.new')}
      />
      <VirtualTable
        rows={list.rows}
        rowKey={(u) => u.code}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="units-table"
        columns={[
          { key: 'code', header: t('common.code'), width: 120, render: (u) => <span className="mono">{u.code}</span> },
          { key: 'description', header: t('settings.description'), grow: 1, width: 240, render: (u) => u.description },
          {
            key: 'decimals',
            header: t('settings.units.decimals'),
            width: 110,
            align: 'right',
            render: (u) => u.decimals,
          },
        ]}
      />
      {editing && <UnitForm unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Values {
  code: string;
  description: string;
  decimals: number | string;
}

export function UnitForm({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { code: unit?.code ?? '', description: unit?.description ?? '', decimals: unit?.decimals ?? 0 },
    validate: {
      code: unit ? undefined : rules.all(rules.required(t), rules.pattern(t, UNIT_CODE, t('settings.units.codeHint'))),
      description: rules.maxLength(t, 40),
      decimals: (v) =>
        v === '' || !Number.isInteger(Number(v)) || Number(v) < 0 || Number(v) > 6
          ? t('settings.units.decimalsRange')
          : null,
    },
  });
  const done = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['/api/units'] });
    notifyOk(msg);
    onClose();
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      unit
        ? api.patch<Unit>(`/api/units/${encodeURIComponent(unit.code)}`, {
            description: v.description,
            decimals: Number(v.decimals),
          })
        : api.post<Unit>('/api/units', {
            code: v.code.trim(),
            description: v.description,
            decimals: Number(v.decimals),
          }),
    onMutate: () => setAlert(null),
    onSuccess: (u) => done(t('settings.savedCode', { code: u.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const del = useMutation({
    mutationFn: () => api.del(`/api/units/${encodeURIComponent(unit!.code)}`),
    onSuccess: () => done(t('settings.deletedCode', { code: unit!.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const example = f.quantity(
    Number(form.values.decimals) > 0 ? `1234.${'5'.repeat(Math.min(6, Number(form.values.decimals)))}` : '1234',
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={unit ? t('settings.units.edit', { code: unit.code }) : t('settings.units.new')}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="unit-form" noValidate>
        <Stack>
          <TextInput
            label={t('common.code')}
            description={t('settings.units.codeHelp')}
            disabled={!!unit}
            withAsterisk={!unit}
            {...form.getInputProps('code')}
            data-testid="unit-code"
          />
          <TextInput
            label={t('settings.description')}
            {...form.getInputProps('description')}
            data-testid="unit-description"
          />
          <NumberInput
            label={t('settings.units.decimals')}
            clampBehavior="none"
            description={t('settings.units.decimalsHelp', { example })}
            min={0}
            max={6}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('decimals')}
            data-testid="unit-decimals"
          />
          <FormError text={alert} testId="unit-error" />
          <Group justify="space-between">
            {unit ? (
              <DeleteButton testId="unit-delete" loading={del.isPending} onConfirm={() => del.mutate()} />
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="unit-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
