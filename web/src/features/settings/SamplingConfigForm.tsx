// The sampling configuration of a sample-method inventory type (docs/sampling.md, "Configuration"): confidence,
// target precision, the complete-count layer, strata and their allocation, the estimator and the acceptance rule.
// Percentages are typed as percent and sent as the fractions the API takes; the acceptance tolerance is an exact
// decimal and is shifted as text, never through a float. The server's parser names the failing field
// (`sampling.<name>`, with its rule and limits): the message appears on that field.
import { useEffect, useState } from 'react';
import {
  Button,
  Fieldset,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconChartDots } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SAMPLING_CONFIG } from '../../../../src/domain/inventory/sampling/defaults';
import { ApiError, api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { errorField, errorText, notifyOk } from '../../components/errors';
import { rules } from '../../components/form';
import { FormError } from './shared';

type SamplingView = ResponseOf<'/api/inventory-types/{id}/sampling', 'get'>;
export type SamplingConfig = NonNullable<SamplingView['config']>;
type Layer = 'none' | 'minValue' | 'topValueShare';
type Acceptance = SamplingConfig['acceptance']['kind'];

export interface SamplingValues {
  confidencePct: number | string;
  precisionPct: number | string;
  layer: Layer;
  minValue: string;
  topSharePct: number | string;
  strata: number | string;
  allocation: SamplingConfig['allocation'];
  minPerStratum: number | string;
  seed: number | string;
  estimator: SamplingConfig['estimator'];
  acceptance: Acceptance;
  tolerancePct: string;
  fullCountSharePct: number | string;
  maxDraws: number | string;
}

// A fraction as percent without the float's tail (0.07 × 100 = 7.000000000000001).
const pct = (f: number) => Number((f * 100).toPrecision(12));
const frac = (p: number | string) => Number(p) / 100;

/** An exact decimal moved two places: "2.5" % → "0.025"; "0.025" → "2.5" %. */
export function shiftDecimal(s: string, places: 2 | -2): string {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) return s;
  let int = m[1] ?? '',
    dec = m[2] ?? '';
  if (places === -2) {
    int = int.padStart(3, '0');
    dec = int.slice(-2) + dec;
    int = int.slice(0, -2);
  } else {
    dec = dec.padEnd(2, '0');
    int = int + dec.slice(0, 2);
    dec = dec.slice(2);
  }
  int = int.replace(/^0+(?=\d)/, '') || '0';
  dec = dec.replace(/0+$/, '');
  return dec ? `${int}.${dec}` : int;
}

export function samplingValues(c: SamplingConfig | null | undefined): SamplingValues {
  const x = (c ?? DEFAULT_SAMPLING_CONFIG) as SamplingConfig;
  const layer = x.completeLayer;
  return {
    confidencePct: pct(x.confidence),
    precisionPct: pct(x.targetRelativePrecision),
    layer: layer === null ? 'none' : 'minValue' in layer ? 'minValue' : 'topValueShare',
    minValue: layer && 'minValue' in layer ? layer.minValue : '',
    topSharePct: layer && 'topValueShare' in layer ? pct(layer.topValueShare) : 10,
    strata: x.strata,
    allocation: x.allocation,
    minPerStratum: x.minPerStratum,
    seed: x.seed,
    estimator: x.estimator,
    acceptance: x.acceptance.kind,
    tolerancePct: x.acceptance.kind === 'relative_difference' ? shiftDecimal(x.acceptance.tolerance, 2) : '2',
    fullCountSharePct: pct(x.fullCountShare ?? 0.5),
    maxDraws: x.maxDraws ?? 2,
  };
}

