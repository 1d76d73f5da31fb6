// Step (c): the first warehouse with its zones and the zone that receives inventory differences, created in
// ONE request (POST /api/setup/warehouse): a refused zone leaves no warehouse behind. Unstructured
// warehouses keep stock per warehouse and have no zones.
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { applyServerError } from '../../components/form';
import { useSiteOptions } from '../users/userRules';
import { StepFrame, type StepProps } from './StepFrame';
import { SETUP_KEY } from './useSetupStatus';
import { codeRule, nameRule } from './setupRules';

type Organisation = 'high_bay' | 'block' | 'places_only';
const ORGANISATIONS: Organisation[] = ['high_bay', 'block', 'places_only'];
export interface ZoneRow {
  code: string;
  name: string;
  organisation: Organisation;
  structured: boolean;
}
export interface WarehouseValues {
  warehouse: {
    siteId: string | null;
    code: string;
    name: string;
    kind: 'structured' | 'unstructured';
    physical: 'internal' | 'external';
  };
  zones: ZoneRow[];
  diff: { enabled: boolean; code: string; name: string };
}
export type WarehouseResult = ResponseOf<'/api/setup/warehouse', 'post'>;

/** The request: zones only for a structured warehouse; the differences zone last, unstructured, places only. */
export function warehouseBody(v: WarehouseValues): BodyOf<'/api/setup/warehouse', 'post'> {
  const { siteId, ...w } = v.warehouse;
  const structured = w.kind === 'structured';
  type Zone = NonNullable<BodyOf<'/api/setup/warehouse', 'post'>['zones']>[number];
  const zones: Zone[] = structured
    ? v.zones.map((z) => ({ ...z, code: z.code.trim(), name: z.name.trim(), usage: 'normal' }))
    : [];
  if (structured && v.diff.enabled) {
    zones.push({
      code: v.diff.code.trim(),
      name: v.diff.name.trim(),
      organisation: 'places_only',
      structured: false,
      usage: 'inventory_differences',
    });
  }
  return { warehouse: { ...w, code: w.code.trim(), name: w.name.trim(), siteId: siteId ?? '' }, zones };
}

/** The zone codes of the request, for "listed twice" before anything is sent. */
function zoneCodes(v: WarehouseValues): string[] {
  return [...v.zones.map((z) => z.code.trim()), ...(v.diff.enabled ? [v.diff.code.trim()] : [])];
}

export function warehouseValidate(t: TFunction) {
  const code = codeRule(t);
  const name = nameRule(t);
  const zonesOn = (v: WarehouseValues) => v.warehouse.kind === 'structured';
  const twice = (c: unknown, v: WarehouseValues, own: number) => {
    const codes = zoneCodes(v);
    return typeof c === 'string' && c.trim() !== '' && codes.findIndex((x) => x === c.trim()) !== own
      ? t('setup.listedTwice')
      : null;
  };
  return {
    warehouse: { siteId: (s: unknown) => (s ? null : t('form.required')), code, name },
    zones: {
      code: (c: unknown, v: WarehouseValues, path: string) =>
        zonesOn(v) ? (code(c) ?? twice(c, v, Number(path.split('.')[1]))) : null,
      name: (n: unknown, v: WarehouseValues) => (zonesOn(v) ? name(n) : null),
    },
    diff: {
      code: (c: unknown, v: WarehouseValues) =>
        zonesOn(v) && v.diff.enabled ? (code(c) ?? twice(c, v, v.zones.length)) : null,
      name: (n: unknown, v: WarehouseValues) => (zonesOn(v) && v.diff.enabled ? name(n) : null),
    },
  };
}

