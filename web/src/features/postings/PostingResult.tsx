// What a posting did: the ledger entries it created (read back by their ids, quantities and values in the
// user's format), the availability warnings it went through with, or — when an open count list locks the
// stock — that it waits in the posting error file, with the reason and a link there.
import { Alert, Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCheck, IconClockPause } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import type { LedgerEntry, PostResult, Warehouse, Zone } from './data';
import { warningText, type PostingKind, type PostingValues } from './posting';

const SHOWN = 200;

interface Props {
  kind: PostingKind;
  result: PostResult;
  values: PostingValues;
  warehouses: Warehouse[];
  zones: Zone[];
  onAgain: () => void;
}

export function PostingResult({ kind, result, values, warehouses, zones, onAgain }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ids = result.status === 'posted' ? result.entryIds.slice(0, SHOWN) : [];
  const entries = useQuery({
    queryKey: ['/api/stock/ledger', 'ids', ids.join(',')],
    enabled: ids.length > 0,
    queryFn: async () =>
      (await api.get<{ items: LedgerEntry[] }>('/api/stock/ledger', { ids: ids.join(','), limit: SHOWN })).items,
  });
  const items = new Map(values.lines.flatMap((l) => (l.item ? [[l.item.id, l.item] as const] : [])));
  const bins = new Map(
    values.lines.flatMap((l) => [l.from.bin, l.to.bin]).flatMap((b) => (b ? [[b.id, b.code] as const] : [])),
  );
  const place = (e: LedgerEntry) =>
    [
      warehouses.find((w) => w.id === e.warehouseId)?.code ?? e.warehouseId,
      e.zoneId ? (zones.find((z) => z.id === e.zoneId)?.code ?? e.zoneId) : null,
      e.binId ? (bins.get(e.binId) ?? e.binId) : null,
    ]
      .filter(Boolean)
      .join(' / ');
  return (
    <Stack data-testid="posting-result" data-status={result.status}>
      {result.status === 'parked' ? (
        <Alert
          color="orange"
          icon={<IconClockPause size={18} />}
          title={t('postingsUi.parkedTitle')}
          data-testid="posting-parked"
        >
          <Text size="sm">{t(`errorCodes.${result.reason}`, { defaultValue: t('postingsUi.parkedLocked') })}</Text>
          <Anchor component={Link} to="/posting-errors" size="sm" data-testid="posting-errors-link">
            {t('postingsUi.toPostingErrors')}
          </Anchor>
        </Alert>
      ) : (
        <Alert color="green" icon={<IconCheck size={18} />} title={t(`postingsUi.posted.${kind}`)}>
          {t('postingsUi.entriesCreated', { count: result.entryIds.length })}
        </Alert>
      )}
      {result.warnings.length > 0 && (
        <Alert color="yellow" title={t('postingsUi.warningsTitle')}>
          <List size="sm">
            {result.warnings.map((w, i) => (
              <List.Item key={i}>{warningText(t, fmt, w)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {entries.error && <Alert color="red">{errorText(t, entries.error)}</Alert>}
      {ids.length > 0 && (
        <Table striped withTableBorder data-testid="posting-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('postingsUi.key')}</Table.Th>
              <Table.Th>{t('postingsUi.postingDate')}</Table.Th>
              <Table.Th>{t('postingsUi.item')}</Table.Th>
              <Table.Th>{t('postingsUi.place')}</Table.Th>
              <Table.Th>{t('postingsUi.lot')}</Table.Th>
              <Table.Th>{t('postingsUi.serial')}</Table.Th>
              <Table.Th ta="right">{t('postingsUi.quantity')}</Table.Th>
              <Table.Th ta="right">{t('postingsUi.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('postingsUi.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(entries.data ?? []).map((e) => (
              <Table.Tr key={e.id} data-testid="posting-entry">
                <Table.Td>{e.keyCode}</Table.Td>
                <Table.Td>{fmt.date(e.postingDate)}</Table.Td>
                <Table.Td className="mono">{items.get(e.itemId)?.code ?? e.itemId}</Table.Td>
                <Table.Td className="mono">{place(e)}</Table.Td>
                <Table.Td>{e.lot}</Table.Td>
                <Table.Td>{e.serial}</Table.Td>
                <Table.Td ta="right">
                  {fmt.quantity(e.quantity)} {items.get(e.itemId)?.primaryUnit ?? ''}
                </Table.Td>
                <Table.Td ta="right">{fmt.money(e.unitPrice)}</Table.Td>
                <Table.Td ta="right">{fmt.money(e.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.status === 'posted' && result.entryIds.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('postingsUi.moreEntries', { count: result.entryIds.length - SHOWN })}
        </Text>
      )}
      <Group>
        <Button onClick={onAgain} data-testid="posting-again">
          {t('postingsUi.again')}
        </Button>
        <Anchor component={Link} to="/stock">
          {t('postingsUi.toStock')}
        </Anchor>
      </Group>
    </Stack>
  );
}
