// A count list's items: target (unless blind), reported, difference, status, verification mark, and each
// item's report history; "mark all as reported" when the inventory allows it. The "Enter counts" tab keys in
// a printed count sheet (features/countentry).
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { CountList, CountListItem, CountReport } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { STATUS_COLOR } from '../inventories/InventoriesPage';
import { CountEntry } from '../countentry/CountEntry';
import { CountFileActions } from '../countfiles/CountFileActions';
import { ListCounters } from '../listadmin/ListCounters';
import { REVIEW_COLOR } from '../inventories/ApprovalsPanel';

/** Exact decimal difference of two decimal strings (no binary floats): scaled BigInt arithmetic. */
export function decDiff(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a == null || b == null) return null;
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const toInt = (s: string) => {
    const [i, f = ''] = s.split('.');
    return BigInt((i ?? '0') + f.padEnd(scale, '0'));
  };
  const d = toInt(a) - toInt(b);
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(scale + 1, '0');
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '') : digits;
  return (neg && out !== '0' ? '-' : '') + out;
}

/** Statuses in which reports (and "mark all as reported") are still taken. */
const COUNTING: string[] = ['open', 'partially_reported', 'completely_reported'];

export default function CountListPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [status, setStatus] = useState('all');
  const [history, setHistory] = useState<CountListItem | null>(null);
  const [tab, setTab] = useState<string | null>('lines');
  const list = useQuery({ queryKey: ['count-list', id], queryFn: () => api.get<CountList>(`/api/count-lists/${id}`) });
  const items = usePaged<CountListItem>(
    `/api/count-lists/${id}/items`,
    { status: status === 'all' ? undefined : status },
    500,
  );
  const reports = useQuery({
    queryKey: ['reports', history?.id],
    enabled: !!history,
    queryFn: () => api.get<{ items: CountReport[] }>(`/api/count-list-items/${history!.id}/reports`),
  });
  const markAll = useMutation({
    mutationFn: () => api.post(`/api/count-lists/${id}/mark-all-reported`, {}),
    onSuccess: () => {
      notifyOk(t('common.done'));
      void items.refetch();
      void qc.invalidateQueries({ queryKey: ['count-list', id] });
    },
    onError: (e) => notifyError(t, e),
  });
  const mark = useMutation({
    mutationFn: (a: { itemId: string; mark: boolean }) =>
      api.put(`/api/count-list-items/${a.itemId}/verification-mark`, { mark: a.mark }),
    onSuccess: () => void items.refetch(),
    onError: (e) => notifyError(t, e),
  });
  const l = list.data;
  if (list.error) return <Alert color="red">{errorText(t, list.error)}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconArrowLeft size={16} />}
            onClick={() => l && nav(`/inventories/${l.inventoryId}`)}
          >
            {t('inv.inventory')}
          </Button>
          <Title order={3}>
            {t('cl.list')} {l?.number}{' '}
            {l?.name && (
              <Text span c="dimmed">
                · {l.name}
              </Text>
            )}
          </Title>
          {l && (
            <Badge size="lg" color={STATUS_COLOR[l.status]} data-testid="list-status">
              {t(`clStatus.${l.status}`)}
            </Badge>
          )}
          {l && (
            <Button
              component={Link}
              to={`/inventories/${l.inventoryId}/differences?countListId=${l.id}`}
              variant="light"
              size="xs"
              data-testid="list-differences"
            >
              {t('differences.listReport')}
            </Button>
          )}
        </Group>
        <Group style={{ visibility: tab === 'lines' ? 'visible' : 'hidden' }}>
          <SegmentedControl
            size="xs"
            value={status}
            onChange={setStatus}
            data={['all', 'open', 'reported', 'closed'].map((v) => ({ value: v, label: t(`itemStatus.${v}`) }))}
          />
          <Button
            size="xs"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={!l || !COUNTING.includes(l.status)}
            data-testid="mark-all"
          >
            {t('cl.markAll')}
          </Button>
          {id && (
            <CountFileActions
              size="xs"
              scope={{ kind: 'list', id }}
              canImport={!!l && COUNTING.includes(l.status)}
              onImported={() => {
                void items.refetch();
                void qc.invalidateQueries({ queryKey: ['count-list', id] });
              }}
            />
          )}
        </Group>
      </Group>
      {l && <ListCounters list={l} onChanged={() => void qc.invalidateQueries({ queryKey: ['count-list', id] })} />}
      {l?.statusReason && <Alert color="orange">{l.statusReason}</Alert>}
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v);
          if (v === 'lines') void items.refetch();
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="lines" data-testid="tab-lines">
            {t('countEntry.tabLines')}
          </Tabs.Tab>
          <Tabs.Tab value="entry" data-testid="tab-entry">
            {t('countEntry.tabEntry')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entry" pt="sm">
          {l && <CountEntry list={l} />}
        </Tabs.Panel>
        <Tabs.Panel value="lines" pt="sm">
          <VirtualTable
            rows={items.rows}
            rowKey={(r) => r.id}
            loading={items.loading}
            onEndReached={items.more}
            onRowClick={setHistory}
            testId="list-items"
            columns={[
              { key: 'line', header: '#', width: 50, align: 'right', render: (r) => r.lineNo },
              {
                key: 'bin',
                header: t('places.bin'),
                width: 110,
                render: (r) => <span className="mono">{r.binCode ?? ''}</span>,
              },
              {
                key: 'item',
                header: t('items.code'),
                width: 140,
                render: (r) => <span className="mono">{r.itemCode ?? t('cl.emptyBin')}</span>,
              },
              {
                key: 'desc',
                header: t('items.description'),
                grow: 1,
                width: 240,
                render: (r) => r.itemDescription ?? '',
              },
              { key: 'lot', header: t('scan.lot'), width: 90, render: (r) => r.lot || r.serial },
              { key: 'unit', header: t('items.unit'), width: 60, render: (r) => r.unit ?? '' },
              {
                key: 'target',
                header: t('cl.target'),
                width: 90,
                align: 'right',
                render: (r) =>
                  r.targetQuantity === null || r.targetQuantity === undefined ? '—' : fmt.quantity(r.targetQuantity),
              },
              {
                key: 'reported',
                header: t('cl.reported'),
                width: 90,
                align: 'right',
                render: (r) => fmt.quantity(r.reportedQuantity),
              },
              {
                key: 'diff',
                header: t('cl.difference'),
                width: 90,
                align: 'right',
                render: (r) => {
                  const d = decDiff(r.reportedQuantity, r.targetQuantity);
                  return d && d !== '0' ? (
                    <Text span c={d.startsWith('-') ? 'red' : 'green'} size="sm" fw={600}>
                      {fmt.signedQuantity(d)}
                    </Text>
                  ) : (
                    fmt.quantity(d)
                  );
                },
              },
              {
                key: 'posted',
                header: t('cl.posted'),
                width: 90,
                align: 'right',
                render: (r) =>
                  r.postedQuantity && r.postedQuantity !== '0' ? (
                    <span data-testid={`posted-${r.lineNo}`}>{fmt.signedQuantity(r.postedQuantity)}</span>
                  ) : (
                    ''
                  ),
              },
              {
                key: 'status',
                header: t('common.status'),
                width: 100,
                render: (r) => (
                  <Badge
                    variant="light"
                    color={r.status === 'open' ? 'gray' : r.status === 'reported' ? 'teal' : 'dark'}
                  >
                    {t(`itemStatus.${r.status}`)}
                  </Badge>
                ),
              },
              {
                key: 'flags',
                header: '',
                width: 130,
                render: (r) => (
                  <>
                    {r.informational && (
                      <Badge size="xs" color="gray">
                        {t('cl.info')}
                      </Badge>
                    )}
                    {r.addedByCount && (
                      <Badge size="xs" color="orange">
                        {t('cl.added')}
                      </Badge>
                    )}
                    {r.reviewState !== 'none' && (
                      <Badge
                        size="xs"
                        color={REVIEW_COLOR[r.reviewState]}
                        title={r.reasonCode ?? undefined}
                        data-testid={`review-${r.lineNo}`}
                      >
                        {t(`tolerance.state.${r.reviewState}`)}
                      </Badge>
                    )}
                  </>
                ),
              },
              {
                key: 'mark',
                header: t('cl.verify'),
                width: 70,
                render: (r) => (
                  <span onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      size="xs"
                      checked={r.verificationMark}
                      aria-label={`${t('cl.verify')} ${r.lineNo}`}
                      onChange={(e) => mark.mutate({ itemId: r.id, mark: e.currentTarget.checked })}
                    />
                  </span>
                ),
              },
            ]}
          />
        </Tabs.Panel>
      </Tabs>
      <Drawer
        opened={!!history}
        onClose={() => setHistory(null)}
        position="right"
        size="lg"
        title={`${t('cl.history')} · ${history?.itemCode ?? ''} ${history?.binCode ?? ''}`}
      >
        <Table striped fz="xs" data-testid="report-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cl.time')}</Table.Th>
              <Table.Th>{t('cl.mode')}</Table.Th>
              <Table.Th ta="right">{t('stock.quantity')}</Table.Th>
              <Table.Th ta="right">{t('cl.result')}</Table.Th>
              <Table.Th>{t('listAdmin.counters.reportedBy')}</Table.Th>
              <Table.Th>{t('cl.device')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data?.items.map((r) => (
              <Table.Tr key={r.id} style={{ opacity: r.valid ? 1 : 0.5 }}>
                <Table.Td>{fmt.dateTime(r.reportedAt, { seconds: true })}</Table.Td>
                <Table.Td>{t(`mode.${r.mode}`)}</Table.Td>
                <Table.Td ta="right">
                  {fmt.quantity(r.quantity)}
                  {r.enteredUnit ? ` (${fmt.quantity(r.enteredQuantity)} ${r.enteredUnit})` : ''}
                </Table.Td>
                <Table.Td ta="right">
                  {r.previousQuantity === null || r.previousQuantity === undefined
                    ? '—'
                    : fmt.quantity(r.previousQuantity)}{' '}
                  → {fmt.quantity(r.resultingQuantity)}
                </Table.Td>
                <Table.Td data-testid="report-user">{r.userName ?? ''}</Table.Td>
                <Table.Td>{r.device ?? ''}</Table.Td>
                <Table.Td>
                  {!r.valid && (
                    <Badge size="xs" color="red">
                      {t('cl.invalid')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Drawer>
    </Stack>
  );
}
