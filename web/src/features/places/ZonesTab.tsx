// Zones of structured warehouses: list by warehouse (always shown with the warehouse code: zone codes repeat
// across warehouses); create and edit organisation, structured (has bins) and usage. An inventory-differences
// zone receives count differences without a bin, so it cannot be structured — checked here and by the server.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Zone } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import {
  BELOW,
  DeleteButton,
  changed,
  codeNameOptions,
  codeRule,
  nameRule,
  useRefresh,
  useWarehousesPicker,
} from './shared';

export const ORGANISATIONS = ['high_bay', 'block', 'places_only'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];
const USAGES = ['normal', 'inventory_differences'] as const;

export function ZonesTab({
  warehouseId,
  onWarehouse,
}: {
  warehouseId: string | null;
  onWarehouse: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 250);
  const warehouses = useWarehousesPicker({ kind: 'structured' });
  const list = usePaged<Zone>('/api/zones', { warehouseId: warehouseId ?? undefined, q: dq || undefined });
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const whCode = useMemo(() => new Map((warehouses.data ?? []).map((w) => [w.id, w.code])), [warehouses.data]);
  return (
    <Stack gap="sm">
      <Group>
        <Select
          allowDeselect={false}
          w={300}
          clearable
          searchable
          placeholder={t('places.allWarehouses')}
          data={codeNameOptions(warehouses.data)}
          value={warehouseId}
          onChange={onWarehouse}
          data-testid="zone-warehouse-filter"
        />
        <TextInput
          w={220}
          placeholder={t('placesUi.searchCodeName')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="zone-search"
        />
        <Button size="xs" onClick={() => setEditing('new')} data-testid="zone-new">
          {t('common.new')}
        </Button>
      </Group>
      <VirtualTable
        rows={list.rows}
        rowKey={(r) => r.id}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="zone-table"
        columns={[
          {
            key: 'wh',
            header: t('placesUi.warehouseCol'),
            width: 130,
            render: (r) => <span className="mono">{whCode.get(r.warehouseId) ?? ''}</span>,
          },
          {
            key: 'code',
            header: t('common.code'),
            width: 130,
            render: (r) => (
              <span className="mono" data-testid={`zone-row-${whCode.get(r.warehouseId) ?? ''}-${r.code}`}>
                {r.code}
              </span>
            ),
          },
          { key: 'name', header: t('common.name'), grow: 1, width: 200, render: (r) => r.name },
          {
            key: 'org',
            header: t('places.organisation'),
            width: 170,
            render: (r) => t(`placesUi.organisationKind.${r.organisation}`),
          },
          {
            key: 'str',
            header: t('places.structured'),
            width: 100,
            render: (r) => (r.structured ? t('common.yes') : t('common.no')),
          },
          {
            key: 'usage',
            header: t('places.usage'),
            width: 240,
            render: (r) =>
              r.usage === 'inventory_differences' ? (
                <Badge color="orange" variant="light">
                  {t('places.differences')}
                </Badge>
              ) : (
                ''
              ),
          },
        ]}
      />
      {editing && (
        <ZoneForm
          record={editing === 'new' ? null : editing}
          defaultWarehouseId={warehouseId}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

export interface ZoneValues {
  warehouseId: string | null;
  code: string;
  name: string;
  organisation: Organisation;
  structured: boolean;
  usage: 'normal' | 'inventory_differences';
}

export const zoneRules = (t: TFunction) => ({
  warehouseId: rules.required(t),
  code: codeRule(t),
  name: nameRule(t),
  structured: (v: unknown, values: ZoneValues) =>
    v === true && values.usage === 'inventory_differences' ? t('placesUi.differencesNoBins') : null,
});

export function ZoneForm({
  record,
  defaultWarehouseId,
  onClose,
}: {
  record: Zone | null;
  defaultWarehouseId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const warehouses = useWarehousesPicker({ kind: 'structured' });
  const form = useForm<ZoneValues>({
    mode: 'controlled',
    initialValues: {
      warehouseId: record?.warehouseId ?? defaultWarehouseId,
      code: record?.code ?? '',
      name: record?.name ?? '',
      organisation: record?.organisation ?? 'high_bay',
      structured: record?.structured ?? true,
      usage: record?.usage ?? 'normal',
    },
    validate: zoneRules(t),
    validateInputOnChange: ['structured'],
  });
  const [general, setGeneral] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ZoneValues) => {
      const body = {
        code: v.code.trim(),
        name: v.name.trim(),
        organisation: v.organisation,
        structured: v.structured,
        usage: v.usage,
      };
      return record
        ? api.patch<Zone>(`/api/zones/${record.id}`, changed(record, body))
        : api.post<Zone>('/api/zones', { warehouseId: v.warehouseId, ...body });
    },
    onSuccess: () => {
      notifyOk(t('common.saved'));
      refresh('/api/zones');
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  // The structured check reads usage: re-check it when usage changes.
  const onUsage = (v: string | null) => {
    const values = { ...form.getValues(), usage: (v ?? 'normal') as ZoneValues['usage'] };
    form.setFieldValue('usage', values.usage);
    form.setFieldError('structured', zoneRules(t).structured(values.structured, values));
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={record ? t('placesUi.zone.edit', { code: record.code }) : t('placesUi.zone.new')}
    >
      <form
        onSubmit={form.onSubmit((v) => {
          setGeneral(null);
          save.mutate(v);
        })}
        data-testid="zone-form"
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
              description={record ? t('placesUi.warehouseFixed') : t('placesUi.structuredWarehousesOnly')}
              {...form.getInputProps('warehouseId')}
              data-testid="zone-warehouse"
            />
            <Select
              inputWrapperOrder={BELOW}
              label={t('places.organisation')}
              allowDeselect={false}
              data={ORGANISATIONS.map((o) => ({ value: o, label: t(`placesUi.organisationKind.${o}`) }))}
              description={t(`placesUi.organisationHelp.${form.values.organisation}`)}
              {...form.getInputProps('organisation')}
              data-testid="zone-organisation"
            />
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('common.code')}
              withAsterisk
              maxLength={20}
              {...form.getInputProps('code')}
              data-testid="zone-code"
            />
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('common.name')}
              withAsterisk
              maxLength={80}
              {...form.getInputProps('name')}
              data-testid="zone-name"
            />
            <Select
              inputWrapperOrder={BELOW}
              label={t('places.usage')}
              allowDeselect={false}
              data={USAGES.map((u) => ({ value: u, label: t(`placesUi.usageKind.${u}`) }))}
              description={t(`placesUi.usageHelp.${form.values.usage}`)}
              {...form.getInputProps('usage')}
              onChange={onUsage}
              data-testid="zone-usage"
            />
            <Switch
              mt="lg"
              label={t('placesUi.structuredZone')}
              description={t('placesUi.structuredZoneHelp')}
              {...form.getInputProps('structured', { type: 'checkbox' })}
              data-testid="zone-structured"
            />
          </SimpleGrid>
          {general && (
            <Alert color="red" data-testid="zone-form-error">
              {general}
            </Alert>
          )}
          <Group justify="space-between">
            <div>
              {record && (
                <DeleteButton
                  path={`/api/zones/${record.id}`}
                  testId="zone-delete"
                  onDeleted={() => {
                    refresh('/api/zones');
                    onClose();
                  }}
                />
              )}
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="zone-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
