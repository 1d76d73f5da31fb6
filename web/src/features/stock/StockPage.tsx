// Stock: balances per item × place × lot × owner, and the ledger entries (immutable movements).
import { useState } from 'react';
import { Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText } from '../../components/errors';

type Row = Record<string, string | number | null | undefined>;
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export default function StockPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [item] = useDebouncedValue(q, 300);
  const balances = usePaged<Row>('/api/stock/balances', { itemCode: item || undefined }, 500);
  const ledger = usePaged<Row>('/api/stock/ledger', { itemCode: item || undefined }, 500);
  const place = (r: Row) => [r.warehouseCode, r.zoneCode, r.binCode].filter(Boolean).join(' / ');
  return (
    <Stack>
      <Title order={3}>{t('nav.stock')}</Title>
      <TextInput w={320} placeholder={t('stock.itemFilter')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Tabs defaultValue="balances">
        <Tabs.List>
          <Tabs.Tab value="balances">{t('stock.balances')}</Tabs.Tab>
          <Tabs.Tab value="ledger">{t('stock.ledger')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="balances" pt="sm">
          {balances.error ? errorText(t, balances.error) : (
            <VirtualTable rows={balances.rows} rowKey={(r) => cell(r.id ?? `${r.itemId}-${r.binId}-${r.lot}-${r.serial}-${r.ownerId}`)} loading={balances.loading} onEndReached={balances.more} testId="balances" columns={[
              { key: 'item', header: t('items.code'), width: 150, render: (r) => <span className="mono">{cell(r.itemCode)}</span> },
              { key: 'desc', header: t('items.description'), grow: 1, width: 200, render: (r) => cell(r.itemDescription) },
              { key: 'place', header: t('stock.place'), width: 200, render: place },
              { key: 'lot', header: t('scan.lot'), width: 100, render: (r) => cell(r.lot) },
              { key: 'serial', header: t('scan.serial'), width: 100, render: (r) => cell(r.serial) },
              { key: 'owner', header: t('inv.owner'), width: 90, render: (r) => cell(r.ownerCode) },
              { key: 'qty', header: t('stock.quantity'), width: 110, align: 'right', render: (r) => cell(r.quantity) },
              { key: 'value', header: t('stock.value'), width: 110, align: 'right', render: (r) => cell(r.value) },
            ]} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="sm">
          {ledger.error ? errorText(t, ledger.error) : (
            <VirtualTable rows={ledger.rows} rowKey={(r) => cell(r.id)} loading={ledger.loading} onEndReached={ledger.more} testId="ledger" columns={[
              { key: 'at', header: t('stock.postedAt'), width: 170, render: (r) => cell(r.postedAt ?? r.createdAt).replace('T', ' ').slice(0, 19) },
              { key: 'key', header: t('stock.key'), width: 90, render: (r) => cell(r.transactionKey ?? r.keyCode) },
              { key: 'item', header: t('items.code'), width: 140, render: (r) => <span className="mono">{cell(r.itemCode)}</span> },
              { key: 'place', header: t('stock.place'), grow: 1, width: 180, render: place },
              { key: 'lot', header: t('scan.lot'), width: 90, render: (r) => cell(r.lot) },
              { key: 'qty', header: t('stock.quantity'), width: 100, align: 'right', render: (r) => cell(r.quantity) },
              { key: 'value', header: t('stock.value'), width: 100, align: 'right', render: (r) => cell(r.value) },
              { key: 'origin', header: t('stock.origin'), width: 160, render: (r) => cell(r.originType ?? r.origin) },
            ]} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
