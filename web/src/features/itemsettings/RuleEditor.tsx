// The editor of one in-house barcode rule: a fixed-position layout (each field from a position, with a length)
// or a separated one (parts split by a separator, each part a field or skipped), with an optional prefix, the
// date format of an expiry and the implied decimals of a quantity. The tokenizer validates it again on the
// server; its errors come back as rule.<path> and are shown on that row.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import { errorField, errorText, notifyOk } from '../../components/errors';

export const RULE_FIELDS = ['itemCode', 'lot', 'serial', 'quantity', 'bin', 'expiry'] as const;
export const DATE_FORMATS = ['YYMMDD', 'YYYYMMDD', 'DDMMYY', 'DDMMYYYY', 'YYYY-MM-DD', 'DD.MM.YYYY'] as const;
type RuleField = (typeof RULE_FIELDS)[number];

export interface BarcodeRule {
  id: string;
  siteId: string;
  name: string;
  position: number;
  active: boolean;
  rule: Record<string, unknown>;
}

/** A field row: for fixed rules a field from a 1-based position with a length; for separated rules a part. */
export interface FieldRow {
  field: RuleField | 'skip';
  position: number | string;
  length: number | string;
}
export interface RuleForm {
  name: string;
  active: boolean;
  kind: 'fixed' | 'separator';
  prefix: string;
  totalLength: number | string;
  separator: string;
  dateFormat: string;
  quantityDecimals: number | string;
  fields: FieldRow[];
}

const blankRow = (): FieldRow => ({ field: 'itemCode', position: '', length: '' });
export const blankRule = (): RuleForm => ({
  name: '',
  active: true,
  kind: 'separator',
  prefix: '',
  totalLength: '',
  separator: '/',
  dateFormat: 'YYMMDD',
  quantityDecimals: 0,
  fields: [blankRow()],
});

/** The stored rule as form values (positions 1-based on screen, 0-based in the rule). */
export function ruleToForm(r: BarcodeRule): RuleForm {
  const x = r.rule as {
    kind: 'fixed' | 'separator';
    prefix?: string;
    length?: number;
    separator?: string;
    dateFormat?: string;
    quantityDecimals?: number;
    fields: Array<{ field: RuleField; start: number; length?: number } | RuleField | null>;
  };
  return {
    name: r.name,
    active: r.active,
    kind: x.kind,
    prefix: x.prefix ?? '',
    totalLength: x.length ?? '',
    separator: x.separator ?? '/',
    dateFormat: x.dateFormat ?? 'YYMMDD',
    quantityDecimals: x.quantityDecimals ?? 0,
    fields: x.fields.map((f) =>
      f === null
        ? { field: 'skip', position: '', length: '' }
        : typeof f === 'string'
          ? { field: f, position: '', length: '' }
          : { field: f.field, position: f.start + 1, length: f.length ?? '' },
    ),
  };
}

/** The rule body the API takes. */
export function formToRule(f: RuleForm): Record<string, unknown> {
  const rule: Record<string, unknown> = { kind: f.kind };
  if (f.prefix !== '') rule.prefix = f.prefix;
  if (f.fields.some((r) => r.field === 'expiry')) rule.dateFormat = f.dateFormat;
  if (f.fields.some((r) => r.field === 'quantity') && Number(f.quantityDecimals) > 0)
    rule.quantityDecimals = Number(f.quantityDecimals);
  if (f.kind === 'fixed') {
    if (f.totalLength !== '') rule.length = Number(f.totalLength);
    rule.fields = f.fields
      .filter((r) => r.field !== 'skip')
      .map((r) => ({
        field: r.field,
        start: Number(r.position) - 1,
        ...(r.length !== '' ? { length: Number(r.length) } : {}),
      }))
      .sort((a, b) => a.start - b.start);
  } else {
    rule.separator = f.separator;
    rule.fields = f.fields.map((r) => (r.field === 'skip' ? null : r.field));
  }
  return rule;
}

const int = (v: number | string, min: number) => v !== '' && Number.isInteger(Number(v)) && Number(v) >= min;

