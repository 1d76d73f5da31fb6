// The form of an inventory type, every flag grouped: what is counted and how (method, material), what the
// counter sees and may do (blind, report type, single reporting, keep location), how differences are
// posted and valued (keys, valuation price), and how inventories and count lists are numbered.
import { useEffect, useState } from 'react';
import {
  Autocomplete,
  Badge,
  Button,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, type Page } from '../../api/client';
import type { BodyOf, InventoryType, ReportType, ValuationPrice } from '../../api/models';
import { rules } from '../../components/form';
import { notifyOk } from '../../components/errors';
import { CODE20 } from './ClassificationsSection';
import { SEQUENCE_CODE, digitsBelow, formatNext, type Sequence } from './NumberingSection';
import { SamplingConfigButton } from './SamplingConfigForm';
import { useTransactionKeys, type KeyKind } from './TransactionKeysSection';
import { DeleteButton, FormError, serverError } from './shared';

type Method = InventoryType['method'];
type MaterialType = InventoryType['materialType'];
type TypeBody = BodyOf<'/api/inventory-types', 'post'>;
type NumberingBody = NonNullable<TypeBody['inventoryNumbering']>;
export const METHODS: Method[] = ['stock_taking_day', 'continuous', 'sample', 'stock_comparison'];
const VALUATION: ValuationPrice[] = [
  'average',
  'inventory',
  'settlement_1',
  'settlement_2',
  'settlement_3',
  'settlement_4',
  'settlement_5',
];

export interface NumberingValues {
  code: string;
  prefix: string;
  width: number | string;
  nextValue: number | string;
  maxItemsPerList: number | string;
}
export interface TypeValues {
  code: string;
  description: string;
  method: Method | null;
  materialType: MaterialType;
  valuationPrice: ValuationPrice;
  reportType: ReportType;
  singleReportingRequired: boolean;
  showSystemQuantities: boolean;
  keepLocation: boolean;
  /** Tolerance per line (docs/tolerances.md); '' is no limit on that side. */
  tolerancePercent: string;
  toleranceValue: string;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
  inventoryNumbering: NumberingValues;
  countListNumbering: NumberingValues;
}

const numberingOf = (n: InventoryType['inventoryNumbering'] | undefined, prefix: string): NumberingValues => ({
  code: n?.code ?? '',
  prefix: n?.prefix ?? prefix,
  width: n?.width ?? 6,
  nextValue: n?.nextValue ?? 1,
  maxItemsPerList: n?.maxItemsPerList ?? '',
});

/** A tolerance as typed: empty (no limit) or a decimal ≥ 0, with a decimal point or comma. */
const TOLERANCE = /^(\d{1,12}([.,]\d{1,6})?)?$/;
const toleranceOf = (x: string): string | null => (x.trim() === '' ? null : x.trim().replace(',', '.'));

export function initialTypeValues(row: InventoryType | null): TypeValues {
  return {
    code: row?.code ?? '',
    description: row?.description ?? '',
    method: row?.method ?? null,
    materialType: row?.materialType ?? 'stock_items',
    valuationPrice: row?.valuationPrice ?? 'average',
    reportType: row?.reportType ?? 'single',
    singleReportingRequired: row?.singleReportingRequired ?? false,
    showSystemQuantities: row?.showSystemQuantities ?? false,
    keepLocation: row?.keepLocation ?? true,
    tolerancePercent: row?.tolerancePercent ?? '',
    toleranceValue: row?.toleranceValue ?? '',
    adjustmentKey: row?.adjustmentKey ?? null,
    transferKey: row?.transferKey ?? null,
    valueAdjustmentKey: row?.valueAdjustmentKey ?? null,
    inventoryNumbering: numberingOf(row?.inventoryNumbering, 'INV-'),
    countListNumbering: numberingOf(row?.countListNumbering, 'CL-'),
  };
}

type SchemeLike = { prefix: string; width: number; nextValue: number | string; maxItemsPerList: number | null };