/** The PUT body's configuration from the form. */
export function samplingConfig(v: SamplingValues): SamplingConfig {
  return {
    confidence: frac(v.confidencePct),
    targetRelativePrecision: frac(v.precisionPct),
    completeLayer:
      v.layer === 'none'
        ? null
        : v.layer === 'minValue'
          ? { minValue: v.minValue.trim() }
          : { topValueShare: frac(v.topSharePct) },
    strata: Number(v.strata),
    allocation: v.allocation,
    minPerStratum: Number(v.minPerStratum),
    seed: Number(v.seed),
    estimator: v.estimator,
    acceptance:
      v.acceptance === 'book_in_interval'
        ? { kind: 'book_in_interval' }
        : { kind: 'relative_difference', tolerance: shiftDecimal(v.tolerancePct, -2) },
    fullCountShare: frac(v.fullCountSharePct),
    maxDraws: Number(v.maxDraws),
  };
}

// The API's field (the domain's `sampling.<name>`, or the request schema's `config.<name>`) → the form's path.
const FIELDS: Record<string, keyof SamplingValues> = {
  confidence: 'confidencePct',
  targetRelativePrecision: 'precisionPct',
  completeLayer: 'layer',
  'completeLayer.minValue': 'minValue',
  'completeLayer.topValueShare': 'topSharePct',
  strata: 'strata',
  allocation: 'allocation',
  minPerStratum: 'minPerStratum',
  seed: 'seed',
  estimator: 'estimator',
  acceptance: 'acceptance',
  'acceptance.kind': 'acceptance',
  'acceptance.tolerance': 'tolerancePct',
  fullCountShare: 'fullCountSharePct',
  maxDraws: 'maxDraws',
};
const PERCENT_FIELDS = new Set<keyof SamplingValues>([
  'confidencePct',
  'precisionPct',
  'topSharePct',
  'tolerancePct',
  'fullCountSharePct',
]);

/** Puts a server error on the field it names, in words with its limits; returns the text for the alert otherwise. */
export function applySamplingError(form: UseFormReturnType<SamplingValues>, t: TFunction, e: unknown): string | null {
  const field = errorField(e)?.replace(/^(sampling|config)\./, '');
  const path = field ? FIELDS[field] : undefined;
  if (!path || !(e instanceof ApiError)) return errorText(t, e);
  const p = e.params ?? {};
  const scale = (n: unknown) => (typeof n === 'number' && PERCENT_FIELDS.has(path) ? pct(n) : n);
  const rule = typeof p.rule === 'string' ? p.rule : '';
  const text =
    rule === 'range' && p.min !== undefined && p.max !== undefined
      ? t('sampling.rule.range', { min: scale(p.min), max: scale(p.max) })
      : rule === 'range' && p.max !== undefined
        ? t('sampling.rule.max', { max: scale(p.max) })
        : rule === 'decimal'
          ? t('form.decimal')
          : rule === 'one_of'
            ? t('sampling.rule.oneOf')
            : errorText(t, e);
  form.setFieldError(path, text);
  return null;
}

function validate(t: TFunction) {
  const num =
    (min: number, max: number, opts: { minOpen?: boolean; maxOpen?: boolean; int?: boolean } = {}) =>
    (v: unknown) => {
      const n = Number(v);
      const bad =
        v === '' ||
        !Number.isFinite(n) ||
        (opts.int && !Number.isInteger(n)) ||
        (opts.minOpen ? n <= min : n < min) ||
        (opts.maxOpen ? n >= max : n > max);
      return bad ? t('sampling.rule.range', { min, max }) : null;
    };
  return {
    confidencePct: num(50, 99.99, { minOpen: true }),
    precisionPct: num(0, 100, { minOpen: true, maxOpen: true }),
    minValue: (v: string, x: SamplingValues) =>
      x.layer !== 'minValue'
        ? null
        : rules.all(rules.required(t), rules.decimal(t, { scale: 12, min: 'nonNegative' }))(v),
    topSharePct: (v: unknown, x: SamplingValues) =>
      x.layer !== 'topValueShare' ? null : num(0, 100, { maxOpen: true })(v),
    strata: num(1, 50, { int: true }),
    minPerStratum: num(2, 100_000, { int: true }),
    seed: num(0, Number.MAX_SAFE_INTEGER, { int: true }),
    tolerancePct: (v: string, x: SamplingValues) =>
      x.acceptance !== 'relative_difference'
        ? null
        : rules.all(rules.required(t), rules.decimal(t, { min: 'nonNegative' }), (s) =>
            Number(s) >= 100 ? t('sampling.rule.max', { max: 100 }) : null,
          )(v),
    fullCountSharePct: num(0, 100, { minOpen: true }),
    maxDraws: num(1, 2047, { int: true }),
  };
}

