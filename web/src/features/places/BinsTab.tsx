// Bins: a warehouse has up to 100,000, so the list is paged and filtered on the server (warehouse, zone, code
// prefix, blocked); rows can be selected and blocked or unblocked together (one request, one transaction),
// a single row with its lock button. New bin, bins in bulk (BinRangeDialog), edit and delete.
import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, Group, SegmentedControl, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Bin } from '../../api/models';
import { notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { BinForm } from './BinForm';
import { BinRangeDialog } from './BinRangeDialog';
import { codeNameOptions, useAllZones, useRefresh, useWarehousesPicker, useZonesPicker } from './shared';

type Blocked = 'all' | 'true' | 'false';

export function BinsTab({
  warehouseId,
  onWarehouse,
}: {
  warehouseId: string | null;
  onWarehouse: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const refresh = useRefresh();
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [prefix, setPrefix] = useState('');
  const [dPrefix] = useDebouncedValue(prefix.trim(), 250);
  const [blocked, setBlocked] = useState<Blocked>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Bin | 'new' | 'bulk' | null>(null);
  const warehouses = useWarehousesPicker({ kind: 'structured' });
  const zones = useZonesPicker(warehouseId);
  const bins = usePaged<Bin>(
    '/api/bins',
    {
      warehouseId: warehouseId ?? undefined,
      zoneId: zoneId ?? undefined,
      codePrefix: dPrefix.slice(0, 43) || undefined,
      blocked: blocked === 'all' ? undefined : blocked,
    },
    500,
  );
  const whCode = useMemo(() => new Map((warehouses.data ?? []).map((w) => [w.id, w.code])), [warehouses.data]);
  const allZones = useAllZones();
  const zoneCode = useMemo(() => new Map((allZones.data ?? []).map((z) => [z.id, z.code])), [allZones.data]);

  const block = useMutation({
    mutationFn: (a: { ids: string[]; blocked: boolean }) => api.post<{ changed: number }>('/api/bins/blocked', a),
    onSuccess: (r, a) => {
      notifyOk(
        t(a.blocked ? 'placesUi.bin.blockedN' : 'placesUi.bin.unblockedN', {
          count: r.changed,
          n: f.quantity(String(r.changed)),
        }),
      );
      setSelected(new Set());
      refresh('/api/bins');
    },
    onError: (e) => notifyError(t, e),
  });
  const ids = [...selected];
  const clearSel = () => setSelected(new Set());
  return (
    <Stack gap="sm">
      <Group>
        <Select
          allowDeselect={false}
          w={260}
          clearable
          searchable
          placeholder={t('places.allWarehouses')}
          data={codeNameOptions(warehouses.data)}
          value={warehouseId}
          onChange={(v) => {
            onWarehouse(v);
            setZoneId(null);
            clearSel();
          }}
          data-testid="bin-warehouse-filter"
        />
        <Select
          allowDeselect={false}
          w={220}
          clearable
          searchable
          placeholder={warehouseId ? t('places.allZones') : t('placesUi.pickWarehouseFirst')}
          disabled={!warehouseId}
          data={codeNameOptions(zones.data)}
          value={zoneId}
          onChange={(v) => {
            setZoneId(v);
            clearSel();
          }}
          data-testid="bin-zone-filter"
        />
        <TextInput
          w={180}
          placeholder={t('placesUi.codePrefix')}
          value={prefix}
          onChange={(e) => setPrefix(e.currentTarget.value)}
          data-testid="bin-search"
        />
        <SegmentedControl
          size="xs"
          value={blocked}
          onChange={(v) => {
            setBlocked(v as Blocked);
            clearSel();
          }}
          data-testid="bin-blocked-filter"
          data={[
            { value: 'all', label: t('placesUi.bin.all') },
            { value: 'false', label: t('placesUi.bin.free') },
            { value: 'true', label: t('places.blocked') },
          ]}
        />
      </Group>
      <Group gap="xs">
        <Button size="xs" onClick={() => setDialog('new')} data-testid="bin-new">
          {t('placesUi.bin.new')}
        </Button>
        <Button size="xs" variant="light" onClick={() => setDialog('bulk')} data-testid="bin-bulk">
          {t('placesUi.bulk.open')}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconLock size={14} />}
          disabled={ids.length === 0}
          loading={block.isPending && block.variables?.blocked === true}
          onClick={() => block.mutate({ ids, blocked: true })}
          data-testid="bin-block-selected"
        >
          {t('placesUi.bin.blockSelected', { n: f.quantity(String(ids.length)) })}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconLockOpen size={14} />}
          disabled={ids.length === 0}
          loading={block.isPending && block.variables?.blocked === false}
          onClick={() => block.mutate({ ids, blocked: false })}
          data-testid="bin-unblock-selected"
        >
          {t('placesUi.bin.unblockSelected', { n: f.quantity(String(ids.length)) })}
        </Button>
      </Group>
      <VirtualTable
        rows={bins.rows}
        rowKey={(r) => r.id}
        loading={bins.loading}
        onEndReached={bins.more}
        onRowClick={setDialog}
        testId="bin-table"
        selected={selected}
        onSelectedChange={setSelected}
        columns={[
          {
            key: 'wh',
            header: t('placesUi.warehouseCol'),
            width: 110,
            render: (r) => <span className="mono">{whCode.get(r.warehouseId) ?? ''}</span>,
          },
          {
            key: 'zone',
            header: t('placesUi.zoneCol'),
            width: 100,
            render: (r) => <span className="mono">{zoneCode.get(r.zoneId) ?? ''}</span>,
          },
          {
            key: 'code',
            header: t('places.bin'),
            width: 160,
            render: (r) => (
              <span className="mono" data-testid={`bin-row-${r.code}`}>
                {r.code}
              </span>
            ),
          },
          { key: 'aisle', header: t('places.aisle'), width: 70, render: (r) => r.aisle ?? '' },
          { key: 'row', header: t('places.row'), width: 70, render: (r) => r.row ?? '' },
          { key: 'level', header: t('places.level'), width: 70, render: (r) => r.level ?? '' },
          { key: 'place', header: t('places.place'), width: 80, render: (r) => r.place },
          { key: 'barcode', header: t('places.barcode'), grow: 1, width: 140, render: (r) => r.barcode ?? '' },
          {
            key: 'blocked',
            header: t('places.blocked'),
            width: 130,
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                <Tooltip label={t(r.blocked ? 'placesUi.bin.unblock' : 'placesUi.bin.block')}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color={r.blocked ? 'red' : 'gray'}
                    aria-label={t(r.blocked ? 'placesUi.bin.unblock' : 'placesUi.bin.block')}
                    onClick={(e) => {
                      e.stopPropagation();
                      block.mutate({ ids: [r.id], blocked: !r.blocked });
                    }}
                    data-testid={`bin-toggle-${r.code}`}
                  >
                    {r.blocked ? <IconLock size={14} /> : <IconLockOpen size={14} />}
                  </ActionIcon>
                </Tooltip>
                {r.blocked && (
                  <Badge color="red" size="sm" data-testid={`bin-blocked-${r.code}`}>
                    {t('places.blocked')}
                  </Badge>
                )}
              </Group>
            ),
          },
        ]}
      />
      {(dialog === 'new' || (dialog && dialog !== 'bulk')) && (
        <BinForm
          record={dialog === 'new' ? null : dialog}
          defaultWarehouseId={warehouseId}
          defaultZoneId={zoneId}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'bulk' && (
        <BinRangeDialog defaultWarehouseId={warehouseId} defaultZoneId={zoneId} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
