// One bin: its structured zone (fixed once created), the elements its organisation has (the code is derived
// from them, shown as you type), the label barcode and blocked. Delete while nothing refers to the bin.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Bin } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError } from '../../components/form';
import {
  ELEMENT_NAMES,
  ORGANISATION_ELEMENTS,
  binCode,
  elementProblem,
  isRequired,
  norm,
  type ElementName,
  type Problem,
} from './binRanges';
import { BELOW, DeleteButton, codeNameOptions, useRefresh, useWarehousesPicker, useZonesPicker } from './shared';
import type { Organisation } from './ZonesTab';

export interface BinValues {
  warehouseId: string | null;
  zoneId: string | null;
  aisle: string;
  row: string;
  level: string;
  place: string;
  barcode: string;
  blocked: boolean;
}

/** The client checks of a bin (the domain's checkBinElements): per field the problem. */
export function checkBin(organisation: Organisation | null, v: BinValues): Record<string, Problem> {
  const errors: Record<string, Problem> = {};
  if (!v.zoneId || !organisation) {
    errors.zoneId = { key: 'form.required' };
    return errors;
  }
  for (const name of ORGANISATION_ELEMENTS[organisation]) {
    const p = elementProblem(v[name], isRequired(name));
    if (p) errors[name] = p;
  }
  if (v.barcode.length > 80) errors.barcode = { key: 'form.maxLength', params: { max: 80 } };
  return errors;
}

/** The request: elements of the organisation (others null), upper case; an empty barcode is none. */
export function binBody(organisation: Organisation, v: BinValues) {
  const own = ORGANISATION_ELEMENTS[organisation];
  const el = (n: ElementName) => (own.includes(n) && norm(v[n]) !== '' ? norm(v[n]) : null);
  return {
    aisle: el('aisle'),
    row: el('row'),
    level: el('level'),
    place: norm(v.place),
    barcode: v.barcode.trim() === '' ? null : v.barcode.trim(),
    blocked: v.blocked,
  };
}

export function BinForm({
  record,
  defaultWarehouseId,
  defaultZoneId,
  onClose,
}: {
  record: Bin | null;
  defaultWarehouseId: string | null;
  defaultZoneId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const warehouses = useWarehousesPicker({ kind: 'structured' });
  const form = useForm<BinValues>({
    mode: 'controlled',
    initialValues: {
      warehouseId: record?.warehouseId ?? defaultWarehouseId,
      zoneId: record?.zoneId ?? defaultZoneId,
      aisle: record?.aisle ?? '',
      row: record?.row ?? '',
      level: record?.level ?? '',
      place: record?.place ?? '',
      barcode: record?.barcode ?? '',
      blocked: record?.blocked ?? false,
    },
  });
  const v = form.values;
  const zones = useZonesPicker(v.warehouseId, { structured: 'true' });
  const zone = zones.data?.find((z) => z.id === v.zoneId);
  const [general, setGeneral] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = binBody(zone!.organisation, v);
      if (!record) return api.post<Bin>('/api/bins', { zoneId: zone!.id, ...body });
      const patch: Record<string, unknown> = {};
      for (const k of ['aisle', 'row', 'level', 'place', 'barcode', 'blocked'] as const)
        if (body[k] !== record[k]) patch[k] = body[k];
      return api.patch<Bin>(`/api/bins/${record.id}`, patch);
    },
    onSuccess: (b) => {
      notifyOk(t('placesUi.bin.saved', { code: b.code }));
      refresh('/api/bins');
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const submit = () => {
    setGeneral(null);
    form.clearErrors();
    const errors = checkBin(zone?.organisation ?? null, v);
    for (const [k, p] of Object.entries(errors)) form.setFieldError(k, t(p.key, p.params));
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const elements = zone ? ORGANISATION_ELEMENTS[zone.organisation] : [];
  const code = zone ? binCode(Object.fromEntries(elements.map((n) => [n, v[n]]))) : '';
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={record ? t('placesUi.bin.edit', { code: record.code }) : t('placesUi.bin.new')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="bin-form"
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              allowDeselect={false}
              inputWrapperOrder={BELOW}
              label={t('placesUi.warehouseCol')}
              withAsterisk
              searchable
              disabled={!!record}
              data={codeNameOptions(warehouses.data)}
              {...form.getInputProps('warehouseId')}
              onChange={(x) => {
                form.setFieldValue('warehouseId', x);
                form.setFieldValue('zoneId', null);
              }}
              data-testid="bin-warehouse"
            />
            <Select
              allowDeselect={false}
              inputWrapperOrder={BELOW}
              label={t('placesUi.zoneCol')}
              withAsterisk
              searchable
              disabled={!!record || !v.warehouseId}
              data={codeNameOptions(zones.data)}
              description={record ? t('placesUi.zoneFixed') : t('placesUi.bulk.structuredOnly')}
              {...form.getInputProps('zoneId')}
              data-testid="bin-zone"
            />
          </SimpleGrid>
          {zone && (
            <SimpleGrid cols={4}>
              {ELEMENT_NAMES.filter((n) => elements.includes(n)).map((n) => (
                <TextInput
                  key={n}
                  label={t(`places.${n}`)}
                  withAsterisk={isRequired(n)}
                  maxLength={10}
                  {...form.getInputProps(n)}
                  data-testid={`bin-${n}`}
                />
              ))}
            </SimpleGrid>
          )}
          {zone && (
            <Text size="sm">
              {t('placesUi.bin.code')}:{' '}
              <span className="mono" data-testid="bin-code-preview">
                {code || '—'}
              </span>
            </Text>
          )}
          <SimpleGrid cols={2}>
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('places.barcode')}
              maxLength={80}
              description={t('placesUi.bin.barcodeHelp')}
              {...form.getInputProps('barcode')}
              data-testid="bin-barcode"
            />
            <Switch
              mt="lg"
              label={t('places.blocked')}
              description={t('placesUi.bin.blockedHelp')}
              {...form.getInputProps('blocked', { type: 'checkbox' })}
              data-testid="bin-blocked"
            />
          </SimpleGrid>
          {general && (
            <Alert color="red" data-testid="bin-form-error">
              {general}
            </Alert>
          )}
          <Group justify="space-between">
            <div>
              {record && (
                <DeleteButton
                  path={`/api/bins/${record.id}`}
                  testId="bin-delete"
                  onDeleted={() => {
                    refresh('/api/bins');
                    onClose();
                  }}
                />
              )}
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="bin-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
