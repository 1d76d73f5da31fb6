// The posting error file: postings parked (e.g. stock locked by an open count list), with their reason.
// Each row is the whole posting as it was sent (`posting`: key, date, lines); the table shows its key, date,
// items and quantities, and a pending one can be retried, corrected (header and lines) or discarded with a reason.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconEdit, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, client, unwrap, type Page } from '../../api/client';
import type { BodyOf, ResponseOf, Warehouse } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { useItemCodes } from '../../components/useItemCodes';
import { codeText, errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';

type PostingError = ResponseOf<'/api/posting-errors/{id}', 'get'>;
export type StoredPosting = BodyOf<'/api/posting-errors/{id}/correct', 'post'>['posting'];
type Line = StoredPosting['lines'][number];
type StatusFilter = 'pending' | 'posted' | 'discarded' | 'all';
const STATUS_COLOR = { pending: 'orange', posted: 'green', discarded: 'gray' } as const;

/** The parked posting of a row, or null when it is not shaped like one (never trusted blindly: `posting` is untyped). */
export function postingOf(row: { posting?: unknown }): StoredPosting | null {
  const p = row.posting as Partial<StoredPosting> | null | undefined;
  if (!p || typeof p !== 'object' || !Array.isArray(p.lines)) return null;
  return p as StoredPosting;
}

/** The quantity column: the line's quantity for a one-line posting, else the lines' quantities. */
export function quantitiesOf(p: StoredPosting | null, format: (q: string) => string = (q) => q): string {
  if (!p) return '';
  const qs = p.lines.map((l) => format(l.quantity));
  return qs.length <= 3 ? qs.join(', ') : `${qs.slice(0, 3).join(', ')} …`;
}

/** Why a posting is parked, in the user's language: its reason code translated, else the server's words. */
const reasonOf = (t: TFunction, r: { reasonCode: string; reasonMessage: string }) =>
  codeText(t, { code: r.reasonCode, message: r.reasonMessage });

export default function PostingErrorsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const list = usePaged<PostingError>('/api/posting-errors', { status: status === 'all' ? undefined : status });
  const [correcting, setCorrecting] = useState<PostingError | null>(null);
  const [discarding, setDiscarding] = useState<PostingError | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }),
  });
  const itemCode = useItemCodes(list.rows.flatMap((r) => postingOf(r)?.lines.map((l) => l.itemId) ?? []));
  const whCode = (id: string) => whs.data?.items.find((w) => w.id === id)?.code ?? `#${id}`;
  const refresh = () => void qc.invalidateQueries({ queryKey: ['/api/posting-errors'] });

  const reprocess = useMutation({
    mutationFn: () => unwrap(client.POST('/api/posting-errors/reprocess', { body: {} })),
    onSuccess: (r) => {
      notifyOk(
        t('postingErrors.reprocessed', {
          posted: fmt.integer(r.posted.length),
          pending: fmt.integer(r.pending.length),
        }),
      );
      refresh();
    },
    onError: (e) => notifyError(t, e),
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/posting-errors/{id}/retry', { params: { path: { id } } })),
    onMutate: () => setRowError(null),
    onSuccess: (r) => {
      if (r.status === 'posted') notifyOk(t('postingErrors.posted'));
      else setRowError({ id: r.id, text: t('postingErrors.stillPending', { reason: reasonOf(t, r) }) });
      refresh();
    },
    onError: (e, id) => {
      setRowError({ id, text: errorText(t, e) });
      notifyError(t, e);
    },
  });

  const items = (p: StoredPosting | null) => {
    if (!p) return '';
    const codes = [...new Set(p.lines.map((l) => itemCode(l.itemId)))];
    return codes.length <= 2 ? codes.join(', ') : `${codes.slice(0, 2).join(', ')} +${codes.length - 2}`;
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.postingErrors')}</Title>
        <Group>
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data-testid="pe-status"
            data={(['pending', 'posted', 'discarded', 'all'] as const).map((s) => ({
              value: s,
              label: t(`postingErrors.status.${s}`),
            }))}
          />
          <Button size="xs" onClick={() => reprocess.mutate()} loading={reprocess.isPending}>
            {t('postingErrors.reprocess')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('postingErrors.help')}
      </Text>
      {rowError && (
        <Alert color="red" withCloseButton onClose={() => setRowError(null)} data-testid="pe-error">
          {rowError.text}
        </Alert>
      )}
      {list.error ? (
        <Alert color="red">{errorText(t, list.error)}</Alert>
      ) : (
        <VirtualTable
          rows={list.rows}
          rowKey={(r) => r.id}
          loading={list.loading}
          onEndReached={list.more}
          testId="posting-errors"
          columns={[
            { key: 'at', header: t('postingErrors.parkedAt'), width: 150, render: (r) => fmt.dateTime(r.createdAt) },
            {
              key: 'status',
              header: t('common.status'),
              width: 100,
              render: (r) => (
                <Badge size="sm" color={STATUS_COLOR[r.status]}>
                  {t(`postingErrors.status.${r.status}`)}
                </Badge>
              ),
            },
            { key: 'key', header: t('stock.key'), width: 70, render: (r) => postingOf(r)?.keyCode ?? '' },
            {
              key: 'date',
              header: t('postingErrors.postingDate'),
              width: 100,
              render: (r) => fmt.date(postingOf(r)?.postingDate),
            },
            {
              key: 'item',
              header: t('items.code'),
              width: 160,
              render: (r) => <span className="mono">{items(postingOf(r))}</span>,
            },
            {
              key: 'wh',
              header: t('stock.warehouse'),
              width: 90,
              render: (r) => [...new Set(postingOf(r)?.lines.map((l) => whCode(l.warehouseId)) ?? [])].join(', '),
            },
            {
              key: 'qty',
              header: t('stock.quantity'),
              width: 110,
              align: 'right',
              render: (r) => quantitiesOf(postingOf(r), fmt.quantity),
            },
            {
              key: 'reason',
              header: t('postingErrors.reason'),
              grow: 1,
              width: 220,
              render: (r) => <span title={r.reasonMessage}>{reasonOf(t, r)}</span>,
            },
            {
              key: 'attempts',
              header: t('postingErrors.attempts'),
              width: 70,
              align: 'right',
              render: (r) => fmt.integer(r.attempts),
            },
            {
              key: 'actions',
              header: '',
              width: 110,
              render: (r) =>
                r.status !== 'pending' ? (
                  fmt.dateTime(r.resolvedAt)
                ) : (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('postingErrors.retry')}>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        aria-label={`${t('postingErrors.retry')} ${r.id}`}
                        loading={retry.isPending && retry.variables === r.id}
                        onClick={() => retry.mutate(r.id)}
                      >
                        <IconRefresh size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {postingOf(r) && (
                      <Tooltip label={t('postingErrors.correct')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`${t('postingErrors.correct')} ${r.id}`}
                          onClick={() => setCorrecting(r)}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Tooltip label={t('postingErrors.discard')}>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('postingErrors.discard')} ${r.id}`}
                        onClick={() => setDiscarding(r)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ),
            },
          ]}
        />
      )}
      <CorrectModal
        row={correcting}
        itemCode={itemCode}
        whCode={whCode}
        onClose={() => setCorrecting(null)}
        onDone={refresh}
      />
      <DiscardModal row={discarding} onClose={() => setDiscarding(null)} onDone={refresh} />
    </Stack>
  );
}

/** Correct a parked posting: its key, date and cost centre, and per line the lot, serial, quantity and price. */
function CorrectModal({
  row,
  itemCode,
  whCode,
  onClose,
  onDone,
}: {
  row: PostingError | null;
  itemCode: (id: string) => string;
  whCode: (id: string) => string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StoredPosting | null>(null);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (row && shownFor !== row.id) {
    setShownFor(row.id);
    const p = postingOf(row);
    setDraft(p ? { ...p, lines: p.lines.map((l) => ({ ...l })) } : null);
  }
  const save = useMutation({
    mutationFn: (posting: StoredPosting) =>
      unwrap(client.POST('/api/posting-errors/{id}/correct', { params: { path: { id: row!.id } }, body: { posting } })),
    onSuccess: (r) => {
      notifyOk(
        r.status === 'posted' ? t('postingErrors.posted') : t('postingErrors.stillPending', { reason: reasonOf(t, r) }),
      );
      onDone();
      close();
    },
  });
  const close = () => {
    setShownFor(null);
    save.reset();
    onClose();
  };
  const setLine = (i: number, ch: Partial<Line>) =>
    setDraft((d) => d && { ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...ch } : l)) });
  const opt = (v: string) => (v.trim() === '' ? null : v.trim());
  return (
    <Modal opened={!!row} onClose={close} size="xl" title={t('postingErrors.correctTitle', { id: row?.id ?? '' })}>
      {draft && (
        <Stack gap="sm" data-testid="pe-correct">
          {row && (
            <Text size="sm" c="dimmed" title={row.reasonMessage}>
              {reasonOf(t, row)}
            </Text>
          )}
          <Group grow>
            <TextInput
              label={t('stock.key')}
              value={draft.keyCode}
              onChange={(e) => setDraft({ ...draft, keyCode: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('postingErrors.postingDate')}
              value={draft.postingDate}
              onChange={(e) => setDraft({ ...draft, postingDate: e.currentTarget.value })}
            />
            <TextInput
              label={t('inv.costCentre')}
              value={draft.costCentre ?? ''}
              onChange={(e) => setDraft({ ...draft, costCentre: opt(e.currentTarget.value) })}
            />
          </Group>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('items.code')}</Table.Th>
                <Table.Th>{t('stock.warehouse')}</Table.Th>
                <Table.Th>{t('scan.lot')}</Table.Th>
                <Table.Th>{t('scan.serial')}</Table.Th>
                <Table.Th>{t('stock.quantity')}</Table.Th>
                <Table.Th>{t('stock.unitPrice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.lines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td className="mono">{itemCode(l.itemId)}</Table.Td>
                  <Table.Td>{whCode(l.warehouseId)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={l.lot ?? ''}
                      onChange={(e) => setLine(i, { lot: opt(e.currentTarget.value) })}
                      aria-label={`${t('scan.lot')} ${i + 1}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={l.serial ?? ''}
                      onChange={(e) => setLine(i, { serial: opt(e.currentTarget.value) })}
                      aria-label={`${t('scan.serial')} ${i + 1}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={l.quantity}
                      onChange={(e) => setLine(i, { quantity: e.currentTarget.value.trim() })}
                      aria-label={`${t('stock.quantity')} ${i + 1}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={l.unitPrice ?? ''}
                      onChange={(e) => setLine(i, { unitPrice: opt(e.currentTarget.value) })}
                      aria-label={`${t('stock.unitPrice')} ${i + 1}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {save.error && <Alert color="red">{errorText(t, save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
              {t('postingErrors.correctAndPost')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function DiscardModal({ row, onClose, onDone }: { row: PostingError | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const discard = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/posting-errors/{id}/discard', {
          params: { path: { id: row!.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      notifyOk(t('postingErrors.discarded'));
      onDone();
      close();
    },
  });
  const close = () => {
    setReason('');
    discard.reset();
    onClose();
  };
  return (
    <Modal opened={!!row} onClose={close} title={t('postingErrors.discardTitle', { id: row?.id ?? '' })}>
      <Stack gap="sm">
        <Text size="sm">{t('postingErrors.discardHelp')}</Text>
        <TextInput
          label={t('postingErrors.discardReason')}
          required
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {discard.error && <Alert color="red">{errorText(t, discard.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => discard.mutate()} loading={discard.isPending} disabled={!reason.trim()}>
            {t('postingErrors.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
