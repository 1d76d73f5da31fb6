// Inventories: the list (status, type, owner, dates) and the create dialog.
import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Page } from '../../api/client';
import type {
  Inventory,
  InventoryCreate,
  InventoryType,
  Owner,
  ReportType,
  Site,
  UserRow,
  ValuationPrice,
} from '../../api/models';
import { useSession } from '../auth/session';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';

export const STATUS_COLOR: Record<string, string> = {
  created: 'gray',
  has_count_lists: 'blue',
  open: 'green',
  closed: 'dark',
  partially_generated: 'yellow',
  opening_failed: 'red',
  partially_reported: 'cyan',
  completely_reported: 'teal',
  closing: 'orange',
  closed_with_errors: 'red',
  manually_closed: 'dark',
};
export const VALUATION: ValuationPrice[] = [
  'average',
  'inventory',
  'settlement_1',
  'settlement_2',
  'settlement_3',
  'settlement_4',
  'settlement_5',
];

export default function InventoriesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = usePaged<Inventory>('/api/inventories');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.inventories')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-inventory">
          {t('inv.new')}
        </Button>
      </Group>
      {list.error && <Badge color="red">{errorText(t, list.error)}</Badge>}
      <VirtualTable
        rows={list.rows}
        rowKey={(r) => r.id}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={(r) => nav(`/inventories/${r.id}`)}
        testId="inventories"
        columns={[
          { key: 'number', header: t('inv.number'), width: 150, render: (r) => <b>{r.number}</b> },
          { key: 'type', header: t('inv.type'), width: 100, render: (r) => r.typeCode ?? r.typeId },
          { key: 'desc', header: t('inv.description'), grow: 1, width: 220, render: (r) => r.description },
          {
            key: 'status',
            header: t('common.status'),
            width: 150,
            render: (r) => <Badge color={STATUS_COLOR[r.status]}>{t(`invStatus.${r.status}`)}</Badge>,
          },
          { key: 'fy', header: t('inv.fiscalYear'), width: 80, render: (r) => r.fiscalYear },
          { key: 'date', header: t('inv.stockTakingDate'), width: 120, render: (r) => fmt.date(r.stockTakingDate) },
          { key: 'report', header: t('inv.reportType'), width: 110, render: (r) => t(`reportType.${r.reportType}`) },
          {
            key: 'blind',
            header: t('inv.blind'),
            width: 70,
            render: (r) =>
              r.showSystemQuantities ? (
                ''
              ) : (
                <Badge size="xs" color="grape">
                  {t('inv.blind')}
                </Badge>
              ),
          },
        ]}
      />
      <CreateInventory
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => nav(`/inventories/${id}`)}
      />
    </Stack>
  );
}