/**
 * The numbering part of the body: a scheme that does not exist yet is sent whole (the server creates it); for
 * an existing one only the code and what differs from it, so a shared scheme is not rewritten by accident.
 */
export function numberingBody(
  v: NumberingValues,
  existing: SchemeLike | undefined,
  withMax: boolean,
): NumberingBody | undefined {
  const code = v.code.trim() || undefined;
  const max = v.maxItemsPerList === '' ? null : Number(v.maxItemsPerList);
  if (!existing) {
    return {
      ...(code ? { code } : {}),
      prefix: v.prefix,
      width: Number(v.width),
      nextValue: Number(v.nextValue),
      ...(withMax ? { maxItemsPerList: max } : {}),
    };
  }
  const out: NumberingBody = code ? { code } : {};
  if (v.prefix !== existing.prefix) out.prefix = v.prefix;
  if (Number(v.width) !== existing.width) out.width = Number(v.width);
  if (String(v.nextValue) !== String(existing.nextValue)) out.nextValue = Number(v.nextValue);
  if (withMax && max !== existing.maxItemsPerList) out.maxItemsPerList = max;
  return out;
}

/** The request body: the whole type on creation; on a change only the fields that differ from `row`. */
export function typeBody(v: TypeValues, row: InventoryType | null, schemes: Sequence[]): Partial<TypeBody> {
  const scheme = (n: NumberingValues, current: InventoryType['inventoryNumbering'] | undefined) => {
    const code = n.code.trim();
    if (current && (code === '' || code === current.code)) return current;
    return schemes.find((s) => s.code === code);
  };
  const inv = numberingBody(v.inventoryNumbering, scheme(v.inventoryNumbering, row?.inventoryNumbering), false);
  const cl = numberingBody(v.countListNumbering, scheme(v.countListNumbering, row?.countListNumbering), true);
  const valueKey = v.materialType === 'production_resources' ? null : v.valueAdjustmentKey;
  const all: Partial<TypeBody> = {
    description: v.description.trim(),
    method: v.method ?? undefined,
    materialType: v.materialType,
    valuationPrice: v.valuationPrice,
    reportType: v.reportType,
    singleReportingRequired: v.singleReportingRequired,
    showSystemQuantities: v.showSystemQuantities,
    keepLocation: v.keepLocation,
    tolerancePercent: toleranceOf(v.tolerancePercent),
    toleranceValue: toleranceOf(v.toleranceValue),
    adjustmentKey: v.adjustmentKey,
    transferKey: v.transferKey,
    valueAdjustmentKey: valueKey,
  };
  if (!row) return { code: v.code.trim(), ...all, inventoryNumbering: inv, countListNumbering: cl };
  const out: Partial<TypeBody> = {};
  for (const [k, val] of Object.entries(all) as [keyof TypeBody, unknown][]) {
    if (val !== (row as unknown as Record<string, unknown>)[k]) (out as Record<string, unknown>)[k] = val;
  }
  const changed = (n: NumberingBody | undefined, current: InventoryType['inventoryNumbering']) =>
    n && Object.keys(n).some((k) => k !== 'code' || n.code !== current.code) ? n : undefined;
  const invChange = changed(inv, row.inventoryNumbering),
    clChange = changed(cl, row.countListNumbering);
  if (invChange) out.inventoryNumbering = invChange;
  if (clChange) out.countListNumbering = clChange;
  return out;
}

function numberingRules(t: TFunction, withMax: boolean) {
  const int = (min: number, max: number, key: string) => (v: unknown) =>
    v === '' || !Number.isInteger(Number(v)) || Number(v) < min || Number(v) > max ? t(key) : null;
  return {
    code: (v: string) =>
      v.trim() !== '' && !SEQUENCE_CODE.test(v.trim())
        ? t('form.pattern', { hint: t('settings.numbering.codeHint') })
        : null,
    prefix: (v: string) =>
      v.length > 20 ? t('form.maxLength', { max: 20 }) : /\s/.test(v) ? t('settings.numbering.noSpaces') : null,
    width: int(1, 18, 'settings.numbering.widthRange'),
    nextValue: int(1, Number.MAX_SAFE_INTEGER, 'settings.numbering.nextValueInvalid'),
    maxItemsPerList: withMax
      ? (v: unknown) => (v === '' ? null : int(1, 1_000_000, 'settings.numbering.maxRange')(v))
      : () => null,
  };
}

