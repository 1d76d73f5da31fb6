// The valued differences report of an inventory: per count-list item target, counted,
// difference in quantity and value, % of the target; before closing valued at the posting price, after
// closing as the ledger posted it (with its entries). Filters, sortable columns (sorted on the server, so
// paging over 100k lines stays right), totals and CSV/XLSX/PDF exports of the same selection in the UI
// language. The report of one count list is this page with the list chosen (?countListId=, linked from the
// count list page).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  IconArrowDown,
  IconArrowLeft,
  IconArrowUp,
  IconArrowsSort,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { CountListRow, Inventory } from '../../api/models';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { REVIEW_COLOR } from '../inventories/ApprovalsPanel';
import type { DifferenceLine, DifferencesReport } from './types';
import { downloadFile } from './download';
import { LedgerEntries } from './LedgerEntries';

export type { DifferenceLine, DifferencesReport };
type Totals = DifferencesReport['totals'];
export type SortKey = 'item' | 'place' | 'difference' | 'value' | 'absValue' | 'percent';
interface Named {
  id: string;
  code: string;
  name: string;
}

const PAGE = 200;
const SORTS: SortKey[] = ['place', 'item', 'absValue', 'value', 'difference', 'percent'];
/** Codes and places read upwards; amounts start with the largest. */
const defaultDir = (k: SortKey): 'asc' | 'desc' => (k === 'item' || k === 'place' ? 'asc' : 'desc');
const STATUS_COLOR: Record<string, string> = { open: 'gray', reported: 'blue', closed: 'green' };
/** Lists whose differences are not (all) in the ledger although closed: shown instead of the item status. */
const LIST_FLAGGED = ['manually_closed', 'closed_with_errors'];

export default function DifferencesPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  return <DifferencesReportView inventoryId={id ?? ''} initialCountListId={search.get('countListId')} />;
}

type ExportFormat = 'csv' | 'xlsx' | 'pdf';
const DOC_LANGUAGES = ['en', 'it', 'pl', 'de'] as const;
/** The documents' language: the UI's, English for anything else. */
const docLanguage = (lng: string) => DOC_LANGUAGES.find((l) => lng.startsWith(l)) ?? 'en';
/** A threshold as typed (a decimal comma is taken as the point); undefined when empty, null when not a number ≥ 0. */
export function threshold(text: string): string | undefined | null {
  const v = text.trim().replace(',', '.');
  if (!v) return undefined;
  return /^\d{1,20}(\.\d{1,12})?$/.test(v) ? v : null;
}

/** Signed decimal colouring: shortages red, surpluses green. */
const tone = (v: string | null | undefined) =>
  !v || /^-?0(\.0*)?$/.test(v) ? undefined : v.startsWith('-') ? 'red' : 'teal';