function CreateInventory({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const types = useQuery({
    queryKey: ['inventory-types'],
    enabled: opened,
    queryFn: () => api.get<Page<InventoryType>>('/api/inventory-types'),
  });
  const owners = useQuery({
    queryKey: ['owners'],
    enabled: opened,
    queryFn: () => api.get<Page<Owner>>('/api/owners'),
  });
  // Users of one site create for it; users without a site (administrators) name the site.
  const { user } = useSession();
  const needsSite = !!user && user.siteId === null;
  const sites = useQuery({
    queryKey: ['sites'],
    enabled: opened && needsSite,
    queryFn: () => api.get<Page<Site>>('/api/sites', { limit: 1000 }),
  });
  const users = useQuery({
    queryKey: ['/api/users'],
    enabled: opened,
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { limit: 1000 }),
  });
  const [siteId, setSiteId] = useState<string | null>(null);
  const site = siteId ?? (sites.data?.items.length === 1 ? sites.data.items[0]!.id : null);
  const [f, setF] = useState({
    typeId: '',
    ownerId: '',
    description: '',
    fiscalYear: new Date().getFullYear(),
    stockTakingDate: new Date().toISOString().slice(0, 10),
    valuationPrice: 'average' as ValuationPrice,
    adjustmentKey: '',
    transferKey: '',
    valueAdjustmentKey: '',
    reportType: 'single' as ReportType,
    singleReportingRequired: false,
    showSystemQuantities: false,
    costCentre: '',
    countListSequenceCode: '',
    responsibleUserId: '',
  });
  const pickType = (id: string | null) => {
    const ty = types.data?.items.find((x) => x.id === id);
    setF((s) => ({
      ...s,
      typeId: id ?? '',
      ...(ty
        ? {
            valuationPrice: ty.valuationPrice ?? s.valuationPrice,
            reportType: ty.reportType ?? s.reportType,
            adjustmentKey: ty.adjustmentKey ?? '',
            transferKey: ty.transferKey ?? '',
            valueAdjustmentKey: ty.valueAdjustmentKey ?? '',
            singleReportingRequired: !!ty.singleReportingRequired,
            showSystemQuantities: !!ty.showSystemQuantities,
          }
        : {}),
    }));
  };
  const create = useMutation({
    mutationFn: () =>
      api.post<Inventory>('/api/inventories', {
        ...(needsSite && site ? { siteId: site } : {}),
        typeId: f.typeId,
        ownerId: f.ownerId,
        description: f.description,
        fiscalYear: f.fiscalYear,
        stockTakingDate: f.stockTakingDate || null,
        valuationPrice: f.valuationPrice,
        reportType: f.reportType,
        singleReportingRequired: f.singleReportingRequired,
        showSystemQuantities: f.showSystemQuantities,
        adjustmentKey: f.adjustmentKey || null,
        transferKey: f.transferKey || null,
        valueAdjustmentKey: f.valueAdjustmentKey || null,
        costCentre: f.costCentre || null,
        responsibleUserId: f.responsibleUserId || null,
        ...(f.countListSequenceCode.trim() ? { countListSequenceCode: f.countListSequenceCode.trim() } : {}),
      } satisfies InventoryCreate),
    onSuccess: (inv) => {
      notifyOk(t('inv.created', { number: inv.number }));
      void qc.invalidateQueries({ queryKey: ['/api/inventories'] });
      onClose();
      onCreated(inv.id);
    },
    onError: (e) => notifyError(t, e),
  });
  const set =
    <K extends keyof typeof f>(k: K) =>
    (v: (typeof f)[K]) =>
      setF((s) => ({ ...s, [k]: v }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('inv.new')} size="lg">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {needsSite && (
            <Select
              label={t('inv.site')}
              required
              data-testid="inv-site"
              data={(sites.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` }))}
              value={site}
              onChange={setSiteId}
            />
          )}
          <Select
            label={t('inv.type')}
            required
            data-testid="inv-type"
            data={(types.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.code} · ${x.description || t(`method.${x.method}`)}`,
            }))}
            value={f.typeId || null}
            onChange={pickType}
          />
          <Select
            label={t('inv.owner')}
            required
            data-testid="inv-owner"
            data={(owners.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` }))}
            value={f.ownerId || null}
            onChange={(v) => set('ownerId')(v ?? '')}
          />
          <NumberInput
            label={t('inv.fiscalYear')}
            data-testid="inv-fy"
            min={1900}
            max={2999}
            value={f.fiscalYear}
            onChange={(v) => set('fiscalYear')(Number(v))}
          />
          <TextInput
            type="date"
            label={t('inv.stockTakingDate')}
            data-testid="inv-date"
            value={f.stockTakingDate}
            onChange={(e) => set('stockTakingDate')(e.currentTarget.value)}
          />
          <Select
            label={t('inv.valuationPrice')}
            data={VALUATION.map((v) => ({ value: v, label: t(`valuation.${v}`) }))}
            value={f.valuationPrice}
            onChange={(v) => v && set('valuationPrice')(v as ValuationPrice)}
            allowDeselect={false}
          />
          <Select
            label={t('inv.reportType')}
            data={(['single', 'cumulative'] as const).map((v) => ({ value: v, label: t(`reportType.${v}`) }))}
            value={f.reportType}
            onChange={(v) => v && set('reportType')(v as ReportType)}
            allowDeselect={false}
          />
          <TextInput
            label={t('inv.adjustmentKey')}
            value={f.adjustmentKey}
            onChange={(e) => set('adjustmentKey')(e.currentTarget.value)}
          />
          <TextInput
            label={t('inv.transferKey')}
            value={f.transferKey}
            onChange={(e) => set('transferKey')(e.currentTarget.value)}
          />
          <TextInput
            label={t('inv.valueAdjustmentKey')}
            value={f.valueAdjustmentKey}
            onChange={(e) => set('valueAdjustmentKey')(e.currentTarget.value)}
          />
          <TextInput
            label={t('inv.costCentre')}
            value={f.costCentre}
            onChange={(e) => set('costCentre')(e.currentTarget.value)}
          />
          <TextInput
            label={t('inv.countListSequence')}
            description={t('inv.countListSequenceHelp')}
            value={f.countListSequenceCode}
            onChange={(e) => set('countListSequenceCode')(e.currentTarget.value)}
            data-testid="inv-cl-sequence"
          />
          <Select
            label={t('inv.responsible')}
            clearable
            searchable
            data-testid="inv-responsible"
            data={(users.data?.items ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.id, label: u.displayName || u.username }))}
            value={f.responsibleUserId || null}
            onChange={(v) => set('responsibleUserId')(v ?? '')}
          />
        </SimpleGrid>
        <TextInput
          label={t('inv.description')}
          data-testid="inv-desc"
          value={f.description}
          maxLength={200}
          onChange={(e) => set('description')(e.currentTarget.value)}
        />
        <Group>
          <Checkbox
            label={t('inv.singleReportingRequired')}
            checked={f.singleReportingRequired}
            onChange={(e) => set('singleReportingRequired')(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('inv.showSystemQuantities')}
            checked={f.showSystemQuantities}
            onChange={(e) => set('showSystemQuantities')(e.currentTarget.checked)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            disabled={!f.typeId || !f.ownerId || (needsSite && !site)}
            data-testid="inv-save"
          >
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
