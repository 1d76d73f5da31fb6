// Step (f): numbering schemes and inventory types for stock-taking day, continuous and sample counting. Each
// type names the keys its closing posts with (kinds adjustment, transfer, revaluation) and gets two numbering
// schemes — inventory numbers and count-list numbers — created with it. One request for every ticked type.
import { useState } from 'react';
import {
  Badge,
  Card,
  Checkbox,
  Group,
  Loader,
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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap } from '../../api/client';
import type { BodyOf } from '../../api/models';
import { applyServerError, rules } from '../../components/form';
import { StepFrame, type StepProps } from './StepFrame';
import { SETUP_KEY } from './useSetupStatus';
import { type KeyProposal, type TypeProposal, codeRule, intRule, rowAliases, whenTicked } from './setupRules';

type Method = TypeProposal['method'];
type ReportType = TypeProposal['reportType'];
const METHODS: Method[] = ['stock_taking_day', 'continuous', 'sample'];
type Key = { code: string; description: string; kind: KeyProposal['kind'] };

export interface TypeRow {
  selected: boolean;
  exists: boolean;
  code: string;
  description: string;
  method: Method;
  reportType: ReportType;
  blind: boolean;
  inventoryPrefix: string;
  inventoryWidth: number | string;
  listPrefix: string;
  listWidth: number | string;
  maxItemsPerList: number | string;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
}
export interface TypesValues {
  rows: TypeRow[];
}
type TypeBody = BodyOf<'/api/setup/inventory-types', 'post'>['types'][number];

/** A proposed key when it exists, else the first key of the kind the field needs, else none. */
function keyFor(keys: Key[], proposed: string, kind: Key['kind']): string | null {
  return (
    keys.find((k) => k.code === proposed && k.kind === kind)?.code ?? keys.find((k) => k.kind === kind)?.code ?? null
  );
}

export function typeRows(t: TFunction, proposals: TypeProposal[], keys: Key[]): TypeRow[] {
  return proposals.map((p) => ({
    selected: !p.exists,
    exists: p.exists,
    code: p.code,
    method: p.method,
    reportType: p.reportType,
    blind: true,
    description: t(`setup.defaults.types.${p.code}`, { defaultValue: p.description }),
    inventoryPrefix: p.inventoryNumbering.prefix,
    inventoryWidth: p.inventoryNumbering.width,
    listPrefix: p.countListNumbering.prefix,
    listWidth: p.countListNumbering.width,
    maxItemsPerList: p.countListNumbering.maxItemsPerList ?? '',
    adjustmentKey: keyFor(keys, p.adjustmentKey, 'adjustment'),
    transferKey: keyFor(keys, p.transferKey, 'transfer'),
    valueAdjustmentKey: keyFor(keys, p.valueAdjustmentKey, 'revaluation'),
  }));
}

export const typesValidate = (t: TFunction) => ({
  rows: {
    code: whenTicked<TypesValues>(codeRule(t)),
    description: whenTicked<TypesValues>(rules.maxLength(t, 80)),
    inventoryPrefix: whenTicked<TypesValues>(rules.maxLength(t, 20)),
    listPrefix: whenTicked<TypesValues>(rules.maxLength(t, 20)),
    inventoryWidth: whenTicked<TypesValues>(intRule(t, 1, 18)),
    listWidth: whenTicked<TypesValues>(intRule(t, 1, 18)),
    maxItemsPerList: whenTicked<TypesValues>(intRule(t, 1, 1_000_000, true)),
  },
});

export function typeBody(r: TypeRow): TypeBody {
  const code = r.code.trim();
  return {
    code,
    description: r.description.trim(),
    method: r.method,
    reportType: r.reportType,
    showSystemQuantities: !r.blind,
    inventoryNumbering: { code: `inventory:${code}`, prefix: r.inventoryPrefix, width: Number(r.inventoryWidth) },
    countListNumbering: {
      code: `count_list:${code}`,
      prefix: r.listPrefix,
      width: Number(r.listWidth),
      maxItemsPerList: r.maxItemsPerList === '' ? null : Number(r.maxItemsPerList),
    },
    adjustmentKey: r.adjustmentKey,
    transferKey: r.transferKey,
    valueAdjustmentKey: r.valueAdjustmentKey,
  };
}

export function typesRequest(v: TypesValues) {
  const picked = v.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.selected);
  return { indexes: picked.map(({ i }) => i), body: { types: picked.map(({ r }) => typeBody(r)) } };
}

const ALIASED = ['code', 'description', 'method', 'reportType', 'adjustmentKey', 'transferKey', 'valueAdjustmentKey'];

export function TypesStep(props: StepProps<string[]> & { proposals: TypeProposal[] }) {
  const keys = useQuery({
    queryKey: ['/api/transaction-keys'],
    queryFn: () => api.get<{ items: Key[] }>('/api/transaction-keys'),
  });
  if (!keys.data) return <Loader size="sm" />;
  return <TypesForm {...props} keys={keys.data.items} />;
}

