// Warehouses: list with search and site/kind filters; create and edit with every field of the API (kind,
// physically internal/external, responsible employee, negative stock, cost centre); delete while unused.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Warehouse } from '../../api/models';
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
  useActiveUsers,
  useRefresh,
  useSitesPicker,
} from './shared';

const KINDS = ['structured', 'unstructured', 'virtual'] as const;
const PHYSICAL = ['internal', 'external'] as const;
type Kind = (typeof KINDS)[number];

export function WarehousesTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 250);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const sites = useSitesPicker();
  const users = useActiveUsers();
  const list = usePaged<Warehouse>('/api/warehouses', {
    q: dq || undefined,
    siteId: siteId ?? undefined,
    kind: kind ?? undefined,
  });
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  const siteCode = useMemo(() => new Map((sites.data ?? []).map((s) => [s.id, s.code])), [sites.data]);
  const userName = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, u.displayName || u.username])),
    [users.data],
  );
  return (
    <Stack gap="sm">
      <Group>
        <TextInput
          w={240}
          placeholder={t('placesUi.searchCodeName')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="warehouse-search"
        />
        <Select
          allowDeselect={false}
          w={240}
          clearable
          placeholder={t('placesUi.allSites')}
          data={codeNameOptions(sites.data)}
          value={siteId}
          onChange={setSiteId}
          data-testid="warehouse-site-filter"
        />
        <Select
          allowDeselect={false}
          w={180}
          clearable
          placeholder={t('placesUi.allKinds')}
          value={kind}
          onChange={setKind}
          data={KINDS.map((k) => ({ value: k, label: t(`warehouseKind.${k}`) }))}
          data-testid="warehouse-kind-filter"
        />
        <Button size="xs" onClick={() => setEditing('new')} data-testid="warehouse-new">
          {t('common.new')}
        </Button>
      </Group>
      <VirtualTable
        rows={list.rows}
        rowKey={(r) => r.id}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="warehouse-table"
        columns={[
          {
            key: 'site',
            header: t('placesUi.site'),
            width: 100,
            render: (r) => <span className="mono">{siteCode.get(r.siteId) ?? ''}</span>,
          },
          {
            key: 'code',
            header: t('common.code'),
            width: 140,
            render: (r) => (
              <span className="mono" data-testid={`warehouse-row-${r.code}`}>
                {r.code}
              </span>
            ),
          },
          { key: 'name', header: t('common.name'), grow: 1, width: 200, render: (r) => r.name },
          {
            key: 'kind',
            header: t('places.kind'),
            width: 130,
            render: (r) => <Badge variant="light">{t(`warehouseKind.${r.kind}`)}</Badge>,
          },
          {
            key: 'physical',
            header: t('placesUi.physical'),
            width: 110,
            render: (r) => t(`placesUi.physicalKind.${r.physical}`),
          },
          {
            key: 'resp',
            header: t('placesUi.responsible'),
            width: 170,
            render: (r) => (r.responsibleUserId ? (userName.get(r.responsibleUserId) ?? '') : ''),
          },
          {
            key: 'neg',
            header: t('placesUi.allowNegative'),
            width: 120,
            render: (r) => (r.allowNegative ? t('common.yes') : ''),
          },
          { key: 'cc', header: t('placesUi.costCentre'), width: 110, render: (r) => r.costCentre ?? '' },
        ]}
      />
      {editing && <WarehouseForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export interface WarehouseValues {
  siteId: string | null;
  code: string;
  name: string;
  kind: Kind;
  physical: 'internal' | 'external';
  responsibleUserId: string | null;
  allowNegative: boolean;
  costCentre: string;
}

export const warehouseRules = (t: TFunction) => ({
  siteId: rules.required(t),
  code: codeRule(t),
  name: nameRule(t),
  costCentre: rules.maxLength(t, 20),
});

/** The request of the form; an empty cost centre is none (null). */
export function warehouseBody(v: WarehouseValues) {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    kind: v.kind,
    physical: v.physical,
    responsibleUserId: v.responsibleUserId,
    allowNegative: v.allowNegative,
    costCentre: v.costCentre.trim() === '' ? null : v.costCentre.trim(),
  };
}

export function WarehouseForm({ record, onClose }: { record: Warehouse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const sites = useSitesPicker();
  const users = useActiveUsers();
  const onlySite = sites.data?.length === 1 ? sites.data[0]!.id : null;
  const form = useForm<WarehouseValues>({
    mode: 'controlled',
    initialValues: {
      siteId: record?.siteId ?? null,
      code: record?.code ?? '',
      name: record?.name ?? '',
      kind: record?.kind ?? 'structured',
      physical: record?.physical ?? 'internal',
      responsibleUserId: record?.responsibleUserId ?? null,
      allowNegative: record?.allowNegative ?? false,
      costCentre: record?.costCentre ?? '',
    },
    validate: warehouseRules(t),
  });
  // One site only: it is the warehouse's site.
  useEffect(() => {
    if (!record && onlySite && form.getValues().siteId === null) form.setFieldValue('siteId', onlySite);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onlySite]);
  const [general, setGeneral] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: WarehouseValues) => {
      const body = warehouseBody(v);
      return record
        ? api.patch<Warehouse>(`/api/warehouses/${record.id}`, changed(record, body))
        : api.post<Warehouse>('/api/warehouses', { siteId: v.siteId, ...body });
    },
    onSuccess: () => {
      notifyOk(t('common.saved'));
      refresh('/api/warehouses');
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const userOptions = (users.data ?? []).map((u) => ({
    value: u.id,
    label: u.displayName ? `${u.displayName} (${u.username})` : u.username,
  }));
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={record ? t('placesUi.warehouse.edit', { code: record.code }) : t('placesUi.warehouse.new')}
    >
      <form
        onSubmit={form.onSubmit((v) => {
          setGeneral(null);
          save.mutate(v);
        })}
        data-testid="warehouse-form"
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              allowDeselect={false}
              inputWrapperOrder={BELOW}
              label={t('placesUi.site')}
              withAsterisk
              data={codeNameOptions(sites.data)}
              disabled={!!record}
              description={record ? t('placesUi.siteFixed') : undefined}
              {...form.getInputProps('siteId')}
              data-testid="warehouse-site"
            />
            <Select
              inputWrapperOrder={BELOW}
              label={t('places.kind')}
              withAsterisk
              allowDeselect={false}
              data={KINDS.map((k) => ({ value: k, label: t(`warehouseKind.${k}`) }))}
              description={t(`placesUi.kindHelp.${form.values.kind}`)}
              {...form.getInputProps('kind')}
              data-testid="warehouse-kind"
            />
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('common.code')}
              withAsterisk
              maxLength={20}
              {...form.getInputProps('code')}
              data-testid="warehouse-code"
            />
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('common.name')}
              withAsterisk
              maxLength={80}
              {...form.getInputProps('name')}
              data-testid="warehouse-name"
            />
            <Select
              inputWrapperOrder={BELOW}
              label={t('placesUi.physical')}
              allowDeselect={false}
              data={PHYSICAL.map((k) => ({ value: k, label: t(`placesUi.physicalKind.${k}`) }))}
              {...form.getInputProps('physical')}
              data-testid="warehouse-physical"
            />
            <Select
              allowDeselect={false}
              inputWrapperOrder={BELOW}
              label={t('placesUi.responsible')}
              clearable
              searchable
              data={userOptions}
              nothingFoundMessage={t('common.noRows')}
              {...form.getInputProps('responsibleUserId')}
              data-testid="warehouse-responsible"
            />
            <TextInput
              inputWrapperOrder={BELOW}
              label={t('placesUi.costCentre')}
              maxLength={20}
              description={t('placesUi.costCentreHelp')}
              {...form.getInputProps('costCentre')}
              data-testid="warehouse-cost-centre"
            />
            <Switch
              mt="lg"
              label={t('placesUi.allowNegative')}
              description={t('placesUi.allowNegativeHelp')}
              {...form.getInputProps('allowNegative', { type: 'checkbox' })}
              data-testid="warehouse-allow-negative"
            />
          </SimpleGrid>
          {general && (
            <Alert color="red" data-testid="warehouse-form-error">
              {general}
            </Alert>
          )}
          <Group justify="space-between">
            <div>
              {record && (
                <DeleteButton
                  path={`/api/warehouses/${record.id}`}
                  testId="warehouse-delete"
                  onDeleted={() => {
                    refresh('/api/warehouses');
                    onClose();
                  }}
                />
              )}
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="warehouse-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
