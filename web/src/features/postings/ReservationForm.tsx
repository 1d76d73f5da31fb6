// Create a reservation: item, warehouse (zone, bin, lot, serial narrow it), owner, quantity and reference. The
// place's on hand, reserved and available quantities are shown as they are chosen; the server refuses more
// than is available (ledger.not_available on the quantity), and its errors land on their field.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import { applyServerError, rules } from '../../components/form';
import { useFormat } from '../../components/format';
import {
  codeName,
  needsZone,
  type Bin,
  type Item,
  type Owner,
  type Reservation,
  type Unit,
  type Warehouse,
  type Zone,
} from './data';
import { BinPicker, ItemPicker } from './pickers';

export interface ReservationValues {
  item: Item | null;
  warehouseId: string | null;
  zoneId: string | null;
  bin: Bin | null;
  lot: string;
  serial: string;
  ownerId: string | null;
  quantity: string;
  reference: string;
}
const blank = (ownerId: string | null): ReservationValues => ({
  item: null,
  warehouseId: null,
  zoneId: null,
  bin: null,
  lot: '',
  serial: '',
  ownerId,
  quantity: '',
  reference: '',
});

export function checkReservation(t: TFunction, v: ReservationValues, units: Map<string, Unit>): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.item) e.item = t('form.required');
  if (!v.warehouseId) e.warehouseId = t('form.required');
  if (!v.ownerId) e.ownerId = t('form.required');
  const scale = v.item ? units.get(v.item.primaryUnit)?.decimals : undefined;
  const q = rules.all(
    rules.required(t),
    rules.decimal(t, { min: 'positive', ...(scale !== undefined ? { scale } : {}) }),
  )(v.quantity.trim());
  if (q) e.quantity = q;
  if (v.lot.length > 40) e.lot = t('form.maxLength', { max: 40 });
  if (v.serial.length > 80) e.serial = t('form.maxLength', { max: 80 });
  if (v.reference.length > 80) e.reference = t('form.maxLength', { max: 80 });
  return e;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (r: Reservation) => void;
  siteId: string | null;
  warehouses: Warehouse[];
  zones: Zone[];
  owners: Owner[];
  units: Map<string, Unit>;
}

export function ReservationForm({ opened, onClose, onCreated, siteId, warehouses, zones, owners, units }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const form = useForm<ReservationValues>({
    initialValues: blank(owners.length === 1 ? owners[0]!.id : null),
    validate: (v) => checkReservation(t, v, units),
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const v = form.getValues();
  const wh = warehouses.find((w) => w.id === v.warehouseId);
  const zone = zones.find((z) => z.id === v.zoneId);
  const scope =
    v.item && v.warehouseId && v.ownerId
      ? {
          itemId: v.item.id,
          warehouseId: v.warehouseId,
          ownerId: v.ownerId,
          zoneId: v.zoneId ?? undefined,
          binId: v.bin?.id,
          lot: v.lot.trim() || undefined,
          serial: v.serial.trim() || undefined,
        }
      : null;
  const avail = useQuery({
    queryKey: ['/api/stock/availability', scope],
    enabled: !!scope && opened,
    queryFn: () => api.get<{ onHand: string; reserved: string; available: string }>('/api/stock/availability', scope!),
  });
  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    if (!siteId) {
      setGeneral(t('postingsUi.chooseSite'));
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<Reservation>('/api/reservations', {
        siteId,
        itemId: values.item!.id,
        warehouseId: values.warehouseId!,
        zoneId: values.zoneId,
        binId: values.bin?.id ?? null,
        ownerId: values.ownerId!,
        quantity: values.quantity.trim(),
        ...(values.lot.trim() ? { lot: values.lot.trim() } : {}),
        ...(values.serial.trim() ? { serial: values.serial.trim() } : {}),
        ...(values.reference.trim() ? { reference: values.reference.trim() } : {}),
      });
      form.setValues(blank(values.ownerId));
      onCreated(r);
    } catch (e) {
      setGeneral(applyServerError(form, t, e, { itemId: 'item', binId: 'bin' }));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('postingsUi.res.new')} size="xl">
      <form onSubmit={submit} noValidate data-testid="reservation-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <ItemPicker
              label={t('postingsUi.item')}
              testId="res-item"
              value={v.item}
              error={form.errors.item as string | undefined}
              onChange={(i) => form.setFieldValue('item', i)}
            />
            <Select
              label={t('postingsUi.owner')}
              withAsterisk
              data-testid="res-owner"
              {...form.getInputProps('ownerId')}
              data={owners.map((o) => ({ value: o.id, label: codeName(o) }))}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('postingsUi.warehouse')}
              withAsterisk
              searchable
              data-testid="res-warehouse"
              {...form.getInputProps('warehouseId')}
              data={warehouses.map((w) => ({ value: w.id, label: codeName(w) }))}
              comboboxProps={{ withinPortal: true }}
              onChange={(id) => form.setValues({ warehouseId: id, zoneId: null, bin: null })}
            />
            {needsZone(wh) && (
              <Select
                label={t('postingsUi.zoneOptional')}
                clearable
                data-testid="res-zone"
                {...form.getInputProps('zoneId')}
                comboboxProps={{ withinPortal: true }}
                data={zones
                  .filter((z) => z.warehouseId === v.warehouseId)
                  .map((z) => ({ value: z.id, label: codeName(z) }))}
                onChange={(id) => form.setValues({ zoneId: id, bin: null })}
              />
            )}
            {zone?.structured && (
              <BinPicker
                label={t('postingsUi.binOptional')}
                testId="res-bin"
                zoneId={zone.id}
                value={v.bin}
                error={form.errors.bin as string | undefined}
                onChange={(b) => form.setFieldValue('bin', b)}
              />
            )}
            {v.item && v.item.lotManagement !== 'no' && (
              <TextInput label={t('postingsUi.lot')} data-testid="res-lot" {...form.getInputProps('lot')} />
            )}
            {v.item?.serialManagement && (
              <TextInput label={t('postingsUi.serial')} data-testid="res-serial" {...form.getInputProps('serial')} />
            )}
            <TextInput
              label={t('postingsUi.quantity')}
              withAsterisk
              inputMode="decimal"
              data-testid="res-quantity"
              {...form.getInputProps('quantity')}
              rightSection={
                v.item ? (
                  <Text size="xs" c="dimmed">
                    {v.item.primaryUnit}
                  </Text>
                ) : undefined
              }
              rightSectionWidth={56}
            />
            <TextInput
              label={t('postingsUi.res.reference')}
              data-testid="res-reference"
              {...form.getInputProps('reference')}
            />
          </SimpleGrid>
          {avail.data && (
            <Text
              size="sm"
              data-testid="res-availability"
              c={avail.data.available.startsWith('-') || avail.data.available === '0' ? 'red' : undefined}
            >
              {t('postingsUi.res.availability', {
                onHand: fmt.quantity(avail.data.onHand),
                reserved: fmt.quantity(avail.data.reserved),
                available: fmt.quantity(avail.data.available),
              })}
            </Text>
          )}
          {general && (
            <Alert color="red" data-testid="res-error">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="res-save">
              {t('postingsUi.res.reserve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
