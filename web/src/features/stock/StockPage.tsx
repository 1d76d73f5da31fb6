// Stock: balances per item × place × lot × owner, and the ledger entries (immutable movements). Filters:
// item code, warehouse, zone, bin code and lot. Codes (what people know) are resolved to ids for the filters;
// the API names every ledger entry's item, warehouse, zone and bin by code and its origin by the document's
// number (linked to the count list or inventory). Every filter and the ledger's sort are the API's.
import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Tabs, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';

type Balance = ResponseOf<'/api/stock/balances', 'get'>['items'][number];
type Entry = ResponseOf<'/api/stock/ledger', 'get'>['items'][number];
type ItemRow = { id: string; code: string; description: string };
export type LedgerSortKey = 'entry' | 'date' | 'item' | 'place' | 'quantity' | 'value';
/** Codes and places read upwards; dates, quantities and values start with the latest or largest. */
const defaultDir = (k: LedgerSortKey): 'asc' | 'desc' => (k === 'item' || k === 'place' ? 'asc' : 'desc');

/** The document that caused an entry, by its number, linked where the UI has a screen for it. */
export function OriginCell({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const type = t(`stock.originType.${entry.originType}`, { defaultValue: entry.originType });
  const label = `${type}${(entry.originNumber ?? entry.originId) ? ` ${entry.originNumber ?? entry.originId}` : ''}`;
  const to =
    entry.originId && entry.originNumber !== null
      ? entry.originType === 'count_list'
        ? `/count-lists/${entry.originId}`
        : entry.originType === 'inventory'
          ? `/inventories/${entry.originId}`
          : null
      : null;
  if (!to) return <span title={entry.originId ?? undefined}>{label}</span>;
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      aria-label={t('ledgerList.openOrigin', { origin: label })}
      data-testid={`ledger-origin-${entry.id}`}
    >
      {label}
    </Anchor>
  );
}