export function SamplingConfigForm({
  typeId,
  typeCode,
  canWrite,
  onClose,
}: {
  typeId: string;
  typeCode: string;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['/api/inventory-types', typeId, 'sampling'];
  const current = useQuery({
    queryKey: key,
    queryFn: () => api.get<SamplingView>(`/api/inventory-types/${typeId}/sampling`),
  });
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<SamplingValues>({ initialValues: samplingValues(null), validate: validate(t) });
  const loaded = current.data;
  useEffect(() => {
    if (!loaded) return;
    form.setValues(samplingValues(loaded.config));
    form.resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the configuration arrives
  }, [loaded]);
  const save = useMutation({
    mutationFn: (config: SamplingConfig | null) =>
      api.put<SamplingView>(`/api/inventory-types/${typeId}/sampling`, { config }),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      qc.setQueryData(key, r);
      notifyOk(r.config ? t('sampling.saved', { code: typeCode }) : t('sampling.removed', { code: typeCode }));
      onClose();
    },
    onError: (e) => setAlert(applySamplingError(form, t, e)),
  });
  const v = form.values;
  const percent = (field: keyof SamplingValues, label: string, help: string, extra: object = {}) => (
    <NumberInput
      label={label}
      description={help}
      suffix=" %"
      decimalScale={4}
      allowNegative={false}
      clampBehavior="none"
      {...extra}
      {...form.getInputProps(field)}
      data-testid={`sampling-${field}`}
    />
  );
  const integer = (field: keyof SamplingValues, label: string, help: string) => (
    <NumberInput
      label={label}
      description={help}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      thousandSeparator=""
      {...form.getInputProps(field)}
      data-testid={`sampling-${field}`}
    />
  );
  return (
    <Modal opened onClose={onClose} size="xl" title={t('sampling.title', { code: typeCode })}>
      {current.isPending ? (
        <Loader size="sm" />
      ) : (
        <form
          onSubmit={(e) => {
            // Opened from the type's form: its submit must not reach that form through the React tree.
            e.stopPropagation();
            form.onSubmit((x) => save.mutate(samplingConfig(x)))(e);
          }}
          noValidate
          data-testid="sampling-form"
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {loaded?.config ? t('sampling.help') : t('sampling.none')}
            </Text>
            {current.error && <FormError text={errorText(t, current.error)} testId="sampling-load-error" />}
            <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, display: 'contents' }}>
              <Fieldset legend={t('sampling.group.precision')} variant="filled">
                <SimpleGrid cols={2}>
                  {percent('confidencePct', t('sampling.confidence'), t('sampling.confidenceHelp'))}
                  {percent('precisionPct', t('sampling.precision'), t('sampling.precisionHelp'))}
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t('sampling.group.layer')} variant="filled">
                <Stack gap="xs">
                  <SegmentedControl
                    data={(['none', 'minValue', 'topValueShare'] as const).map((l) => ({
                      value: l,
                      label: t(`sampling.layer.${l}`),
                    }))}
                    {...form.getInputProps('layer')}
                    disabled={!canWrite}
                    data-testid="sampling-layer"
                  />
                  {form.errors.layer && (
                    <Text size="xs" c="red">
                      {form.errors.layer}
                    </Text>
                  )}
                  {v.layer === 'minValue' && (
                    <TextInput
                      label={t('sampling.minValue')}
                      description={t('sampling.minValueHelp')}
                      inputMode="decimal"
                      {...form.getInputProps('minValue')}
                      data-testid="sampling-minValue"
                    />
                  )}
                  {v.layer === 'topValueShare' &&
                    percent('topSharePct', t('sampling.topShare'), t('sampling.topShareHelp'))}
                  <Text size="xs" c="dimmed">
                    {t('sampling.negativeAlways')}
                  </Text>
                </Stack>
              </Fieldset>
              <Fieldset legend={t('sampling.group.strata')} variant="filled">
                <SimpleGrid cols={3}>
                  {integer('strata', t('sampling.strata'), t('sampling.strataHelp'))}
                  <Select
                    label={t('sampling.allocation')}
                    description={t(`sampling.allocationHelp.${v.allocation}`)}
                    allowDeselect={false}
                    data={(['neyman', 'proportional'] as const).map((a) => ({
                      value: a,
                      label: t(`sampling.allocations.${a}`),
                    }))}
                    {...form.getInputProps('allocation')}
                    data-testid="sampling-allocation"
                  />
                  {integer('minPerStratum', t('sampling.minPerStratum'), t('sampling.minPerStratumHelp'))}
                  {integer('seed', t('sampling.seed'), t('sampling.seedHelp'))}
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t('sampling.group.result')} variant="filled">
                <SimpleGrid cols={2}>
                  <Select
                    label={t('sampling.estimator')}
                    description={t(`sampling.estimatorHelp.${v.estimator}`)}
                    allowDeselect={false}
                    data={(['mpu', 'ratio', 'difference'] as const).map((e) => ({
                      value: e,
                      label: t(`sampling.estimators.${e}`),
                    }))}
                    {...form.getInputProps('estimator')}
                    data-testid="sampling-estimator"
                  />
                  <Select
                    label={t('sampling.acceptance')}
                    description={t(`sampling.acceptanceHelp.${v.acceptance}`)}
                    allowDeselect={false}
                    data={(['book_in_interval', 'relative_difference'] as const).map((a) => ({
                      value: a,
                      label: t(`sampling.acceptances.${a}`),
                    }))}
                    {...form.getInputProps('acceptance')}
                    data-testid="sampling-acceptance"
                  />
                  {v.acceptance === 'relative_difference' && (
                    <TextInput
                      label={t('sampling.tolerance')}
                      description={t('sampling.toleranceHelp')}
                      rightSection="%"
                      inputMode="decimal"
                      {...form.getInputProps('tolerancePct')}
                      data-testid="sampling-tolerancePct"
                    />
                  )}
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t('sampling.group.fallback')} variant="filled">
                <SimpleGrid cols={2}>
                  {percent('fullCountSharePct', t('sampling.fullCountShare'), t('sampling.fullCountShareHelp'))}
                  {integer('maxDraws', t('sampling.maxDraws'), t('sampling.maxDrawsHelp'))}
                </SimpleGrid>
              </Fieldset>
            </fieldset>
            <FormError text={alert} testId="sampling-error" />
            <Group justify="space-between">
              {canWrite && loaded?.config ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    if (confirm(t('sampling.confirmRemove'))) save.mutate(null);
                  }}
                  data-testid="sampling-remove"
                >
                  {t('sampling.remove')}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                {canWrite && (
                  <Button type="submit" loading={save.isPending} data-testid="sampling-save">
                    {t('common.save')}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The button on a sample-method type's form that opens its sampling configuration. */
export function SamplingConfigButton({
  typeId,
  typeCode,
  canWrite,
}: {
  typeId: string;
  typeCode: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconChartDots size={16} />}
        onClick={() => setOpen(true)}
        data-testid="type-sampling"
      >
        {t('sampling.open')}
      </Button>
      {open && (
        <SamplingConfigForm typeId={typeId} typeCode={typeCode} canWrite={canWrite} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
