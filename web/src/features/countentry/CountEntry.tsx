// Back-office count entry: a printed count sheet keyed in line by line, in sheet order. Enter saves a line (one
// report, its client report id made once per entry so a retry counts once) and moves to the next open line;
// arrow keys move, Escape clears. The mode follows the inventory's report type: cumulative adds (running
// total shown), single replaces (said on a line already reported). Empty bins are confirmed with 0; items
// found that are not on the list are added by the server. Targets only when the API sends them (never to
// counters on blind inventories).
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { CountList, CountListItem, Inventory } from '../../api/models';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import { usePaged } from '../../components/usePaged';
import {
  type Entry,
  type ReportResult,
  blankEntry,
  checkQuantity,
  decAdd,
  modeOfReportType,
  newReportId,
  reportBody,
} from './entry';
import { FoundItemRow } from './FoundItemRow';

interface Unit {
  code: string;
  decimals: number;
}

/** Statuses in which a list takes reports. */
const COUNTING = ['open', 'partially_reported', 'completely_reported'];

export function CountEntry({ list }: { list: CountList }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const inv = useQuery({
    queryKey: ['inventory', list.inventoryId],
    queryFn: () => api.get<Inventory>(`/api/inventories/${list.inventoryId}`),
  });
  const units = useQuery({
    queryKey: ['/api/units', 'all'],
    staleTime: 300_000,
    queryFn: () => api.get<Page<Unit>>('/api/units', { limit: 1000 }),
  });
  const items = usePaged<CountListItem>(`/api/count-lists/${list.id}/items`, {}, 1000);
  const { more } = items;
  // The whole sheet is on screen (lists are sheets of hundreds, not of 10⁵): load every page.
  useEffect(() => more(), [items.rows.length, more]);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [saved, setSaved] = useState<Record<string, CountListItem>>({});
  const [onlyOpen, setOnlyOpen] = useState(false);
  const targets = useRef(new Map<string, HTMLElement>());
  const mode = modeOfReportType(inv.data?.reportType);
  const decimals = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.code, u.decimals])), [units.data]);
  const counting = COUNTING.includes(list.status);

  const all = useMemo(() => items.rows.map((r) => saved[r.id] ?? r), [items.rows, saved]);
  // Lines touched in this session stay in the "open lines" view so the cursor does not lose its place.
  const rows = useMemo(
    () => (onlyOpen ? all.filter((r) => r.status === 'open' || entries[r.id]) : all),
    [all, onlyOpen, entries],
  );
  const showTarget = all.some((r) => r.targetQuantity !== null && r.targetQuantity !== undefined);
  const counted = all.filter((r) => !r.informational);
  const done = counted.filter((r) => r.status !== 'open').length;

  const entryOf = (id: string) => entries[id] ?? blankEntry;
  const patch = (id: string, p: Partial<Entry>) =>
    setEntries((e) => ({ ...e, [id]: { ...(e[id] ?? blankEntry), ...p } }));

  const focusRow = useCallback((id: string | undefined) => {
    const el = id ? targets.current.get(id) : undefined;
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    }
  }, []);
  const editable = (r: CountListItem) => !r.informational && r.status !== 'closed' && counting;
  /** The next line after `id` (in sheet order) still to be counted; else the next editable one. */
  const nextOpen = (id: string) => {
    const i = rows.findIndex((r) => r.id === id);
    const after = rows.slice(i + 1).filter(editable);
    return (
      after.find((r) => r.status === 'open' && entryOf(r.id).state !== 'saved' && entryOf(r.id).state !== 'saving') ??
      after[0]
    )?.id;
  };
  const step = (id: string, by: 1 | -1) => {
    const list = rows.filter(editable);
    const i = list.findIndex((r) => r.id === id);
    return list[i + by]?.id;
  };

  async function save(row: CountListItem): Promise<boolean> {
    const e = entryOf(row.id);
    if (e.state === 'saving') return false;
    const value = row.itemId === null ? '0' : e.value.trim();
    if (value === '') return false;
    if (row.itemId !== null) {
      const msg = checkQuantity(t, value, {
        decimals: row.unit ? decimals.get(row.unit) : undefined,
        mode,
        serial: row.serial !== '',
        previous: row.status === 'reported' ? row.reportedQuantity : null,
      });
      if (msg) {
        patch(row.id, { state: 'error', error: msg });
        return false;
      }
    }
    const reportId = e.reportId ?? newReportId();
    patch(row.id, { state: 'saving', reportId, error: undefined });
    void send(row, value, reportId);
    return true;
  }

  async function send(row: CountListItem, value: string, reportId: string) {
    try {
      const r = await api.post<ReportResult>(
        `/api/count-lists/${list.id}/reports`,
        reportBody(row, value, mode, reportId),
      );
      if (r.status !== 'recorded') throw new Error(t('countEntry.decisionNeeded'));
      setSaved((s) => ({ ...s, [row.id]: { ...row, ...r.item } }));
      // A retry of the same entry (duplicate) changed nothing on the server: the line is saved all the same.
      setEntries((x) => ({ ...x, [row.id]: { value: '', state: 'saved' } }));
      void qc.invalidateQueries({ queryKey: ['count-list', list.id] });
    } catch (err) {
      setEntries((x) => ({
        ...x,
        [row.id]: {
          ...(x[row.id] ?? blankEntry),
          value: row.itemId === null ? '' : value,
          reportId,
          state: 'error',
          error: errorText(t, err),
        },
      }));
    }
  }

  const onKey = (row: CountListItem) => (ev: KeyboardEvent<HTMLElement>) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const next = nextOpen(row.id);
      void save(row).then((ok) => {
        if (ok || (row.itemId !== null && entryOf(row.id).value.trim() === '')) focusRow(next);
      });
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      focusRow(step(row.id, ev.key === 'ArrowDown' ? 1 : -1));
    } else if (ev.key === 'Escape' && row.itemId !== null) {
      ev.preventDefault();
      setEntries((x) => ({ ...x, [row.id]: blankEntry }));
    }
  };

  const setRef = (id: string) => (el: HTMLElement | null) => {
    if (el) targets.current.set(id, el);
    else targets.current.delete(id);
  };

  if (inv.error) return <Alert color="red">{errorText(t, inv.error)}</Alert>;
  if (items.error) return <Alert color="red">{errorText(t, items.error)}</Alert>;
  return (
    <Stack gap="sm" data-testid="count-entry" data-ready={!items.loading && !!inv.data ? 'true' : 'false'}>
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" data-testid="entry-progress" data-done={done} data-total={counted.length}>
            {t('countEntry.progress', { done: fmt.integer(done), total: fmt.integer(counted.length) })}
          </Text>
          <Progress value={counted.length ? (done * 100) / counted.length : 0} w={160} size="sm" />
          <Badge variant="light" data-testid="entry-mode">
            {t(`countEntry.mode.${mode}`)}
          </Badge>
        </Group>
        <Checkbox
          size="xs"
          label={t('countEntry.onlyOpen')}
          checked={onlyOpen}
          onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
          data-testid="entry-only-open"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('countEntry.keys')}
      </Text>
      {!counting && <Alert color="gray">{t('countEntry.notCounting')}</Alert>}
      <Table striped highlightOnHover fz="sm" data-testid="entry-grid" style={{ tableLayout: 'auto' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">#</Table.Th>
            <Table.Th>{t('places.bin')}</Table.Th>
            <Table.Th>{t('items.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('countEntry.lotSerial')}</Table.Th>
            <Table.Th>{t('items.unit')}</Table.Th>
            {showTarget && (
              <Table.Th ta="right" data-testid="entry-target-header">
                {t('cl.target')}
              </Table.Th>
            )}
            <Table.Th ta="right">{mode === 'add' ? t('countEntry.runningTotal') : t('cl.reported')}</Table.Th>
            <Table.Th w={170}>{t('countEntry.counted')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const e = entryOf(r.id);
            const reported = r.status === 'reported' || r.status === 'closed';
            const preview =
              mode === 'add' &&
              reported &&
              e.value.trim() !== '' &&
              !checkQuantity(t, e.value, { decimals: undefined, mode, serial: false, previous: r.reportedQuantity })
                ? decAdd(r.reportedQuantity ?? '0', e.value.trim())
                : null;
            return (
              <Table.Tr
                key={r.id}
                data-testid={`entry-row-${r.lineNo}`}
                data-item={r.itemCode ?? ''}
                data-bin={r.binCode ?? ''}
                data-state={e.state}
                data-status={r.status}
                style={r.informational ? { opacity: 0.55 } : undefined}
              >
                <Table.Td ta="right">{r.lineNo}</Table.Td>
                <Table.Td className="mono">{r.binCode ?? ''}</Table.Td>
                <Table.Td className="mono">
                  {r.itemCode ?? (
                    <Text span c="dimmed" size="sm">
                      {t('cl.emptyBin')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.itemDescription ?? ''}
                  {r.addedByCount && (
                    <Badge size="xs" color="orange" ml={6}>
                      {t('cl.added')}
                    </Badge>
                  )}
                  {r.informational && (
                    <Badge size="xs" color="gray" ml={6}>
                      {t('cl.info')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="mono">{r.lot || r.serial}</Table.Td>
                <Table.Td>{r.unit ?? ''}</Table.Td>
                {showTarget && (
                  <Table.Td ta="right" data-testid={`entry-target-${r.lineNo}`}>
                    {r.targetQuantity == null ? '' : fmt.quantity(r.targetQuantity)}
                  </Table.Td>
                )}
                <Table.Td ta="right" data-testid={`entry-reported-${r.lineNo}`}>
                  {reported ? fmt.quantity(r.reportedQuantity) : ''}
                  {preview !== null && (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      → {fmt.quantity(preview)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.itemId === null ? (
                    <Button
                      size="compact-xs"
                      variant={reported ? 'light' : 'outline'}
                      ref={setRef(r.id)}
                      disabled={!editable(r) || e.state === 'saving'}
                      onClick={() => {
                        const next = nextOpen(r.id);
                        void save(r).then((ok) => ok && focusRow(next));
                      }}
                      onKeyDown={(ev) => {
                        if (ev.key !== 'Enter') onKey(r)(ev);
                      }}
                      data-testid={`entry-empty-${r.lineNo}`}
                    >
                      {reported ? t('countEntry.emptyConfirmed') : t('countEntry.empty')}
                    </Button>
                  ) : (
                    <TextInput
                      size="xs"
                      ref={setRef(r.id)}
                      value={e.value}
                      disabled={!editable(r)}
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={t('countEntry.countedLine', { line: r.lineNo })}
                      data-testid={`entry-qty-${r.lineNo}`}
                      error={e.state === 'error' ? e.error : undefined}
                      onChange={(ev) => {
                        const value = ev.currentTarget.value;
                        setEntries((x) => ({ ...x, [r.id]: { value, state: 'idle' } }));
                      }}
                      onKeyDown={onKey(r)}
                    />
                  )}
                  {r.itemId === null && e.state === 'error' && (
                    <Text size="xs" c="red" data-testid={`entry-error-${r.lineNo}`}>
                      {e.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid={`entry-state-${r.lineNo}`}>
                  {e.state === 'saving' && <Loader size="xs" />}
                  {e.state === 'saved' && (
                    <Text span size="xs" c="teal">
                      <IconCheck size={12} /> {t('countEntry.saved')}
                    </Text>
                  )}
                  {e.state === 'error' && (
                    <Text span size="xs" c="red">
                      <IconAlertTriangle size={12} /> {t('countEntry.notSaved')}
                    </Text>
                  )}
                  {e.state === 'idle' && reported && r.itemId !== null && (
                    <Text span size="xs" c="dimmed">
                      {mode === 'replace'
                        ? t('countEntry.replaces', { quantity: fmt.quantity(r.reportedQuantity) })
                        : t('countEntry.adds')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {items.loading && <Loader size="sm" />}
      {counting && inv.data && (
        <FoundItemRow
          list={list}
          rows={all}
          mode={mode}
          decimals={decimals}
          onAdded={() => {
            void items.refetch();
            void qc.invalidateQueries({ queryKey: ['count-list', list.id] });
          }}
        />
      )}
    </Stack>
  );
}
