// The approvals of an inventory (docs/tolerances.md): lines whose recount is still outside the tolerance,
// each with its target, first count, recount, difference and value, approved with a reason code or rejected
// with a comment; below, the lines being recounted and every decision taken (who, when, why).
import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { errorText, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { useReasonOptions } from '../settings/ReasonCodesSection';

type Approvals = ResponseOf<'/api/inventories/{id}/approvals', 'get'>;
type Line = Approvals['pending'][number];
type Decision = 'approved' | 'rejected';

export const REVIEW_COLOR: Record<string, string> = {
  recount_requested: 'yellow',
  needs_approval: 'orange',
  approved: 'teal',
  rejected: 'red',
};

/** The place of a line as one text: warehouse / zone / bin, lot and serial. */
const placeOf = (l: Line) =>
  [l.warehouseCode, l.zoneCode, l.binCode].filter(Boolean).join(' / ') +
  (l.lot || l.serial ? ` · ${[l.lot, l.serial].filter(Boolean).join(' / ')}` : '');

export function ApprovalsPanel({ inventoryId, onChanged }: { inventoryId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const key = ['approvals', inventoryId];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.get<Approvals>(`/api/inventories/${inventoryId}/approvals`),
  });
  const d = view.data;
  if (view.error) return null;
  if (!d || (d.pending.length === 0 && d.recounts.length === 0 && d.decided.length === 0)) return null;
  return (
    <Card withBorder data-testid="approvals-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('tolerance.approvals.title')}</Title>
          {d.pending.length > 0 && (
            <Badge color="orange" data-testid="approvals-pending-count">
              {d.pending.length}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('tolerance.approvals.help')}
        </Text>
        {d.pending.length === 0 ? (
          <Text size="sm" data-testid="approvals-none">
            {t('tolerance.approvals.none')}
          </Text>
        ) : (
          <Table fz="xs" striped data-testid="approvals-pending">
            <LineHead withDecision />
            <Table.Tbody>
              {d.pending.map((l) => (
                <PendingRow key={l.id} line={l} queryKey={key} onChanged={onChanged} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {d.recounts.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('tolerance.approvals.recounts')}
            </Text>
            <Table fz="xs" striped data-testid="approvals-recounts">
              <LineHead />
              <Table.Tbody>
                {d.recounts.map((l) => (
                  <Table.Tr key={l.id}>
                    <LineCells line={l} />
                    <Table.Td>
                      <Badge size="xs" color={REVIEW_COLOR[l.reviewState]}>
                        {t(`tolerance.state.${l.reviewState}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {d.decided.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('tolerance.approvals.decided')}
            </Text>
            <Table fz="xs" striped data-testid="approvals-decided">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tolerance.approvals.at')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.list')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.line')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.item')}</Table.Th>
                  <Table.Th ta="right">{t('tolerance.approvals.target')}</Table.Th>
                  <Table.Th ta="right">{t('tolerance.approvals.counted')}</Table.Th>
                  <Table.Th ta="right">{t('tolerance.approvals.value')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.decision')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.reason')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.comment')}</Table.Th>
                  <Table.Th>{t('tolerance.approvals.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.decided.map((a) => (
                  <Table.Tr key={a.id} data-testid={`decision-${a.id}`}>
                    <Table.Td>{fmt.dateTime(a.decidedAt)}</Table.Td>
                    <Table.Td className="mono">{a.countListNumber}</Table.Td>
                    <Table.Td>{a.lineNo}</Table.Td>
                    <Table.Td className="mono">{a.itemCode}</Table.Td>
                    <Table.Td ta="right">{fmt.quantity(a.targetQuantity)}</Table.Td>
                    <Table.Td ta="right">{fmt.quantity(a.countedQuantity)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(a.differenceValue)}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" color={REVIEW_COLOR[a.decision]}>
                        {t(`tolerance.approvals.${a.decision}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="mono">{a.reasonCode}</Table.Td>
                    <Table.Td>{a.comment}</Table.Td>
                    <Table.Td>{a.userName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

function LineHead({ withDecision = false }: { withDecision?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('tolerance.approvals.list')}</Table.Th>
        <Table.Th>{t('tolerance.approvals.line')}</Table.Th>
        <Table.Th>{t('tolerance.approvals.item')}</Table.Th>
        <Table.Th>{t('tolerance.approvals.place')}</Table.Th>
        <Table.Th ta="right">{t('tolerance.approvals.target')}</Table.Th>
        <Table.Th ta="right">{t('tolerance.approvals.firstCount')}</Table.Th>
        <Table.Th ta="right">{t('tolerance.approvals.recount')}</Table.Th>
        <Table.Th ta="right">{t('tolerance.approvals.difference')}</Table.Th>
        <Table.Th ta="right">{t('tolerance.approvals.value')}</Table.Th>
        <Table.Th>{t('tolerance.approvals.firstCounter')}</Table.Th>
        {withDecision ? (
          <>
            <Table.Th>{t('tolerance.approvals.reason')}</Table.Th>
            <Table.Th>{t('tolerance.approvals.comment')}</Table.Th>
            <Table.Th />
          </>
        ) : (
          <Table.Th />
        )}
      </Table.Tr>
    </Table.Thead>
  );
}

function LineCells({ line: l }: { line: Line }) {
  const fmt = useFormat();
  return (
    <>
      <Table.Td className="mono">{l.countListNumber}</Table.Td>
      <Table.Td>{l.lineNo}</Table.Td>
      <Table.Td>
        <span className="mono">{l.itemCode}</span> {l.itemDescription}
      </Table.Td>
      <Table.Td className="mono">{placeOf(l)}</Table.Td>
      <Table.Td ta="right">{fmt.quantity(l.targetQuantity)}</Table.Td>
      <Table.Td ta="right">{fmt.quantity(l.firstCountQuantity)}</Table.Td>
      <Table.Td ta="right">{fmt.quantity(l.reportedQuantity)}</Table.Td>
      <Table.Td ta="right">
        <Text size="xs" c={l.difference?.startsWith('-') ? 'red' : 'teal'}>
          {fmt.signedQuantity(l.difference)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{fmt.money(l.value)}</Table.Td>
      <Table.Td>{l.firstCounterName}</Table.Td>
    </>
  );
}

function PendingRow({
  line,
  queryKey,
  onChanged,
}: {
  line: Line;
  queryKey: string[];
  onChanged?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const reasons = useReasonOptions();
  const [reason, setReason] = useState<string | null>(line.reasonCode);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      api.post<unknown>(`/api/count-list-items/${line.id}/approval`, {
        decision,
        ...(reason ? { reasonCode: reason } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onMutate: () => setError(null),
    onSuccess: (_r, decision) => {
      notifyOk(t(`tolerance.approvals.done.${decision}`, { line: line.lineNo }));
      void qc.invalidateQueries({ queryKey });
      onChanged?.();
    },
    onError: (e) => setError(errorText(t, e)),
  });
  const tryDecide = (decision: Decision) => {
    if (decision === 'approved' && !reason) return setError(t('tolerance.approvals.reasonRequired'));
    if (decision === 'rejected' && !comment.trim()) return setError(t('tolerance.approvals.commentRequired'));
    decide.mutate(decision);
  };
  return (
    <Table.Tr data-testid={`approval-line-${line.id}`}>
      <LineCells line={line} />
      <Table.Td miw={200}>
        <Select
          size="xs"
          data={reasons}
          value={reason}
          onChange={(r) => {
            setReason(r);
            setError(null);
          }}
          searchable
          aria-label={t('tolerance.approvals.reason')}
          data-testid={`approval-reason-${line.id}`}
        />
      </Table.Td>
      <Table.Td miw={180}>
        <TextInput
          size="xs"
          value={comment}
          maxLength={500}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          aria-label={t('tolerance.approvals.comment')}
          data-testid={`approval-comment-${line.id}`}
          error={error}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            color="teal"
            loading={decide.isPending && decide.variables === 'approved'}
            onClick={() => tryDecide('approved')}
            data-testid={`approve-${line.id}`}
          >
            {t('tolerance.approvals.approve')}
          </Button>
          <Button
            size="compact-xs"
            color="red"
            variant="light"
            loading={decide.isPending && decide.variables === 'rejected'}
            onClick={() => tryDecide('rejected')}
            data-testid={`reject-${line.id}`}
          >
            {t('tolerance.approvals.reject')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