function TypesForm({
  proposals,
  keys,
  onDone,
  onSkip,
}: StepProps<string[]> & { proposals: TypeProposal[]; keys: Key[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<TypesValues>({
    initialValues: { rows: typeRows(t, proposals, keys) },
    validate: typesValidate(t),
  });
  const save = useMutation({
    mutationFn: (req: ReturnType<typeof typesRequest>) =>
      unwrap(client.POST('/api/setup/inventory-types', { body: req.body })),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['/api/inventory-types'] });
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
      onDone(r.types.map((x) => x.code));
    },
    onError: (e, req) => {
      const aliases = rowAliases('types', req.indexes, ALIASED);
      req.indexes.forEach((fi, sent) => {
        aliases[`types.${sent}.inventoryNumbering.prefix`] = `rows.${fi}.inventoryPrefix`;
        aliases[`types.${sent}.countListNumbering.prefix`] = `rows.${fi}.listPrefix`;
        aliases[`types.${sent}.countListNumbering.maxItemsPerList`] = `rows.${fi}.maxItemsPerList`;
      });
      setAlert(applyServerError(form, t, e, aliases));
    },
  });
  const options = (kind: Key['kind']) =>
    keys
      .filter((k) => k.kind === kind)
      .map((k) => ({ value: k.code, label: k.description ? `${k.code} · ${k.description}` : k.code }));
  const ticked = form.values.rows.filter((r) => r.selected).length;
  const p = (i: number, field: keyof TypeRow, type?: 'checkbox') =>
    form.getInputProps(`rows.${i}.${field}`, type ? { type } : undefined);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(typesRequest(v)))} noValidate>
      <StepFrame
        id="types"
        help={t('setup.types.help')}
        onSkip={onSkip}
        creating={save.isPending}
        alert={alert}
        disabled={ticked === 0}
        createLabel={t('setup.createCount', { count: ticked })}
        existing={keys.length === 0 ? t('setup.types.noKeys') : null}
      >
        <Stack gap="sm" data-testid="setup-types">
          {form.values.rows.map((r, i) => (
            <Card
              key={i}
              withBorder
              padding="sm"
              data-testid={`setup-type-row-${i}`}
              opacity={r.selected || r.exists ? 1 : 0.6}
            >
              <Stack gap="xs">
                <Group justify="space-between">
                  <Checkbox
                    disabled={r.exists}
                    label={<Text fw={600}>{t(`method.${r.method}`)}</Text>}
                    {...p(i, 'selected', 'checkbox')}
                    data-testid={`setup-type-pick-${i}`}
                  />
                  {r.exists && <Badge color="gray">{t('setup.exists')}</Badge>}
                </Group>
                {!r.exists && (
                  <>
                    <SimpleGrid cols={{ base: 1, sm: 4 }}>
                      <TextInput
                        size="xs"
                        label={t('common.code')}
                        maxLength={20}
                        {...p(i, 'code')}
                        data-testid={`setup-type-code-${i}`}
                      />
                      <TextInput size="xs" label={t('setup.description')} maxLength={80} {...p(i, 'description')} />
                      <Select
                        size="xs"
                        label={t('setup.types.method')}
                        allowDeselect={false}
                        data={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
                        {...p(i, 'method')}
                      />
                      <Select
                        size="xs"
                        label={t('setup.types.reportType')}
                        allowDeselect={false}
                        {...p(i, 'reportType')}
                        data={(['single', 'cumulative'] as const).map((x) => ({
                          value: x,
                          label: t(`setup.types.reportTypes.${x}`),
                        }))}
                      />
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 2, sm: 5 }}>
                      <TextInput
                        size="xs"
                        label={t('setup.types.inventoryPrefix')}
                        maxLength={20}
                        {...p(i, 'inventoryPrefix')}
                        data-testid={`setup-type-inv-prefix-${i}`}
                      />
                      <NumberInput
                        size="xs"
                        label={t('setup.types.width')}
                        min={1}
                        max={18}
                        allowDecimal={false}
                        allowNegative={false}
                        {...p(i, 'inventoryWidth')}
                      />
                      <TextInput size="xs" label={t('setup.types.listPrefix')} maxLength={20} {...p(i, 'listPrefix')} />
                      <NumberInput
                        size="xs"
                        label={t('setup.types.width')}
                        min={1}
                        max={18}
                        allowDecimal={false}
                        allowNegative={false}
                        {...p(i, 'listWidth')}
                      />
                      <NumberInput
                        size="xs"
                        label={t('setup.types.maxItems')}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        {...p(i, 'maxItemsPerList')}
                        data-testid={`setup-type-max-items-${i}`}
                      />
                    </SimpleGrid>
                    <Text size="xs" c="dimmed">
                      {t('setup.types.example', {
                        inventory: `${r.inventoryPrefix}${'1'.padStart(Math.min(18, Math.max(1, Number(r.inventoryWidth) || 1)), '0')}`,
                        list: `${r.listPrefix}${'1'.padStart(Math.min(18, Math.max(1, Number(r.listWidth) || 1)), '0')}`,
                      })}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 4 }}>
                      <Select
                        size="xs"
                        label={t('setup.types.adjustmentKey')}
                        clearable
                        data={options('adjustment')}
                        {...p(i, 'adjustmentKey')}
                        data-testid={`setup-type-adj-${i}`}
                      />
                      <Select
                        size="xs"
                        label={t('setup.types.transferKey')}
                        clearable
                        data={options('transfer')}
                        {...p(i, 'transferKey')}
                      />
                      <Select
                        size="xs"
                        label={t('setup.types.valueKey')}
                        clearable
                        data={options('revaluation')}
                        {...p(i, 'valueAdjustmentKey')}
                      />
                      <Switch size="sm" mt="lg" label={t('setup.types.blind')} {...p(i, 'blind', 'checkbox')} />
                    </SimpleGrid>
                  </>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </StepFrame>
    </form>
  );
}