export function DifferencesReportView({
  inventoryId,
  initialCountListId = null,
}: {
  inventoryId: string;
  initialCountListId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [countListId, setCountListId] = useState<string | null>(initialCountListId);
  const [itemGroup, setItemGroup] = useState<string | null>(null);
  const [minValueText, setMinValueText] = useState('');
  const [minPercentText, setMinPercentText] = useState('');
  const [minValue] = useDebouncedValue(threshold(minValueText), 400);
  const [minPercent] = useDebouncedValue(threshold(minPercentText), 400);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'place', dir: 'asc' });
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [ledgerOf, setLedgerOf] = useState<DifferenceLine | null>(null);

  const inv = useQuery({
    queryKey: ['inventory', inventoryId],
    queryFn: () => api.get<Inventory>(`/api/inventories/${inventoryId}`),
    enabled: !!inventoryId,
  });
  const siteId = inv.data?.siteId;
  const lists = useQuery({
    queryKey: ['differences-lists', inventoryId],
    enabled: !!inventoryId,
    queryFn: () => api.get<{ items: CountListRow[] }>(`/api/inventories/${inventoryId}/count-lists`, { limit: 1000 }),
  });
  const warehouses = useQuery({
    queryKey: ['/api/warehouses', 'site', siteId],
    enabled: !!siteId,
    queryFn: () => api.get<{ items: Named[] }>('/api/warehouses', { siteId, limit: 1000 }),
  });
  const zones = useQuery({
    queryKey: ['/api/zones', 'warehouse', warehouseId],
    enabled: !!warehouseId,
    queryFn: () => api.get<{ items: Named[] }>('/api/zones', { warehouseId, limit: 1000 }),
  });

  const filters = useMemo(
    () => ({
      countListId,
      warehouseId,
      zoneId,
      itemGroup,
      q: q || undefined,
      onlyDifferences: String(onlyDifferences),
      minValue: minValue ?? undefined,
      minPercent: minPercent ?? undefined,
      sort: sort.key,
      dir: sort.dir,
    }),
    [countListId, warehouseId, zoneId, itemGroup, q, onlyDifferences, minValue, minPercent, sort],
  );
  const report = useInfiniteQuery({
    queryKey: ['differences', inventoryId, filters],
    enabled: !!inventoryId,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api.get<DifferencesReport>(`/api/inventories/${inventoryId}/differences`, {
        ...filters,
        limit: PAGE,
        offset: pageParam,
      }),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const rows = report.data?.pages.flatMap((p) => p.items) ?? [];
  const first = report.data?.pages[0];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = report;
  const more = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };

  // Product groups to choose from: those of the report without a group filter (there is no list of groups).
  const [groups, setGroups] = useState<Array<string | null>>([]);
  useEffect(() => {
    if (!itemGroup && first)
      setGroups((g) => [...new Set([...g, ...first.totals.byItemGroup.map((x) => x.itemGroup)])]);
  }, [first, itemGroup]);

  const exportFile = async (format: ExportFormat) => {
    setExporting(format);
    try {
      const file = await downloadFile(
        `/api/inventories/${inventoryId}/differences.${format}`,
        { ...filters, language: docLanguage(i18n.language) },
        `differences-${inv.data?.number ?? inventoryId}.${format}`,
      );
      notifyOk(t('differences.exported', { file }));
    } catch (e) {
      notifyError(t, e);
    } finally {
      setExporting(null);
    }
  };

  const header = (key: SortKey, label: string): ReactNode => {
    const active = sort.key === key;
    const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <UnstyledButton
        data-testid={`diff-sort-${key}`}
        aria-label={t('differences.sortBy', { column: label })}
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
  const place = (r: DifferenceLine) => [r.warehouseCode, r.zoneCode, r.binCode].filter(Boolean).join(' / ');
  const c = (k: string) => t(`differences.col.${k}`);
  const columns: Column<DifferenceLine>[] = [
    { key: 'list', header: c('list'), width: 72, render: (r) => <span className="mono">{r.countListNumber}</span> },
    {
      key: 'item',
      header: header('item', c('item')),
      width: 104,
      render: (r) => (
        <span className="mono" title={r.itemDescription} data-testid={`diff-row-${r.id}`}>
          {r.itemCode}
        </span>
      ),
    },
    { key: 'description', header: c('description'), width: 90, grow: 1, render: (r) => r.itemDescription },
    {
      key: 'place',
      header: header('place', c('place')),
      width: 150,
      render: (r) => <span className="mono">{place(r)}</span>,
    },
    { key: 'lot', header: c('lot'), width: 60, render: (r) => [r.lot, r.serial].filter(Boolean).join(' · ') },
    { key: 'target', header: c('target'), width: 72, align: 'right', render: (r) => fmt.quantity(r.target) },
    {
      key: 'counted',
      header: c('counted'),
      width: 84,
      align: 'right',
      render: (r) =>
        r.counted === null ? (
          <Text span size="xs" c="dimmed">
            {t('differences.notCounted')}
          </Text>
        ) : (
          fmt.quantity(r.counted)
        ),
    },
    {
      key: 'difference',
      header: header('difference', c('difference')),
      width: 92,
      align: 'right',
      render: (r) => (
        <Text span inherit c={tone(r.difference)}>
          {r.difference === null ? '' : `${fmt.signedQuantity(r.difference)} ${r.unit}`}
        </Text>
      ),
    },
    {
      key: 'percent',
      header: header('percent', c('percent')),
      width: 62,
      align: 'right',
      render: (r) => fmt.quantity(r.percent),
    },
    { key: 'unitPrice', header: c('unitPrice'), width: 80, align: 'right', render: (r) => fmt.money(r.unitPrice) },
    {
      key: 'value',
      header: header('value', c('value')),
      width: 86,
      align: 'right',
      render: (r) => (
        <Tooltip
          label={t(r.valueSource === 'ledger' ? 'differences.ledgerValue' : 'differences.plannedValue')}
          openDelay={400}
        >
          <Text
            span
            inherit
            c={tone(r.value)}
            fs={r.valueSource === 'planned' ? 'italic' : undefined}
            data-testid={`diff-value-${r.id}`}
          >
            {fmt.money(r.value)}
          </Text>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      header: c('status'),
      width: 90,
      render: (r) =>
        LIST_FLAGGED.includes(r.countListStatus) ? (
          <Badge size="xs" variant="light" color="orange" title={t(`clStatus.${r.countListStatus}`)}>
            {t(`clStatus.${r.countListStatus}`)}
          </Badge>
        ) : (
          <Badge size="xs" variant="light" color={STATUS_COLOR[r.status]}>
            {t(`itemStatus.${r.status}`)}
          </Badge>
        ),
    },
    {
      key: 'reason',
      header: t('tolerance.approvals.reason'),
      width: 130,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.reasonCode && (
            <span className="mono" data-testid={`diff-reason-${r.id}`}>
              {r.reasonCode}
            </span>
          )}
          {r.reviewState !== 'none' && r.reviewState !== 'approved' && (
            <Badge size="xs" variant="light" color={REVIEW_COLOR[r.reviewState]}>
              {t(`tolerance.state.${r.reviewState}`)}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'ledger',
      header: c('ledger'),
      width: 80,
      render: (r) =>
        r.ledgerEntryIds.length === 0 ? (
          ''
        ) : (
          <Tooltip label={r.ledgerEntryIds.map((e) => `#${e}`).join(', ')}>
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setLedgerOf(r)}
              data-testid={`diff-ledger-${r.id}`}
            >
              {t('differences.entries', { count: r.ledgerEntryIds.length })}
            </Anchor>
          </Tooltip>
        ),
    },
  ];

  const listData = (lists.data?.items ?? []).map((l) => ({
    value: l.id,
    label: l.name ? `${l.number} · ${l.name}` : l.number,
  }));
  const valuation = inv.data ? t(`valuation.${inv.data.valuationPrice}`) : '';
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={`/inventories/${inventoryId}`} size="sm">
            <IconArrowLeft size={14} /> {t('differences.back')}
          </Anchor>
          <Title order={3}>{t('differences.title')}</Title>
          {first && (
            <Text size="sm" c="dimmed">
              {t('differences.subtitle', {
                number: first.inventory.inventoryNumber,
                method: t(`method.${first.inventory.method}`),
                valuation,
              })}
              {' · '}
              {t(`invStatus.${first.inventory.status}`)}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting === 'csv'}
            disabled={!!exporting}
            onClick={() => void exportFile('csv')}
            data-testid="diff-csv"
          >
            {t('differences.csv')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={exporting === 'xlsx'}
            disabled={!!exporting}
            onClick={() => void exportFile('xlsx')}
            data-testid="diff-xlsx"
          >
            {t('differences.xlsx')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            loading={exporting === 'pdf'}
            disabled={!!exporting}
            onClick={() => void exportFile('pdf')}
            data-testid="diff-pdf"
          >
            {t('differences.pdf')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          w={220}
          label={t('differences.countList')}
          placeholder={t('differences.allLists')}
          clearable
          searchable
          data-testid="diff-filter-list"
          data={listData}
          value={countListId}
          onChange={setCountListId}
        />
        <Select
          w={200}
          label={t('differences.warehouse')}
          placeholder={t('differences.allWarehouses')}
          clearable
          data-testid="diff-filter-warehouse"
          data={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          value={warehouseId}
          onChange={(v) => {
            setWarehouseId(v);
            setZoneId(null);
          }}
        />
        <Select
          w={180}
          label={t('differences.zone')}
          placeholder={t('differences.allZones')}
          clearable
          disabled={!warehouseId}
          data-testid="diff-filter-zone"
          data={(zones.data?.items ?? []).map((z) => ({ value: z.id, label: `${z.code} · ${z.name}` }))}
          value={zoneId}
          onChange={setZoneId}
        />
        <Select
          w={180}
          label={t('differences.itemGroup')}
          placeholder={t('differences.allGroups')}
          clearable
          searchable
          data-testid="diff-filter-group"
          data={groups
            .filter((g): g is string => g !== null)
            .sort()
            .map((g) => ({ value: g, label: g }))}
          value={itemGroup}
          onChange={setItemGroup}
        />
        <TextInput
          w={240}
          label={t('differences.search')}
          placeholder={t('differences.searchPlaceholder')}
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="diff-filter-q"
        />
        <Select
          w={190}
          label={t('differences.sort')}
          data-testid="diff-sort"
          allowDeselect={false}
          data={SORTS.map((k) => ({ value: k, label: t(`differences.sortKey.${k}`) }))}
          value={sort.key}
          onChange={(v) => v && setSort({ key: v as SortKey, dir: defaultDir(v as SortKey) })}
        />
        <TextInput
          w={130}
          label={t('differences.minValue')}
          value={minValueText}
          onChange={(e) => setMinValueText(e.currentTarget.value)}
          inputMode="decimal"
          error={threshold(minValueText) === null ? t('differences.notANumber') : undefined}
          data-testid="diff-min-value"
        />
        <TextInput
          w={130}
          label={t('differences.minPercent')}
          value={minPercentText}
          onChange={(e) => setMinPercentText(e.currentTarget.value)}
          inputMode="decimal"
          error={threshold(minPercentText) === null ? t('differences.notANumber') : undefined}
          data-testid="diff-min-percent"
        />
        <Switch
          label={t('differences.onlyDifferences')}
          checked={onlyDifferences}
          onChange={(e) => setOnlyDifferences(e.currentTarget.checked)}
          data-testid="diff-only"
          mb={8}
        />
      </Group>
      {first && <TotalsCards totals={first.totals} />}
      {report.error ? (
        <Alert color="red">{errorText(t, report.error)}</Alert>
      ) : (
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(r) => r.id}
          loading={report.isPending}
          onEndReached={more}
          testId="differences"
          height="calc(100vh - 420px)"
        />
      )}
      <Text size="xs" c="dimmed">
        {t('differences.priceHint.planned')} {t('differences.priceHint.closed')}
      </Text>
      {first && <TotalsTables totals={first.totals} />}
      {ledgerOf && <LedgerEntries line={ledgerOf} onClose={() => setLedgerOf(null)} />}
    </Stack>
  );
}

function Money({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) {
  const fmt = useFormat();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" title={hint}>
        {label}
      </Text>
      <Text fw={600} c={tone(value)} data-testid={testId}>
        {fmt.money(value)}
      </Text>
    </Card>
  );
}

function TotalsCards({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: totals.valueAdjustment !== '0' ? 5 : 4 }} spacing="sm">
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('differences.totals.lines')}
        </Text>
        <Text fw={600} data-testid="diff-total-lines">
          {totals.lines}
        </Text>
        <Text size="xs" c="dimmed">
          {t('differences.totals.differenceLines', { count: totals.differenceLines })}
        </Text>
      </Card>
      <Money label={t('differences.totals.positive')} value={totals.positiveValue} testId="diff-total-positive" />
      <Money label={t('differences.totals.negative')} value={totals.negativeValue} testId="diff-total-negative" />
      <Money label={t('differences.totals.net')} value={totals.netValue} testId="diff-total-net" />
      {totals.valueAdjustment !== '0' && (
        <Money
          label={t('differences.totals.valueAdjustment')}
          value={totals.valueAdjustment}
          testId="diff-total-adjustment"
          hint={t('differences.totals.valueAdjustmentHelp')}
        />
      )}
    </SimpleGrid>
  );
}

type GroupRow = {
  key: string;
  label: string;
  lines: number;
  positiveValue: string;
  negativeValue: string;
  netValue: string;
};

function GroupTable({ rows, testId }: { rows: GroupRow[]; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table striped withTableBorder fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('differences.totals.group')}</Table.Th>
          <Table.Th ta="right">{t('differences.totals.lines')}</Table.Th>
          <Table.Th ta="right">{t('differences.totals.positive')}</Table.Th>
          <Table.Th ta="right">{t('differences.totals.negative')}</Table.Th>
          <Table.Th ta="right">{t('differences.totals.net')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td className="mono">{r.label}</Table.Td>
            <Table.Td ta="right">{r.lines}</Table.Td>
            <Table.Td ta="right">{fmt.money(r.positiveValue)}</Table.Td>
            <Table.Td ta="right">{fmt.money(r.negativeValue)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {fmt.money(r.netValue)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TotalsTables({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  if (totals.lines === 0) return null;
  const wh: GroupRow[] = totals.byWarehouse.map((w) => ({ ...w, key: w.warehouseId, label: w.warehouseCode }));
  const zones: GroupRow[] = totals.byZone.map((z) => ({
    ...z,
    key: `${z.warehouseId}-${z.zoneId ?? ''}`,
    label: `${z.warehouseCode} / ${z.zoneCode ?? t('differences.totals.noZone')}`,
  }));
  const groups: GroupRow[] = totals.byItemGroup.map((g) => ({
    ...g,
    key: g.itemGroup ?? '',
    label: g.itemGroup ?? t('differences.totals.noGroup'),
  }));
  return (
    <Tabs defaultValue="warehouse" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="warehouse">{t('differences.totals.byWarehouse')}</Tabs.Tab>
        <Tabs.Tab value="zone">{t('differences.totals.byZone')}</Tabs.Tab>
        <Tabs.Tab value="group">{t('differences.totals.byItemGroup')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="warehouse" pt="xs">
        <GroupTable rows={wh} testId="diff-by-warehouse" />
      </Tabs.Panel>
      <Tabs.Panel value="zone" pt="xs">
        <GroupTable rows={zones} testId="diff-by-zone" />
      </Tabs.Panel>
      <Tabs.Panel value="group" pt="xs">
        <GroupTable rows={groups} testId="diff-by-group" />
      </Tabs.Panel>
    </Tabs>
  );
}