export function InventoryTypeForm({
  row,
  canWrite,
  onClose,
}: {
  row: InventoryType | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const keys = useTransactionKeys();
  const schemes = useQuery({
    queryKey: ['/api/number-sequences', 'all'],
    queryFn: () => api.get<Page<Sequence>>('/api/number-sequences', { limit: 1000 }),
  });
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<TypeValues>({
    initialValues: initialTypeValues(row),
    validate: {
      code: row ? undefined : rules.all(rules.required(t), rules.pattern(t, CODE20, t('settings.code20Hint'))),
      description: rules.maxLength(t, 80),
      method: rules.required(t),
      inventoryNumbering: numberingRules(t, false),
      countListNumbering: numberingRules(t, true),
      tolerancePercent: (x: string) => (TOLERANCE.test(x.trim()) ? null : t('tolerance.invalid')),
      toleranceValue: (x: string) => (TOLERANCE.test(x.trim()) ? null : t('tolerance.invalid')),
    },
  });
  const v = form.values;
  // A new type starts with the main key of each kind (the keys a manager would pick anyway).
  const keyItems = keys.data?.items;
  useEffect(() => {
    if (row || !keyItems) return;
    const main = (kind: KeyKind) => keyItems.find((k) => k.kind === kind && k.isMain)?.code ?? null;
    const cur = form.getValues();
    if (!cur.adjustmentKey) form.setFieldValue('adjustmentKey', main('adjustment'));
    if (!cur.transferKey) form.setFieldValue('transferKey', main('transfer'));
    if (!cur.valueAdjustmentKey) form.setFieldValue('valueAdjustmentKey', main('revaluation'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the keys arrive
  }, [keyItems, row]);
  const done = (msg: string) => {
    void qc.invalidateQueries({ queryKey: ['/api/inventory-types'] });
    void qc.invalidateQueries({ queryKey: ['/api/number-sequences'] });
    notifyOk(msg);
    onClose();
  };
  const save = useMutation({
    mutationFn: (x: TypeValues) => {
      const body = typeBody(x, row, schemes.data?.items ?? []);
      return row
        ? api.patch<InventoryType>(`/api/inventory-types/${row.id}`, body)
        : api.post<InventoryType>('/api/inventory-types', body);
    },
    onMutate: () => setAlert(null),
    onSuccess: (x) => done(t('settings.savedCode', { code: x.code })),
    onError: (e) => setAlert(serverError(form, t, e)),
  });
  const del = useMutation({
    mutationFn: () => api.del(`/api/inventory-types/${row!.id}`),
    onSuccess: () => done(t('settings.deletedCode', { code: row!.code })),
    onError: (e) => setAlert(serverError(form, t, e, { code: '_none' })),
  });
  const keyOptions = (kind: KeyKind) =>
    (keys.data?.items ?? [])
      .filter((k) => k.kind === kind)
      .map((k) => ({ value: k.code, label: k.description ? `${k.code} – ${k.description}` : k.code }));
  const keySelect = (
    field: 'adjustmentKey' | 'transferKey' | 'valueAdjustmentKey',
    kind: KeyKind,
    label: string,
    disabled = false,
  ) => (
    <Select
      label={label}
      description={t(`settings.types.keyHelp.${kind}`)}
      clearable
      allowDeselect={false}
      disabled={disabled}
      data={keyOptions(kind)}
      nothingFoundMessage={t('settings.types.noKeys')}
      {...form.getInputProps(field)}
      data-testid={`type-${field}`}
    />
  );
  const changeScheme = (path: 'inventoryNumbering' | 'countListNumbering', code: string) => {
    form.setFieldValue(`${path}.code`, code);
    const s = schemes.data?.items.find((x) => x.code === code.trim());
    if (s)
      form.setFieldValue(path, {
        code,
        prefix: s.prefix,
        width: s.width,
        nextValue: Number(s.nextValue),
        maxItemsPerList: s.maxItemsPerList ?? '',
      });
  };
  const numbering = (path: 'inventoryNumbering' | 'countListNumbering', withMax: boolean) => {
    const n = v[path];
    const current = row?.[path];
    const existing = schemes.data?.items.find((x) => x.code === (n.code.trim() || current?.code));
    const shared = existing && existing.usedBy.filter((u) => u.code !== row?.code).length > 0;
    const fallback = `${path === 'inventoryNumbering' ? 'inventory' : 'count_list'}:${v.code.trim() || 'CODE'}`;
    return (
      <Fieldset legend={t(`settings.types.${path}`)} variant="filled">
        <Stack gap="xs">
          <Autocomplete
            label={t('settings.types.scheme')}
            placeholder={current?.code ?? fallback}
            description={t('settings.types.schemeHelp')}
            data={(schemes.data?.items ?? []).filter((s) => s.purpose === 'general').map((s) => s.code)}
            {...form.getInputProps(`${path}.code`)}
            onChange={(c) => changeScheme(path, c)}
            data-testid={`type-${path}-code`}
          />
          <SimpleGrid cols={withMax ? 4 : 3}>
            <TextInput
              label={t('settings.numbering.prefix')}
              {...form.getInputProps(`${path}.prefix`)}
              data-testid={`type-${path}-prefix`}
            />
            <NumberInput
              clampBehavior="none"
              label={t('settings.numbering.width')}
              min={1}
              max={18}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(`${path}.width`)}
              data-testid={`type-${path}-width`}
            />
            <NumberInput
              label={t('settings.numbering.nextValue')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              {...form.getInputProps(`${path}.nextValue`)}
              data-testid={`type-${path}-next`}
              error={
                form.errors[`${path}.nextValue`] ??
                (existing && digitsBelow(String(n.nextValue), existing.nextValue)
                  ? t('settings.numbering.nextValueBack', { min: existing.nextValue })
                  : undefined)
              }
            />
            {withMax && (
              <NumberInput
                label={t('settings.numbering.maxItemsPerList')}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(`${path}.maxItemsPerList`)}
                data-testid={`type-${path}-max`}
              />
            )}
          </SimpleGrid>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('settings.numbering.preview')}
            </Text>
            <Badge
              variant="light"
              className="mono"
              style={{ textTransform: 'none' }}
              data-testid={`type-${path}-preview`}
            >
              {formatNext(n.prefix, n.width, String(n.nextValue))}
            </Badge>
            {shared && (
              <Text size="xs" c="orange">
                {t('settings.types.sharedScheme')}
              </Text>
            )}
          </Group>
        </Stack>
      </Fieldset>
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={row ? t('settings.types.edit', { code: row.code }) : t('settings.types.new')}
    >
      <form onSubmit={form.onSubmit((x) => save.mutate(x))} data-testid="type-form" noValidate>
        <Stack>
          <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, display: 'contents' }}>
            <Fieldset legend={t('settings.types.general')} variant="filled">
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('common.code')}
                  withAsterisk={!row}
                  disabled={!!row}
                  {...form.getInputProps('code')}
                  data-testid="type-code"
                />
                <TextInput
                  label={t('settings.description')}
                  {...form.getInputProps('description')}
                  data-testid="type-description"
                />
                <Select
                  label={t('settings.types.method')}
                  withAsterisk
                  allowDeselect={false}
                  description={v.method ? t(`settings.types.methodHelp.${v.method}`) : t('settings.types.methodPick')}
                  data={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
                  {...form.getInputProps('method')}
                  data-testid="type-method"
                />
                <Select
                  label={t('settings.types.materialType')}
                  allowDeselect={false}
                  description={t(`settings.types.materialHelp.${v.materialType}`)}
                  data={(['stock_items', 'production_resources'] as const).map((m) => ({
                    value: m,
                    label: t(`settings.types.material.${m}`),
                  }))}
                  {...form.getInputProps('materialType')}
                  data-testid="type-material"
                />
              </SimpleGrid>
              {v.method && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t(`settings.types.countTypes.${v.method}`)}
                </Text>
              )}
            </Fieldset>
            <Fieldset legend={t('settings.types.countingGroup')} variant="filled">
              <SimpleGrid cols={2} verticalSpacing="md">
                <Switch
                  label={t('inv.showSystemQuantities')}
                  description={t('settings.types.showSystemHelp')}
                  {...form.getInputProps('showSystemQuantities', { type: 'checkbox' })}
                  data-testid="type-show-system"
                />
                <Select
                  label={t('inv.reportType')}
                  allowDeselect={false}
                  description={t(`settings.types.reportHelp.${v.reportType}`)}
                  data={(['single', 'cumulative'] as const).map((r) => ({ value: r, label: t(`reportType.${r}`) }))}
                  {...form.getInputProps('reportType')}
                  data-testid="type-report"
                />
                <Switch
                  label={t('inv.singleReportingRequired')}
                  description={t('settings.types.singleHelp')}
                  {...form.getInputProps('singleReportingRequired', { type: 'checkbox' })}
                  data-testid="type-single"
                />
                <Switch
                  label={t('settings.types.keepLocation')}
                  description={t('settings.types.keepLocationHelp')}
                  {...form.getInputProps('keepLocation', { type: 'checkbox' })}
                  data-testid="type-keep-location"
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('tolerance.group')} variant="filled" data-testid="type-tolerance">
              <Text size="xs" c="dimmed" mb="xs">
                {t('tolerance.groupHelp')}
              </Text>
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('tolerance.percent')}
                  description={t('tolerance.percentHelp')}
                  inputMode="decimal"
                  {...form.getInputProps('tolerancePercent')}
                  data-testid="type-tolerance-percent"
                />
                <TextInput
                  label={t('tolerance.value')}
                  description={t('tolerance.valueHelp')}
                  inputMode="decimal"
                  {...form.getInputProps('toleranceValue')}
                  data-testid="type-tolerance-value"
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('settings.types.postingGroup')} variant="filled">
              <SimpleGrid cols={2}>
                <Select
                  label={t('inv.valuationPrice')}
                  allowDeselect={false}
                  description={t('settings.types.valuationHelp')}
                  data={VALUATION.map((p) => ({ value: p, label: t(`valuation.${p}`) }))}
                  {...form.getInputProps('valuationPrice')}
                  data-testid="type-valuation"
                />
                {keySelect('adjustmentKey', 'adjustment', t('inv.adjustmentKey'))}
                {keySelect('transferKey', 'transfer', t('inv.transferKey'))}
                {keySelect(
                  'valueAdjustmentKey',
                  'revaluation',
                  t('inv.valueAdjustmentKey'),
                  v.materialType === 'production_resources',
                )}
              </SimpleGrid>
            </Fieldset>
            {numbering('inventoryNumbering', false)}
            {numbering('countListNumbering', true)}
          </fieldset>
          <FormError text={alert} testId="type-error" />
          <Group justify="space-between">
            {row && canWrite ? (
              <DeleteButton testId="type-delete" loading={del.isPending} onConfirm={() => del.mutate()} />
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              {canWrite && (
                <Button type="submit" loading={save.isPending} data-testid="type-save">
                  {t('common.save')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
      {row?.method === 'sample' && (
        <Group mt="md">
          <SamplingConfigButton typeId={row.id} typeCode={row.code} canWrite={canWrite} />
        </Group>
      )}
    </Modal>
  );
}