export function WarehouseStep({
  siteId,
  existing,
  onDone,
  onSkip,
}: StepProps<WarehouseResult> & { siteId: string | null; existing: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sites = useSiteOptions();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<WarehouseValues>({
    initialValues: {
      warehouse: { siteId, code: '', name: '', kind: 'structured', physical: 'internal' },
      zones: [{ code: '', name: '', organisation: 'high_bay', structured: true }],
      diff: { enabled: true, code: 'DIFF', name: t('setup.warehouse.diffDefaultName') },
    },
    validate: warehouseValidate(t),
  });
  // With one site only, the warehouse belongs to it.
  const only = sites.length === 1 ? sites[0]!.value : null;
  useEffect(() => {
    if (only && !form.getValues().warehouse.siteId) form.setFieldValue('warehouse.siteId', only);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [only]);
  const v = form.values;
  const structured = v.warehouse.kind === 'structured';
  const save = useMutation({
    mutationFn: (values: WarehouseValues) =>
      unwrap(client.POST('/api/setup/warehouse', { body: warehouseBody(values) })),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      for (const k of [['/api/warehouses'], ['/api/zones'], SETUP_KEY]) void qc.invalidateQueries({ queryKey: k });
      onDone(r);
    },
    onError: (e) => {
      // The differences zone is sent after the other zones.
      const n = v.zones.length;
      setAlert(
        applyServerError(form, t, e, {
          [`zones.${n}.code`]: 'diff.code',
          [`zones.${n}.name`]: 'diff.name',
          [`zones.${n}.usage`]: 'diff.code',
          [`zones.${n}.structured`]: 'diff.code',
        }),
      );
    },
  });
  return (
    <form onSubmit={form.onSubmit((x) => save.mutate(x))} noValidate>
      <StepFrame
        id="warehouse"
        help={t('setup.warehouse.help')}
        onSkip={onSkip}
        creating={save.isPending}
        alert={alert}
        existing={existing > 0 ? t('setup.warehouse.existing', { count: existing }) : null}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('setup.siteLabel')}
            withAsterisk
            data={sites}
            allowDeselect={false}
            {...form.getInputProps('warehouse.siteId')}
            data-testid="setup-warehouse-site"
          />
          <TextInput
            label={t('common.code')}
            withAsterisk
            maxLength={20}
            {...form.getInputProps('warehouse.code')}
            data-testid="setup-warehouse-code"
          />
          <TextInput
            label={t('common.name')}
            withAsterisk
            maxLength={80}
            {...form.getInputProps('warehouse.name')}
            data-testid="setup-warehouse-name"
          />
        </SimpleGrid>
        <Group gap="xl" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('setup.warehouse.kind')}
            </Text>
            <SegmentedControl
              data={(['structured', 'unstructured'] as const).map((k) => ({
                value: k,
                label: t(`setup.warehouse.kinds.${k}`),
              }))}
              {...form.getInputProps('warehouse.kind')}
              data-testid="setup-warehouse-kind"
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('setup.warehouse.physical')}
            </Text>
            <SegmentedControl
              data={(['internal', 'external'] as const).map((k) => ({
                value: k,
                label: t(`setup.warehouse.physicals.${k}`),
              }))}
              {...form.getInputProps('warehouse.physical')}
              data-testid="setup-warehouse-physical"
            />
          </Stack>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`setup.warehouse.kindHelp.${v.warehouse.kind}`)}
        </Text>
        {form.errors['warehouse.kind'] && (
          <Text size="sm" c="red">
            {form.errors['warehouse.kind']}
          </Text>
        )}
        {structured && (
          <>
            <Title order={5}>{t('setup.warehouse.zones')}</Title>
            <Table withTableBorder verticalSpacing={4} data-testid="setup-zones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={160}>{t('common.code')}</Table.Th>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th w={220}>{t('setup.warehouse.organisation')}</Table.Th>
                  <Table.Th w={120}>{t('setup.warehouse.structured')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.zones.map((_, i) => (
                  <Table.Tr key={i} data-testid={`setup-zone-row-${i}`}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        maxLength={20}
                        aria-label={t('common.code')}
                        {...form.getInputProps(`zones.${i}.code`)}
                        data-testid={`setup-zone-code-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        maxLength={80}
                        aria-label={t('common.name')}
                        {...form.getInputProps(`zones.${i}.name`)}
                        data-testid={`setup-zone-name-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        allowDeselect={false}
                        aria-label={t('setup.warehouse.organisation')}
                        {...form.getInputProps(`zones.${i}.organisation`)}
                        data={ORGANISATIONS.map((o) => ({ value: o, label: t(`setup.warehouse.organisations.${o}`) }))}
                        data-testid={`setup-zone-org-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        size="sm"
                        aria-label={t('setup.warehouse.structured')}
                        {...form.getInputProps(`zones.${i}.structured`, { type: 'checkbox' })}
                        data-testid={`setup-zone-structured-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => form.removeListItem('zones', i)}
                        data-testid={`setup-zone-remove-${i}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                data-testid="setup-zone-add"
                onClick={() =>
                  form.insertListItem('zones', { code: '', name: '', organisation: 'places_only', structured: false })
                }
              >
                {t('setup.warehouse.addZone')}
              </Button>
            </Group>
            <Title order={5}>{t('setup.warehouse.diffTitle')}</Title>
            <Checkbox
              label={t('setup.warehouse.diffEnabled')}
              {...form.getInputProps('diff.enabled', { type: 'checkbox' })}
              data-testid="setup-diff-enabled"
            />
            <Text size="xs" c="dimmed">
              {t('setup.warehouse.diffHelp')}
            </Text>
            {v.diff.enabled && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('common.code')}
                  maxLength={20}
                  {...form.getInputProps('diff.code')}
                  data-testid="setup-diff-code"
                />
                <TextInput
                  label={t('common.name')}
                  maxLength={80}
                  {...form.getInputProps('diff.name')}
                  data-testid="setup-diff-name"
                />
              </SimpleGrid>
            )}
          </>
        )}
      </StepFrame>
    </form>
  );
}