export function ruleValidate(t: TFunction) {
  return {
    name: (v: string) =>
      v.trim() === '' ? t('form.required') : v.length > 100 ? t('form.maxLength', { max: 100 }) : null,
    prefix: (v: string) => (v.length > 50 ? t('form.maxLength', { max: 50 }) : null),
    separator: (v: string, f: RuleForm) => (f.kind === 'separator' && v === '' ? t('form.required') : null),
    totalLength: (v: number | string, f: RuleForm) =>
      f.kind === 'fixed' && v !== '' && !int(v, f.prefix.length + 1)
        ? t('itemSettings.rules.lengthRule', { min: f.prefix.length + 1 })
        : null,
    fields: {
      field: (v: string, f: RuleForm, path: string) => {
        const i = Number(path.split('.')[1]);
        if (v !== 'skip' && f.fields.findIndex((r) => r.field === v) !== i) return t('itemSettings.rules.twice');
        if (f.kind === 'fixed' && v === 'skip') return t('itemSettings.rules.noSkipFixed');
        return null;
      },
      position: (v: number | string, f: RuleForm) =>
        f.kind === 'fixed' && !int(v, f.prefix.length + 1)
          ? t('itemSettings.rules.positionRule', { min: f.prefix.length + 1 })
          : null,
      length: (v: number | string, f: RuleForm, path: string) => {
        if (f.kind !== 'fixed') return null;
        const i = Number(path.split('.')[1]);
        const row = f.fields[i]!;
        const later = f.fields.some((r) => Number(r.position) > Number(row.position));
        if (v === '') return later ? t('itemSettings.rules.lengthNeeded') : null;
        return int(v, 1) ? null : t('itemSettings.rules.lengthPositive');
      },
    },
  };
}

/** Every rule needs at least one mapped field; fixed fields may not overlap. Returns the message or null. */
export function ruleProblem(t: TFunction, f: RuleForm): string | null {
  if (!f.fields.some((r) => r.field !== 'skip')) return t('itemSettings.rules.noFields');
  if (f.kind === 'fixed') {
    const rows = [...f.fields].sort((a, b) => Number(a.position) - Number(b.position));
    for (let i = 0; i + 1 < rows.length; i++) {
      const a = rows[i]!;
      if (a.length !== '' && Number(a.position) + Number(a.length) > Number(rows[i + 1]!.position)) {
        return t('itemSettings.rules.overlap', {
          a: t(`itemSettings.rules.field.${a.field}`),
          b: t(`itemSettings.rules.field.${rows[i + 1]!.field}`),
        });
      }
    }
  }
  return null;
}

/** Puts a server error named rule.<path> (e.g. rule.fields[1].start) on the matching form field. */
function placeRuleError(form: UseFormReturnType<RuleForm>, t: TFunction, e: unknown): string | null {
  const text = errorText(t, e);
  const field = errorField(e);
  if (field === 'name') {
    form.setFieldError('name', text);
    return null;
  }
  const m = /^rule\.fields\[(\d+)\]\.(start|length|field)$/.exec(field ?? '');
  if (m) {
    form.setFieldError(`fields.${m[1]}.${m[2] === 'start' ? 'position' : m[2]}`, text);
    return null;
  }
  const top: Record<string, string> = {
    'rule.prefix': 'prefix',
    'rule.separator': 'separator',
    'rule.length': 'totalLength',
    'rule.quantityDecimals': 'quantityDecimals',
    'rule.dateFormat': 'dateFormat',
  };
  if (field && top[field]) {
    form.setFieldError(top[field], text);
    return null;
  }
  return text;
}

