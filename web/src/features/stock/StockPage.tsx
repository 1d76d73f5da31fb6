// Stock: balances per item × place × lot × owner, and the ledger entries (immutable movements). The item
// filter takes a code (what people know) and resolves it to the item; ledger rows carry ids only, so item
// and bin codes are looked up (once per distinct id, cached) for display.
import { useMemo, useState } from 'react';
import { Badge, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText } from '../../components/errors';

type Balance = ResponseOf<'/api/stock/balances', 'get'>['items'][number];
type Entry = ResponseOf<'/api/stock/ledger', 'get'>['items'][number];
type ItemRow = { id: string; code: string; description: string };
const signed = (q: string) => (q.startsWith('-') || q === '0' ? q : `+${q}`);

export default function StockPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [code] = useDebouncedValue(q.trim(), 300);
  const item = useQuery({
    queryKey: ['item-by-code', code], enabled: !!code,
    queryFn: async () => (await api.get<{ items: ItemRow[] }>('/api/items', { q: code, field: 'code', match: 'prefix', limit: 50 })).items.find((x) => x.code === code) ?? null,
  });
  const itemId = code ? item.data?.id : undefined;
  // An unknown code shows nothing (and says so) rather than everything.
  const ready = !code || !!item.data;
  const balances = usePaged<Balance>(ready ? '/api/stock/balances' : null, { itemId, nonZero: true }, 500);
  const ledger = usePaged<Entry>(ready ? '/api/stock/ledger' : null, { itemId }, 500);
  // Codes for the ids on the ledger rows: from the balances already loaded, else one look-up per item.
  const codes = useMemo(() => new Map(balances.rows.map((b) => [b.itemId, b.itemCode])), [balances.rows]);
  const binCodes = useMemo(() => new Map(balances.rows.filter((b) => b.binId).map((b) => [b.binId!, b.binCode ?? ''])), [balances.rows]);
  const missing = [...new Set(ledger.rows.map((r) => r.itemId).filter((id) => !codes.has(id)))].slice(0, 100);
  const looked = useQueries({ queries: missing.map((id) => ({ queryKey: ['item', id], staleTime: 600_000, queryFn: () => api.get<ItemRow>(`/api/items/${id}`) })) });
  // Warehouses and zones are few: loaded once for the place column of ledger rows.
  const whs = useQuery({ queryKey: ['/api/warehouses', 'all'], queryFn: () => api.get<{ items: Array<{ id: string; code: string }> }>('/api/warehouses', { limit: 1000 }) });
  const zones = useQuery({ queryKey: ['/api/zones', 'all'], queryFn: () => api.get<{ items: Array<{ id: string; code: string }> }>('/api/zones', { limit: 1000 }) });
  const place = (r: Entry) => [whs.data?.items.find((x) => x.id === r.warehouseId)?.code, r.zoneId ? zones.data?.items.find((x) => x.id === r.zoneId)?.code : null,
    r.binId ? binCodes.get(r.binId) ?? `#${r.binId}` : null].filter(Boolean).join(' / ');
  const itemCode = (id: string) => codes.get(id) ?? looked.find((x) => x.data?.id === id)?.data?.code ?? `#${id}`;
  return (
    <Stack>
      <Title order={3}>{t('nav.stock')}</Title>
      <TextInput w={320} placeholder={t('stock.itemFilter')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="stock-item"
        error={code && item.isFetched && !item.data ? t('gen.unknownItem', { code }) : undefined} />
      <Tabs defaultValue="balances">
        <Tabs.List>
          <Tabs.Tab value="balances">{t('stock.balances')}</Tabs.Tab>
          <Tabs.Tab value="ledger">{t('stock.ledger')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="balances" pt="sm">
          {balances.error ? errorText(t, balances.error) : (
            <VirtualTable rows={balances.rows} rowKey={(r) => r.id} loading={balances.loading} onEndReached={balances.more} testId="balances" columns={[
              { key: 'item', header: t('items.code'), width: 150, grow: 1, render: (r) => <span className="mono">{r.itemCode}</span> },
              { key: 'bin', header: t('places.bin'), width: 120, render: (r) => <span className="mono">{r.binCode ?? ''}</span> },
              { key: 'lot', header: t('scan.lot'), width: 100, render: (r) => r.lot },
              { key: 'serial', header: t('scan.serial'), width: 100, render: (r) => r.serial },
              { key: 'qty', header: t('stock.quantity'), width: 110, align: 'right', render: (r) => r.quantity },
              { key: 'counted', header: t('stock.lastCounted'), width: 130, render: (r) => r.lastCountedDate ?? '' },
            ]} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="sm">
          {ledger.error ? errorText(t, ledger.error) : (
            <VirtualTable rows={ledger.rows} rowKey={(r) => r.id} loading={ledger.loading} onEndReached={ledger.more} testId="ledger" columns={[
              { key: 'at', header: t('stock.postedAt'), width: 110, render: (r) => r.postingDate },
              { key: 'key', header: t('stock.key'), width: 80, render: (r) => <Badge variant="light" size="sm">{r.keyCode}</Badge> },
              { key: 'item', header: t('items.code'), width: 140, grow: 1, render: (r) => <span className="mono">{itemCode(r.itemId)}</span> },
              { key: 'place', header: t('stock.place'), width: 170, render: (r) => <span className="mono">{place(r)}</span> },
              { key: 'lot', header: t('scan.lot'), width: 90, render: (r) => r.lot },
              { key: 'qty', header: t('stock.quantity'), width: 100, align: 'right', render: (r) => <span style={{ color: r.quantity.startsWith('-') ? 'var(--mantine-color-red-7)' : undefined }}>{signed(r.quantity)}</span> },
              { key: 'price', header: t('stock.unitPrice'), width: 100, align: 'right', render: (r) => r.unitPrice },
              { key: 'value', header: t('stock.value'), width: 100, align: 'right', render: (r) => r.value },
              { key: 'origin', header: t('stock.origin'), width: 170, render: (r) => `${r.originType}${r.originId ? ` ${r.originId}` : ''}` },
            ]} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
