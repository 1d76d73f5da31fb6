// Lot classes (prefix + date part + counter, e.g. L2612-0001) and serial classes (prefix + counter): the rules
// that generate lot codes and serial numbers for items managed by lots or serials. Created here, chosen on the
// item (Lots / serials tab). The API has no change or delete for them: a class in use keeps its rule.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { useLotClasses, useSerialClasses } from '../items/masterData';
import { CODE20 } from './ItemClasses';

type LotBody = BodyOf<'/api/item-master/lot-classes', 'post'>;
type DatePattern = NonNullable<LotBody['datePattern']>;
export const DATE_PATTERNS: DatePattern[] = ['none', 'YYYY', 'YYMM', 'YYYYMM', 'YYMMDD', 'YYYYMMDD', 'YYDDD'];

/** The date part of a lot code, as the server writes it (YYDDD = year + day of the year). */
export function lotDatePart(pattern: DatePattern, date: Date): string {
  const y = String(date.getUTCFullYear());
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  const doy = String(
    Math.floor(
      (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(date.getUTCFullYear(), 0, 1)) /
        86_400_000,
    ) + 1,
  ).padStart(3, '0');
  const map: Record<DatePattern, string> = {
    none: '',
    YYYY: y,
    YYMM: y.slice(2) + m,
    YYYYMM: y + m,
    YYMMDD: y.slice(2) + m + d,
    YYYYMMDD: y + m + d,
    YYDDD: y.slice(2) + doy,
  };
  return map[pattern];
}

export interface ClassForm {
  code: string;
  description: string;
  prefix: string;
  width: number | string;
  datePattern: DatePattern;
}

export function lotClassValidate(t: TFunction, kind: 'lot' | 'serial') {
  const prefixMax = kind === 'lot' ? 10 : 20;
  const widthMax = kind === 'lot' ? 12 : 18;
  return {
    code: rules.all(rules.required(t), rules.pattern(t, CODE20, t('itemSettings.hint.code20'))),
    description: rules.maxLength(t, 80),
    prefix: rules.all(rules.maxLength(t, prefixMax), rules.pattern(t, /^\S*$/, t('itemSettings.hint.noSpaces'))),
    width: (v: number | string, f: ClassForm) => {
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 1 || n > widthMax)
        return t('itemSettings.lots.widthRange', { max: widthMax });
      return kind === 'serial' && f.prefix.length + n > 40 ? t('itemSettings.lots.serialTooLong') : null;
    },
  };
}

export function LotSerialClasses() {
  const { t } = useTranslation();
  const lots = useLotClasses();
  const serials = useSerialClasses();
  const [creating, setCreating] = useState<'lot' | 'serial' | null>(null);
  const today = new Date();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('itemSettings.lots.lotClasses')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('lot')} data-testid="lot-class-new">
          {t('itemSettings.lots.newLot')}
        </Button>
      </Group>
      <Table withTableBorder striped data-testid="lot-classes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.prefix')}</Table.Th>
            <Table.Th>{t('itemSettings.lots.datePattern')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.width')}</Table.Th>
            <Table.Th>{t('itemSettings.lots.example')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.lots.noneLot')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {lots.data?.items.map((c) => (
            <Table.Tr key={c.code} data-testid={`lot-class-row-${c.code}`}>
              <Table.Td className="mono">{c.code}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td className="mono">{c.prefix}</Table.Td>
              <Table.Td>{t(`itemSettings.lots.pattern.${c.datePattern}`)}</Table.Td>
              <Table.Td>{c.width}</Table.Td>
              <Table.Td className="mono">
                {c.prefix + lotDatePart(c.datePattern, today) + c.nextValue.padStart(c.width, '0')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="md">
        <Title order={4}>{t('itemSettings.lots.serialClasses')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating('serial')}
          data-testid="serial-class-new"
        >
          {t('itemSettings.lots.newSerial')}
        </Button>
      </Group>
      <Table withTableBorder striped data-testid="serial-classes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.prefix')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.width')}</Table.Th>
            <Table.Th>{t('itemSettings.lots.nextSerial')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {serials.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.lots.noneSerial')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {serials.data?.items.map((c) => (
            <Table.Tr key={c.code} data-testid={`serial-class-row-${c.code}`}>
              <Table.Td className="mono">{c.code}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td className="mono">{c.prefix}</Table.Td>
              <Table.Td>{c.width}</Table.Td>
              <Table.Td className="mono">{c.prefix + c.nextValue.padStart(c.width, '0')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {creating && <LotClassModal kind={creating} onClose={() => setCreating(null)} />}
    </Stack>
  );
}

export function LotClassModal({ kind, onClose }: { kind: 'lot' | 'serial'; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<ClassForm>({
    initialValues: {
      code: '',
      description: '',
      prefix: '',
      width: kind === 'lot' ? 4 : 8,
      datePattern: kind === 'lot' ? 'YYMMDD' : 'none',
    },
    validate: lotClassValidate(t, kind),
  });
  const save = useMutation({
    mutationFn: (f: ClassForm) => {
      const base = {
        code: f.code.trim(),
        description: f.description.trim(),
        prefix: f.prefix.trim(),
        width: Number(f.width),
      };
      return kind === 'lot'
        ? unwrap(client.POST('/api/item-master/lot-classes', { body: { ...base, datePattern: f.datePattern } }))
        : unwrap(client.POST('/api/item-master/serial-classes', { body: base }));
    },
    onMutate: () => setGeneral(null),
    onSuccess: (c) => {
      notifyOk(t('itemSettings.savedCode', { code: c.code }));
      void qc.invalidateQueries({
        queryKey: [kind === 'lot' ? '/api/item-master/lot-classes' : '/api/item-master/serial-classes'],
      });
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const v = form.getValues();
  const example =
    v.prefix + (kind === 'lot' ? lotDatePart(v.datePattern, new Date()) : '') + '1'.padStart(Number(v.width) || 1, '0');
  return (
    <Modal
      opened
      onClose={onClose}
      title={kind === 'lot' ? t('itemSettings.lots.newLot') : t('itemSettings.lots.newSerial')}
      size="lg"
    >
      <form onSubmit={form.onSubmit((f) => save.mutate(f))} noValidate data-testid={`${kind}-class-form`}>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.code')}
              required
              {...form.getInputProps('code')}
              data-testid={`${kind}-class-code`}
            />
            <TextInput
              label={t('items.description')}
              {...form.getInputProps('description')}
              data-testid={`${kind}-class-description`}
            />
            <TextInput
              label={t('itemSettings.classes.prefix')}
              {...form.getInputProps('prefix')}
              data-testid={`${kind}-class-prefix`}
            />
            <NumberInput
              label={t('itemSettings.lots.counterDigits')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('width')}
              data-testid={`${kind}-class-width`}
            />
            {kind === 'lot' && (
              <Select
                label={t('itemSettings.lots.datePattern')}
                allowDeselect={false}
                data={DATE_PATTERNS.map((p) => ({ value: p, label: t(`itemSettings.lots.pattern.${p}`) }))}
                {...form.getInputProps('datePattern')}
                data-testid="lot-class-pattern"
              />
            )}
          </SimpleGrid>
          <Text size="sm">
            {t('itemSettings.lots.example')}:{' '}
            <span className="mono" data-testid={`${kind}-class-example`}>
              {example}
            </span>
          </Text>
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid={`${kind}-class-save`}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
