// The ledger entries a closed line posted (both legs of a transfer to the differences zone), read by id, each
// at its place by code (the API names it).
import { Alert, Badge, Modal, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import type { DifferenceLine } from './types';

type Entry = ResponseOf<'/api/stock/ledger', 'get'>['items'][number];

export function LedgerEntries({ line, onClose }: { line: DifferenceLine; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ids = line.ledgerEntryIds.join(',');
  const q = useQuery({
    queryKey: ['/api/stock/ledger', 'ids', ids],
    queryFn: () => api.get<{ items: Entry[] }>('/api/stock/ledger', { ids, limit: 1000 }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('differences.ledger.title', { item: line.itemCode, list: line.countListNumber })}
    >
      {q.error ? (
        <Alert color="red">{errorText(t, q.error)}</Alert>
      ) : (
        <Table striped fz="sm" data-testid="diff-ledger-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('differences.ledger.key')}</Table.Th>
              <Table.Th>{t('differences.ledger.date')}</Table.Th>
              <Table.Th>{t('differences.col.place')}</Table.Th>
              <Table.Th ta="right">{t('differences.ledger.quantity')}</Table.Th>
              <Table.Th ta="right">{t('differences.col.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('differences.col.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data?.items ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="mono">{e.id}</Table.Td>
                <Table.Td className="mono">{e.keyCode}</Table.Td>
                <Table.Td>{fmt.date(e.postingDate)}</Table.Td>
                <Table.Td>
                  <span className="mono">{[e.warehouseCode, e.zoneCode, e.binCode].filter(Boolean).join(' / ')}</span>
                  {(e.zoneId !== line.zoneId || e.binId !== line.binId) && (
                    <Badge ml={6} size="sm" variant="light" color="orange">
                      {t('differences.ledger.differencesZone')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {fmt.quantity(e.quantity)} {line.unit}
                </Table.Td>
                <Table.Td ta="right">{fmt.money(e.unitPrice)}</Table.Td>
                <Table.Td ta="right">{fmt.money(e.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
