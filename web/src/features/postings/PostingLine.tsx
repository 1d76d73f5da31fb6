// One line of a posting: item, place (warehouse → zone → bin, following the warehouse's structure), lot and
// serial when the item is managed by them, quantity in the item's primary unit, and for receipts the unit
// price with the line's value. Issues of lot items can ask the server for a lot proposal (FIFO/FEFO/LEFO).
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { codeName, needsZone, type Warehouse, type Zone } from './data';
import { BinPicker, ItemPicker } from './pickers';
import {
  lineValue,
  lotNeeded,
  lotShown,
  serialShown,
  type Place,
  type PostingKind,
  type PostingValues,
} from './posting';

interface PlaceProps {
  form: UseFormReturnType<PostingValues>;
  path: string;
  place: Place;
  warehouses: Warehouse[];
  zones: Zone[];
  testId: string;
  label?: string;
}

export function PlacePicker({ form, path, place, warehouses, zones, testId, label }: PlaceProps) {
  const { t } = useTranslation();
  const wh = warehouses.find((w) => w.id === place.warehouseId);
  const whZones = zones.filter((z) => z.warehouseId === place.warehouseId);
  const zone = whZones.find((z) => z.id === place.zoneId);
  return (
    <>
      <Select
        label={label ?? t('postingsUi.warehouse')}
        searchable
        allowDeselect={false}
        data-testid={`${testId}-warehouse`}
        {...form.getInputProps(`${path}.warehouseId`)}
        data={warehouses.map((w) => ({ value: w.id, label: codeName(w) }))}
        onChange={(v) => form.setFieldValue(path, { warehouseId: v, zoneId: null, bin: null } as never)}
        comboboxProps={{ withinPortal: true }}
      />
      {needsZone(wh) && (
        <Select
          label={t('postingsUi.zone')}
          searchable
          allowDeselect={false}
          data-testid={`${testId}-zone`}
          {...form.getInputProps(`${path}.zoneId`)}
          data={whZones.map((z) => ({ value: z.id, label: codeName(z) }))}
          onChange={(v) => form.setFieldValue(path, { ...place, zoneId: v, bin: null } as never)}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {zone?.structured && (
        <BinPicker
          label={t('postingsUi.bin')}
          testId={`${testId}-bin`}
          zoneId={zone.id}
          value={place.bin}
          error={form.errors[`${path}.bin`] as string | undefined}
          onChange={(b) => form.setFieldValue(`${path}.bin`, b as never)}
        />
      )}
    </>
  );
}

interface LineProps {
  form: UseFormReturnType<PostingValues>;
  kind: PostingKind;
  index: number;
  warehouses: Warehouse[];
  zones: Zone[];
  unitOf: (code: string) => string;
  onProposeLots?: (index: number) => void;
  proposing?: boolean;
}

export function PostingLine({ form, kind, index, warehouses, zones, unitOf, onProposeLots, proposing }: LineProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = `lines.${index}`;
  const line = form.getValues().lines[index]!;
  const item = line.item;
  const value = kind === 'receipt' ? lineValue(line.quantity, line.unitPrice) : null;
  const tid = `line-${index}`;
  return (
    <Paper withBorder p="sm" data-testid={tid}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('postingsUi.line', { n: index + 1 })}
        </Text>
        {form.getValues().lines.length > 1 && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('postingsUi.removeLine', { n: index + 1 })}
            onClick={() => form.removeListItem('lines', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <ItemPicker
          label={t('postingsUi.item')}
          testId={`${tid}-item`}
          value={item}
          error={form.errors[`${p}.item`] as string | undefined}
          onChange={(i) => {
            form.setFieldValue(`${p}.item`, i as never);
            if (!lotShown(i)) form.setFieldValue(`${p}.lot`, '' as never);
            if (!serialShown(i)) form.setFieldValue(`${p}.serial`, '' as never);
          }}
        />
        <PlacePicker
          form={form}
          path={`${p}.from`}
          place={line.from}
          warehouses={warehouses}
          zones={zones}
          testId={kind === 'transfer' ? `${tid}-from` : tid}
          {...(kind === 'transfer' ? { label: t('postingsUi.fromWarehouse') } : {})}
        />
        {kind === 'transfer' && (
          <PlacePicker
            form={form}
            path={`${p}.to`}
            place={line.to}
            warehouses={warehouses}
            zones={zones}
            testId={`${tid}-to`}
            label={t('postingsUi.toWarehouse')}
          />
        )}
        {lotShown(item) && (
          <TextInput
            label={t('postingsUi.lot')}
            withAsterisk={lotNeeded(kind, item)}
            data-testid={`${tid}-lot`}
            {...form.getInputProps(`${p}.lot`)}
            description={!lotNeeded(kind, item) ? t('postingsUi.lotAuto') : undefined}
            rightSectionWidth={kind === 'issue' && onProposeLots ? 90 : undefined}
            rightSection={
              kind === 'issue' && onProposeLots ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={proposing}
                  onClick={() => onProposeLots(index)}
                  data-testid={`${tid}-propose`}
                >
                  {t('postingsUi.proposeLots')}
                </Button>
              ) : undefined
            }
          />
        )}
        {kind === 'receipt' && lotShown(item) && (
          <DateInput
            label={t('postingsUi.expiryDate')}
            clearable
            valueFormat="L"
            data-testid={`${tid}-expiry`}
            {...form.getInputProps(`${p}.expiryDate`)}
          />
        )}
        {serialShown(item) && (
          <TextInput
            label={t('postingsUi.serial')}
            withAsterisk
            data-testid={`${tid}-serial`}
            {...form.getInputProps(`${p}.serial`)}
          />
        )}
        <TextInput
          label={t('postingsUi.quantity')}
          withAsterisk
          inputMode="decimal"
          data-testid={`${tid}-quantity`}
          {...form.getInputProps(`${p}.quantity`)}
          rightSection={
            item ? (
              <Text size="xs" c="dimmed">
                {unitOf(item.primaryUnit)}
              </Text>
            ) : undefined
          }
          rightSectionWidth={56}
        />
        {kind === 'receipt' && (
          <TextInput
            label={t('postingsUi.unitPrice')}
            inputMode="decimal"
            data-testid={`${tid}-price`}
            {...form.getInputProps(`${p}.unitPrice`)}
            description={
              value !== null ? t('postingsUi.lineValue', { value: fmt.money(value) }) : t('postingsUi.priceDefault')
            }
          />
        )}
      </SimpleGrid>
    </Paper>
  );
}
