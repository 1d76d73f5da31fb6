// The outcomes of the long inventory actions, shown until dismissed: closing the inventory (per list: posted
// lines, parked postings, errors; the value adjustments), generating count lists (lists and items made, what
// was left out), and verifying marked items (with the option of a new list for items of closed lists).
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import type { CloseInventoryResult, GenerationResult, ResponseOf } from '../../api/models';
import { codeText, errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import { useItemCodes } from '../../components/useItemCodes';

const OUTCOME_COLOR: Record<string, string> = { closed: 'green', closed_with_errors: 'orange', failed: 'red' };

/** Totals of a close result: lists per outcome, postings parked in the posting error file, value adjustments. */
export function closeSummary(r: CloseInventoryResult) {
  const parked = r.lists.reduce((n, l) => n + l.parked.length, 0);
  return {
    lists: r.lists.length,
    closed: r.lists.filter((l) => l.status === 'closed').length,
    withErrors: r.lists.filter((l) => l.status === 'closed_with_errors').length,
    failed: r.lists.filter((l) => l.status === 'failed').length,
    postedLines: r.lists.reduce((n, l) => n + l.postedLines, 0),
    parked,
    valueAdjustments: r.valueAdjustments.length,
  };
}

/** Is this a close result returned directly (HTTP 200), rather than a job reference? */
export function isCloseResult(r: unknown): r is CloseInventoryResult {
  return (
    !!r &&
    typeof r === 'object' &&
    Array.isArray((r as { lists?: unknown }).lists) &&
    Array.isArray((r as { valueAdjustments?: unknown }).valueAdjustments)
  );
}

export function CloseResultPanel({ result, onClose }: { result: CloseInventoryResult; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const s = closeSummary(result);
  const itemCode = useItemCodes(result.valueAdjustments.map((v) => v.itemId));
  const color = s.failed ? 'red' : s.withErrors || s.parked || result.valueAdjustmentParked ? 'orange' : 'green';
  return (
    <Alert
      color={color}
      withCloseButton
      onClose={onClose}
      title={t('closeResult.title')}
      data-testid="close-result"
      data-lists={s.lists}
      data-parked={s.parked}
      data-value-adjustments={s.valueAdjustments}
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('closeResult.summary', {
            lists: s.lists,
            closed: s.closed,
            withErrors: s.withErrors,
            failed: s.failed,
            lines: s.postedLines,
          })}
        </Text>
        {result.lists.length > 0 && (
          <Table fz="xs" withRowBorders={false} data-testid="close-result-lists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cl.number')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('closeResult.postedLines')}</Table.Th>
                <Table.Th>{t('closeResult.parked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.lists.map((l) => (
                <Table.Tr key={l.countListId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/count-lists/${l.countListId}`} size="xs">
                      {l.countListNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" color={OUTCOME_COLOR[l.status]}>
                      {t(`closeResult.status.${l.status}`)}
                    </Badge>
                    {l.error ? ` ${codeText(t, l.error)}` : ''}
                  </Table.Td>
                  <Table.Td>{fmt.integer(l.postedLines)}</Table.Td>
                  <Table.Td>
                    {l.parked.length
                      ? [
                          ...new Set(
                            l.parked.map((p) =>
                              codeText(t, { code: p.reason, message: /\s/.test(p.reason) ? p.reason : null }),
                            ),
                          ),
                        ].join('; ')
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {s.parked > 0 && (
          <Text size="sm">
            {t('closeResult.parkedPostings', { count: s.parked })}{' '}
            <Anchor component={Link} to="/posting-errors" size="sm">
              {t('nav.postingErrors')}
            </Anchor>
          </Text>
        )}
        <Text size="sm" data-testid="close-result-va">
          {t('closeResult.valueAdjustments', { count: s.valueAdjustments })}
        </Text>
        {result.valueAdjustmentParked && (
          <Text size="sm" c="orange.8">
            {t('closeResult.valueAdjustmentParked')}
          </Text>
        )}
        {result.valueAdjustments.length > 0 && (
          <Table fz="xs" withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('items.code')}</Table.Th>
                <Table.Th>{t('closeResult.netQuantity')}</Table.Th>
                <Table.Th>{t('items.avgPrice')}</Table.Th>
                <Table.Th>{t('inv.valuationPrice')}</Table.Th>
                <Table.Th>{t('stock.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.valueAdjustments.slice(0, 20).map((v, i) => (
                <Table.Tr key={i}>
                  <Table.Td className="mono">{itemCode(v.itemId)}</Table.Td>
                  <Table.Td ta="right">{fmt.quantity(v.netQuantity)}</Table.Td>
                  <Table.Td ta="right">{fmt.money(v.averagePrice)}</Table.Td>
                  <Table.Td ta="right">{fmt.money(v.valuationPrice)}</Table.Td>
                  <Table.Td ta="right">{fmt.money(v.value)}</Table.Td>
                </Table.Tr>
              ))}
              {result.valueAdjustments.length > 20 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>… +{fmt.integer(result.valueAdjustments.length - 20)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  );
}

export function GenerationResultPanel({ result, onClose }: { result: GenerationResult; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const made = result.lists.length;
  return (
    <Alert
      color={made ? 'green' : 'orange'}
      withCloseButton
      onClose={onClose}
      title={t('gen.resultTitle')}
      data-testid="gen-result"
      data-lists={made}
      data-positions={result.positions}
    >
      <Text size="sm" fw={600}>
        {made ? t('gen.generated', { count: made, items: fmt.integer(result.positions) }) : t('gen.nothingGenerated')}
      </Text>
      {result.informational > 0 && (
        <Text size="sm">{t('gen.informationalCount', { count: result.informational })}</Text>
      )}
      {result.skippedOnOtherList > 0 && (
        <Text size="sm" c="orange.8">
          {t('gen.skippedOnOtherList', { count: result.skippedOnOtherList })}
        </Text>
      )}
      {result.skippedOverMaxLists > 0 && (
        <Text size="sm" c="orange.8">
          {t('gen.skippedOverMaxLists', { count: result.skippedOverMaxLists })}
        </Text>
      )}
      {made > 0 && (
        <Text size="sm" mt={4}>
          {result.lists
            .slice(0, 12)
            .map(
              (l) =>
                `${l.number ?? '?'} (${fmt.integer(l.items)}${l.informational ? ` +${fmt.integer(l.informational)} ${t('cl.info')}` : ''})`,
            )
            .join(' · ')}
          {made > 12 ? ` … +${made - 12}` : ''}
        </Text>
      )}
    </Alert>
  );
}

type VerifyResult = ResponseOf<'/api/inventories/{id}/verify', 'post'>;

/** Verify marked items of the inventory (or of the selected lists); items of closed lists may go onto a new list. */
export function VerifyModal({
  inventoryId,
  countListIds,
  opened,
  onClose,
  onVerified,
}: {
  inventoryId: string;
  countListIds: string[] | null;
  opened: boolean;
  onClose: () => void;
  onVerified: (r: VerifyResult) => void;
}) {
  const { t } = useTranslation();
  const [newList, setNewList] = useState(false);
  const verify = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/inventories/{id}/verify', {
          params: { path: { id: inventoryId } },
          body: {
            ...(countListIds?.length ? { countListIds } : {}),
            ...(newList ? { newListForClosedItems: true } : {}),
          },
        }),
      ),
    onSuccess: (r) => {
      onVerified(r);
      close();
    },
  });
  const close = () => {
    setNewList(false);
    verify.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('verify.title')}>
      <Stack gap="sm" data-testid="verify-dialog">
        <Text size="sm">
          {countListIds?.length ? t('verify.selectedLists', { count: countListIds.length }) : t('verify.allLists')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('verify.help')}
        </Text>
        <Checkbox
          label={t('verify.newListForClosedItems')}
          description={t('verify.newListHelp')}
          checked={newList}
          onChange={(e) => setNewList(e.currentTarget.checked)}
          data-testid="verify-new-list"
        />
        {verify.error && <Alert color="red">{errorText(t, verify.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-run">
            {t('inv.verify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function VerifyResultPanel({ result, onClose }: { result: VerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" withCloseButton onClose={onClose} title={t('verify.resultTitle')} data-testid="verify-result">
      <Text size="sm">
        {t('verify.result', {
          reopened: result.reopenedItems,
          invalidated: result.invalidatedReports,
          unmarked: result.unmarkedItems,
        })}
      </Text>
      {result.newCountListIds.length > 0 && (
        <Text size="sm">
          {t('verify.newLists', { count: result.newCountListIds.length })}{' '}
          {result.newCountListIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Anchor component={Link} to={`/count-lists/${id}`} size="sm">
                #{id}
              </Anchor>
            </span>
          ))}
        </Text>
      )}
    </Alert>
  );
}