export function RuleEditor({
  siteId,
  current,
  onClose,
}: {
  siteId: string;
  current: BarcodeRule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<RuleForm>({
    initialValues: current ? ruleToForm(current) : blankRule(),
    validate: ruleValidate(t),
  });
  const save = useMutation({
    mutationFn: (f: RuleForm) => {
      const body = { name: f.name.trim(), rule: formToRule(f), active: f.active };
      return current
        ? api.patch<BarcodeRule>(`/api/barcode-rules/${current.id}`, body)
        : api.post<BarcodeRule>('/api/barcode-rules', { siteId, ...body });
    },
    onMutate: () => setGeneral(null),
    onSuccess: (r) => {
      notifyOk(t('itemSettings.savedCode', { code: r.name }));
      void qc.invalidateQueries({ queryKey: ['/api/barcode-rules'] });
      onClose();
    },
    onError: (e) => setGeneral(placeRuleError(form, t, e)),
  });
  const submit = form.onSubmit((f) => {
    const problem = ruleProblem(t, f);
    if (problem) return setGeneral(problem);
    save.mutate(f);
  });
  const v = form.getValues();
  const fixed = v.kind === 'fixed';
  const fieldOptions = [
    ...RULE_FIELDS.map((x) => ({ value: x, label: t(`itemSettings.rules.field.${x}`) })),
    ...(fixed ? [] : [{ value: 'skip', label: t('itemSettings.rules.skip') }]),
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={current ? `${t('itemSettings.rules.edit')} ${current.name}` : t('itemSettings.rules.new')}
    >
      <form onSubmit={submit} noValidate data-testid="rule-form">
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <TextInput label={t('common.name')} required {...form.getInputProps('name')} data-testid="rule-name" />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('itemSettings.rules.kind')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'separator', label: t('itemSettings.rules.kinds.separator') },
                  { value: 'fixed', label: t('itemSettings.rules.kinds.fixed') },
                ]}
                {...form.getInputProps('kind')}
                data-testid="rule-kind"
              />
            </Stack>
            <Switch
              mt="lg"
              label={t('itemSettings.rules.active')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
            <TextInput
              label={t('itemSettings.rules.prefix')}
              description={t('itemSettings.rules.prefixHelp')}
              {...form.getInputProps('prefix')}
              data-testid="rule-prefix"
            />
            {fixed ? (
              <NumberInput
                label={t('itemSettings.rules.totalLength')}
                description={t('itemSettings.rules.totalLengthHelp')}
                min={1}
                allowDecimal={false}
                {...form.getInputProps('totalLength')}
                data-testid="rule-length"
              />
            ) : (
              <TextInput
                label={t('itemSettings.rules.separator')}
                required
                maxLength={5}
                {...form.getInputProps('separator')}
                data-testid="rule-separator"
              />
            )}
          </SimpleGrid>
          <Text fw={600} size="sm">
            {fixed ? t('itemSettings.rules.fixedFields') : t('itemSettings.rules.parts')}
          </Text>
          {v.fields.map((_, i) => (
            <Group key={form.key(`fields.${i}`)} align="flex-start" gap="xs" data-testid={`rule-field-${i}`}>
              {!fixed && (
                <Text size="sm" w={70} mt={6}>
                  {t('itemSettings.rules.part', { n: i + 1 })}
                </Text>
              )}
              <Select
                w={200}
                allowDeselect={false}
                data={fieldOptions}
                aria-label={t('itemSettings.rules.fieldLabel')}
                {...form.getInputProps(`fields.${i}.field`)}
                data-testid={`rule-field-${i}-field`}
              />
              {fixed && (
                <NumberInput
                  w={170}
                  placeholder={t('itemSettings.rules.position')}
                  aria-label={t('itemSettings.rules.position')}
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps(`fields.${i}.position`)}
                  data-testid={`rule-field-${i}-position`}
                />
              )}
              {fixed && (
                <NumberInput
                  w={170}
                  placeholder={t('itemSettings.rules.fieldLength')}
                  aria-label={t('itemSettings.rules.fieldLength')}
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps(`fields.${i}.length`)}
                  data-testid={`rule-field-${i}-length`}
                />
              )}
              <ActionIcon
                mt={4}
                variant="subtle"
                color="red"
                disabled={v.fields.length === 1}
                onClick={() => form.removeListItem('fields', i)}
                aria-label={t('common.delete')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {fixed && (
            <Text size="xs" c="dimmed">
              {t('itemSettings.rules.fixedHelp')}
            </Text>
          )}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              disabled={v.fields.length >= (fixed ? RULE_FIELDS.length : 50)}
              onClick={() => form.insertListItem('fields', blankRow())}
              data-testid="rule-add-field"
            >
              {t('itemSettings.rules.addField')}
            </Button>
          </Group>
          <SimpleGrid cols={3}>
            {v.fields.some((r) => r.field === 'expiry') && (
              <Select
                label={t('itemSettings.rules.dateFormat')}
                allowDeselect={false}
                data={[...DATE_FORMATS]}
                {...form.getInputProps('dateFormat')}
                data-testid="rule-date-format"
              />
            )}
            {v.fields.some((r) => r.field === 'quantity') && (
              <NumberInput
                label={t('itemSettings.rules.quantityDecimals')}
                description={t('itemSettings.rules.quantityDecimalsHelp')}
                min={0}
                max={12}
                allowDecimal={false}
                {...form.getInputProps('quantityDecimals')}
                data-testid="rule-decimals"
              />
            )}
          </SimpleGrid>
          {general && (
            <Alert color="red" data-testid="rule-error">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
