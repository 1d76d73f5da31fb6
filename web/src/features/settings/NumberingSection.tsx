// Numbering schemes: prefix + zero-padded counter for inventory numbers, count-list numbers, automatic item
// codes and generated EANs. The next number is previewed as it will be printed; it never goes back.
import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { rules } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { DeleteButton, FormError, SectionHeader, serverError } from './shared';

export type Sequence = ResponseOf<'/api/number-sequences/{code}', 'get'>;
export const SEQUENCE_CODE = /^[A-Za-z0-9_.:-]{1,60}$/;
const DIGITS = /^[1-9]\d{0,17}$/;

/** The number as the scheme prints it: prefix + number zero-padded to the width (never cut). */
export function formatNext(prefix: string, width: number | string, next: string): string {
  const w = Math.min(18, Math.max(1, Number(width) || 1));
  return prefix + (DIGITS.test(next) ? next : '1').padStart(w, '0');
}

/** "x ≥ y" on digit strings without floats: longer is larger, same length compares as text. */
export function digitsBelow(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

export function usedByText(t: TFunction, s: Pick<Sequence, 'usedBy' | 'purpose'>): string {
  const parts = s.usedBy.map((u) => t(`settings.numbering.usedBy.${u.kind}`, { code: u.code }));
  if (s.purpose === 'barcode') parts.push(t('settings.numbering.purpose.barcode'));
  return parts.join(', ');
}

export default function NumberingSection() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = usePaged<Sequence>('/api/number-sequences', { q: q.trim() || undefined });
  const [editing, setEditing] = useState<Sequence | 'new' | null>(null);
  return (
    <Stack>
      <SectionHeader
        testId="numbering"
        title={t('nav.numbering')}
        help={t('settings.numbering.help')}
        search={q}
        onSearch={setQ}
        searchPlaceholder={t('settings.numbering.searchPlaceholder')}
        onNew={() => setEditing('new')}
        newLabel={t('settings.numbering.new')}
      />
      <VirtualTable
        rows={list.rows}
        rowKey={(s) => s.code}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="numbering-table"
        columns={[
          { key: 'code', header: t('common.code'), width: 200, render: (s) => <span className="mono">{s.code}</span> },
          {
            key: 'prefix',
            header: t('settings.numbering.prefix'),
            width: 100,
            render: (s) => <span className="mono">{s.prefix}</span>,
          },
          { key: 'width', header: t('settings.numbering.width'), width: 80, align: 'right', render: (s) => s.width },
          {
            key: 'next',
            header: t('settings.numbering.nextNumber'),
            width: 170,
            render: (s) => (
              <Badge variant="light" className="mono" style={{ textTransform: 'none' }}>
                {s.nextNumber}
              </Badge>
            ),
          },
          {
            key: 'max',
            header: t('settings.numbering.maxItemsPerList'),
            width: 130,
            align: 'right',
            render: (s) => s.maxItemsPerList ?? '',
          },
          {
            key: 'used',
            header: t('settings.numbering.usedByTitle'),
            grow: 1,
            width: 220,
            render: (s) => (
              <Text size="sm" truncate>
                {usedByText(t, s)}
              </Text>
            ),
          },
        ]}
      />
      {editing && <SequenceForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Values {
  code: string;
  prefix: string;
  width: number | string;
  nextValue: string;
  maxItemsPerList: number | string;
}

export function SequenceForm({ row, onClose }: { row: Sequence | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const barcode = row?.purpose === 'barcode';
  const form = useForm<Values>({
    initialValues: {
      code: row?.code ?? '',
      prefix: row?.prefix ?? '',
      width: row?.width ?? 6,
      nextValue: row?.nextValue ?? '1',
      maxItemsPerList: row?.maxItemsPerList ?? '',
    },
    validate: {
      code: row
        ? undefined
        : (v: string) => {
            const base = rules.all(
              rules.required(t),
              rules.pattern(t, SEQUENCE_CODE, t('settings.numbering.codeHint')),
            )(v);
            if (base) return base;
            return v.startsWith('item-code.') || v.startsWith('item-barcode.')
              ? t('settings.numbering.reservedCode')
              : null;
          },
      prefix: (v) =>
        v.length > 20 ? t('form.maxLength', { max: 20 }) : /\s/.test(v) ? t('settings.numbering.noSpaces') : null,
      width: (v) =>
        v === '' || !Number.isInteger(Number(v)) || Number(v) < 1 || Number(v) > 18
          ? t('settings.numbering.widthRange')
          : null,
      nextValue: (v) => {
        const s = v.trim();
        if (!DIGITS.test(s)) return t('settings.numbering.nextValueInvalid');
        if (row && digitsBelow(s, row.nextValue)) return t('settings.numbering.nextValueBack', { min: row.nextValue });
        return null;
      },
      maxItemsPerList: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 1_000_000)
          ? null
          : t('settings.numbering.maxRange'),
    },
  });
  const v = form.values;
  const preview = formatNext(v.prefix, v.width, v.nextValue.trim());
  const done = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['/api/number-sequences'] });
    notifyOk(msg);
    onClose();
  };
  const save = useMutation({
    mutationFn: (x: Values) => {
      const max = x.maxItemsPerList === '' ? null : Number(x.maxItemsPerList);
      if (!row)
        return api.post<Sequence>('/api/number-sequences', {
          code: x.code.trim(),
          prefix: x.prefix,
          width: Number(x.width),
          nextValue: x.nextValue.trim(),
          maxItemsPerList: max,
        });
      const body: Record<string, unknown> = {};
      if (x.prefix !== row.prefix) body.prefix = x.prefix;
      if (Number(x.width) !== row.width) body.width = Number(x.width);
      if (x.nextValue.trim() !== row.nextValue) body.nextValue = x.nextValue.trim();
      if (max !== row.maxItemsPerList) body.maxItemsPerList = max;
      return api.patch<Sequence>(`/api/number-sequences/${encodeURIComponent(row.code)}`, body);
    },
    onMutate: () => setAlert(null),
    onSuccess: (s) => done(t('settings.numbering.saved', { code: s.code, next: s.nextNumber })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const del = useMutation({
    mutationFn: () => api.del(`/api/number-sequences/${encodeURIComponent(row!.code)}`),
    onSuccess: () => done(t('settings.deletedCode', { code: row!.code })),
    onError: (e) => setAlert(serverError(form, t, e, { code: '_none' })),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={row ? t('settings.numbering.edit', { code: row.code }) : t('settings.numbering.new')}
    >
      <form onSubmit={form.onSubmit((x) => save.mutate(x))} data-testid="sequence-form" noValidate>
        <Stack>
          <TextInput
            label={t('common.code')}
            description={row ? usedByText(t, row) || t('settings.numbering.unused') : t('settings.numbering.codeHelp')}
            disabled={!!row}
            withAsterisk={!row}
            {...form.getInputProps('code')}
            data-testid="sequence-code"
          />
          {barcode && (
            <Text size="sm" c="orange">
              {t('settings.numbering.barcodeHint')}
            </Text>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('settings.numbering.prefix')}
              description={t('settings.numbering.prefixHelp')}
              disabled={barcode}
              {...form.getInputProps('prefix')}
              data-testid="sequence-prefix"
            />
            <NumberInput
              clampBehavior="none"
              label={t('settings.numbering.width')}
              description={t('settings.numbering.widthHelp')}
              min={1}
              max={18}
              allowDecimal={false}
              allowNegative={false}
              disabled={barcode}
              {...form.getInputProps('width')}
              data-testid="sequence-width"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('settings.numbering.nextValue')}
              inputMode="numeric"
              description={
                row
                  ? t('settings.numbering.nextValueHelpEdit', { min: row.nextValue })
                  : t('settings.numbering.nextValueHelp')
              }
              {...form.getInputProps('nextValue')}
              data-testid="sequence-next"
            />
            <NumberInput
              label={t('settings.numbering.maxItemsPerList')}
              description={t('settings.numbering.maxItemsHelp')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('maxItemsPerList')}
              data-testid="sequence-max"
            />
          </Group>
          <Group gap="xs">
            <Text size="sm">{t('settings.numbering.preview')}</Text>
            <Badge
              size="lg"
              variant="light"
              className="mono"
              data-testid="sequence-preview"
              style={{ textTransform: 'none' }}
            >
              {preview}
            </Badge>
          </Group>
          <FormError text={alert} testId="sequence-error" />
          <Group justify="space-between">
            {row && row.usedBy.length === 0 && !barcode ? (
              <DeleteButton testId="sequence-delete" loading={del.isPending} onConfirm={() => del.mutate()} />
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="sequence-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