export default function StockPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const [code] = useDebouncedValue(q.trim(), 300);
  const item = useQuery({
    queryKey: ['item-by-code', code],
    enabled: !!code,
    queryFn: async () =>
      (
        await api.get<{ items: ItemRow[] }>('/api/items', { q: code, field: 'code', match: 'prefix', limit: 50 })
      ).items.find((x) => x.code === code) ?? null,
  });
  const itemId = code ? item.data?.id : undefined;
  // Warehouses and zones are few: loaded once for the filters and the place columns.
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; code: string; name: string }> }>('/api/warehouses', { limit: 1000 }),
  });
  const zones = useQuery({
    queryKey: ['/api/zones', 'all'],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; code: string; name: string; warehouseId: string }> }>('/api/zones', {
        limit: 1000,
      }),
  });
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [binText, setBinText] = useState('');
  const [lotText, setLotText] = useState('');
  const [binCode] = useDebouncedValue(binText.trim(), 300);
  const [lot] = useDebouncedValue(lotText.trim(), 300);
  const bin = useQuery({
    queryKey: ['bin-by-code', binCode, warehouseId, zoneId],
    enabled: !!binCode,
    queryFn: async () =>
      (
        await api.get<{ items: Array<{ id: string; code: string; barcode: string | null }> }>('/api/bins', {
          codePrefix: binCode,
          warehouseId,
          zoneId,
          limit: 100,
        })
      ).items.find((b) => b.code === binCode) ?? null,
  });
  const binId = binCode ? bin.data?.id : undefined;
  // An unknown item or bin code shows nothing (and says so) rather than everything.
  const ready = (!code || !!item.data) && (!binCode || !!bin.data);
  const filters = { itemId, warehouseId, binId, lot: lot || undefined };
  const balances = usePaged<Balance>(ready ? '/api/stock/balances' : null, { ...filters, zoneId, nonZero: true }, 500);
  const [sort, setSort] = useState<{ key: LedgerSortKey; dir: 'asc' | 'desc' }>({ key: 'entry', dir: 'asc' });
  const ledger = usePaged<Entry>(
    ready ? '/api/stock/ledger' : null,
    { ...filters, zoneId, sort: sort.key, dir: sort.dir },
    500,
  );
  const ledgerRows = ledger.rows;
  const whCode = (id: string) => whs.data?.items.find((x) => x.id === id)?.code ?? `#${id}`;
  const zoneCode = (id: string | null) => (id ? (zones.data?.items.find((x) => x.id === id)?.code ?? `#${id}`) : '');
  const place = (r: Entry) => [r.warehouseCode, r.zoneCode, r.binCode].filter(Boolean).join(' / ');
  const header = (key: LedgerSortKey, label: string): ReactNode => {
    const active = sort.key === key;
    const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <UnstyledButton
        data-testid={`ledger-sort-${key}`}
        aria-label={t('ledgerList.sortBy', { column: label })}
        aria-pressed={active}
        onClick={() =>
          setSort(active ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDir(key) })
        }
        style={{
          font: 'inherit',
          textTransform: 'inherit',
          letterSpacing: 'inherit',
          color: 'inherit',
          display: 'inline-flex',
          alignItems: 'center',
          gap: 2,
        }}
      >
        {label}
        <Icon size={12} opacity={active ? 1 : 0.4} />
      </UnstyledButton>
    );
  };
  const filtered = !!(q || warehouseId || zoneId || binText || lotText);
  const clear = () => {
    setQ('');
    setWarehouseId(null);
    setZoneId(null);
    setBinText('');
    setLotText('');
  };
  return (
    <Stack>
      <Title order={3}>{t('nav.stock')}</Title>
      <Group align="flex-start">
        <TextInput
          w={240}
          placeholder={t('stock.itemFilter')}
          aria-label={t('stock.itemFilter')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="stock-item"
          error={code && item.isFetched && !item.data ? t('gen.unknownItem', { code }) : undefined}
        />
        <Select
          w={200}
          placeholder={t('stock.allWarehouses')}
          aria-label={t('stock.warehouse')}
          clearable
          searchable
          data-testid="stock-warehouse"
          data={(whs.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          value={warehouseId}
          onChange={(v) => {
            setWarehouseId(v);
            if (v && zoneId && zones.data?.items.find((z) => z.id === zoneId)?.warehouseId !== v) setZoneId(null);
          }}
        />
        <Select
          w={180}
          placeholder={t('stock.allZones')}
          aria-label={t('stock.zone')}
          clearable
          searchable
          data-testid="stock-zone"
          data={(zones.data?.items ?? [])
            .filter((z) => !warehouseId || z.warehouseId === warehouseId)
            .map((z) => ({ value: z.id, label: warehouseId ? z.code : `${whCode(z.warehouseId)} / ${z.code}` }))}
          value={zoneId}
          onChange={setZoneId}
        />
        <TextInput
          w={140}
          placeholder={t('stock.bin')}
          aria-label={t('stock.bin')}
          value={binText}
          onChange={(e) => setBinText(e.currentTarget.value)}
          data-testid="stock-bin"
          error={binCode && bin.isFetched && !bin.data ? t('stock.unknownBin', { code: binCode }) : undefined}
        />
        <TextInput
          w={140}
          placeholder={t('stock.lot')}
          aria-label={t('stock.lot')}
          value={lotText}
          onChange={(e) => setLotText(e.currentTarget.value)}
          data-testid="stock-lot"
        />
        {filtered && (
          <Button variant="subtle" onClick={clear}>
            {t('stock.clear')}
          </Button>
        )}
      </Group>
      <Tabs defaultValue="balances">
        <Tabs.List>
          <Tabs.Tab value="balances">{t('stock.balances')}</Tabs.Tab>
          <Tabs.Tab value="ledger">{t('stock.ledger')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="balances" pt="sm">
          {balances.error ? (
            errorText(t, balances.error)
          ) : (
            <VirtualTable
              rows={balances.rows}
              rowKey={(r) => r.id}
              loading={balances.loading}
              onEndReached={balances.more}
              testId="balances"
              columns={[
                {
                  key: 'item',
                  header: t('items.code'),
                  width: 150,
                  grow: 1,
                  render: (r) => <span className="mono">{r.itemCode}</span>,
                },
                {
                  key: 'wh',
                  header: t('stock.warehouse'),
                  width: 100,
                  render: (r) => <span className="mono">{whCode(r.warehouseId)}</span>,
                },
                {
                  key: 'zone',
                  header: t('stock.zone'),
                  width: 100,
                  render: (r) => <span className="mono">{zoneCode(r.zoneId)}</span>,
                },
                {
                  key: 'bin',
                  header: t('places.bin'),
                  width: 120,
                  render: (r) => <span className="mono">{r.binCode ?? ''}</span>,
                },
                { key: 'lot', header: t('scan.lot'), width: 100, render: (r) => r.lot },
                { key: 'serial', header: t('scan.serial'), width: 100, render: (r) => r.serial },
                {
                  key: 'qty',
                  header: t('stock.quantity'),
                  width: 110,
                  align: 'right',
                  render: (r) => fmt.quantity(r.quantity),
                },
                {
                  key: 'counted',
                  header: t('stock.lastCounted'),
                  width: 130,
                  render: (r) => fmt.date(r.lastCountedDate),
                },
              ]}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="sm">
          {ledger.error ? (
            errorText(t, ledger.error)
          ) : (
            <VirtualTable
              rows={ledgerRows}
              rowKey={(r) => r.id}
              loading={ledger.loading}
              onEndReached={ledger.more}
              testId="ledger"
              columns={[
                {
                  key: 'id',
                  header: header('entry', t('ledgerList.entry')),
                  width: 76,
                  align: 'right',
                  render: (r) => <span className="mono">{r.id}</span>,
                },
                {
                  key: 'at',
                  header: header('date', t('stock.postedAt')),
                  width: 110,
                  render: (r) => fmt.date(r.postingDate),
                },
                {
                  key: 'key',
                  header: t('stock.key'),
                  width: 80,
                  render: (r) => (
                    <Badge variant="light" size="sm">
                      {r.keyCode}
                    </Badge>
                  ),
                },
                {
                  key: 'item',
                  header: header('item', t('items.code')),
                  width: 140,
                  grow: 1,
                  render: (r) => (
                    <span className="mono" title={r.itemDescription}>
                      {r.itemCode}
                    </span>
                  ),
                },
                {
                  key: 'place',
                  header: header('place', t('stock.place')),
                  width: 170,
                  render: (r) => (
                    <span className="mono" data-testid={`ledger-place-${r.id}`}>
                      {place(r)}
                    </span>
                  ),
                },
                {
                  key: 'lot',
                  header: t('scan.lot'),
                  width: 90,
                  render: (r) => [r.lot, r.serial].filter(Boolean).join(' · '),
                },
                {
                  key: 'qty',
                  header: header('quantity', t('stock.quantity')),
                  width: 110,
                  align: 'right',
                  render: (r) => (
                    <span style={{ color: r.quantity.startsWith('-') ? 'var(--mantine-color-red-7)' : undefined }}>
                      {fmt.signedQuantity(r.quantity)} {r.unit}
                    </span>
                  ),
                },
                {
                  key: 'price',
                  header: t('stock.unitPrice'),
                  width: 100,
                  align: 'right',
                  render: (r) => fmt.money(r.unitPrice),
                },
                {
                  key: 'value',
                  header: header('value', t('stock.value')),
                  width: 100,
                  align: 'right',
                  render: (r) => fmt.money(r.value),
                },
                { key: 'origin', header: t('stock.origin'), width: 190, render: (r) => <OriginCell entry={r} /> },
              ]}
            />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
