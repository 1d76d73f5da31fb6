// The due list: positions never counted, overdue, due this week or this month under the site's count plans,
// the most urgent first; status chips filter it. A continuous inventory gets the lists of today's capacity.
import { useState } from 'react';
import { Alert, Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { usePaged } from '../../components/usePaged';
import { VirtualTable } from '../../components/VirtualTable';
import { codeName, useWarehouses } from '../postings/data';
import {
  type DueGeneration,
  type DueItem,
  type DueStatus,
  LISTED,
  PLAN_CLASSES,
  STATUS_COLOR,
  useContinuousInventories,
  useDueCounts,
} from './data';

export function DueListPanel({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<string[]>(LISTED);
  const [planClass, setPlanClass] = useState<string | null>(null);
  const [inventoryId, setInventoryId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const warehouses = useWarehouses(siteId);
  const counts = useDueCounts(siteId, warehouseId);
  const inventories = useContinuousInventories(siteId);
  const list = usePaged<DueItem>(
    '/api/count-plans/due',
    { siteId, warehouseId, planClass, status: statuses.length ? statuses.join(',') : LISTED.join(',') },
    300,
  );
  const generate = async () => {
    if (!inventoryId) return;
    setBusy(true);
    try {
      const r = await api.post<DueGeneration>(`/api/inventories/${inventoryId}/count-lists/generate/due`, {});
      notifyOk(
        r.capacityLeft === 0
          ? t('cycle.due.capacityUsed', { capacity: r.capacity })
          : t('cycle.due.generated', { lists: r.lists.length, positions: r.positions, left: r.capacityLeft }),
      );
      await qc.invalidateQueries({ queryKey: ['/api/count-plans/due'] });
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            w={220}
            label={t('cycle.warehouse')}
            clearable
            placeholder={t('cycle.allWarehouses')}
            data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: codeName(w) }))}
            value={warehouseId}
            onChange={setWarehouseId}
            data-testid="due-warehouse"
          />
          <Select
            w={160}
            label={t('cycle.class')}
            clearable
            placeholder={t('cycle.allClasses')}
            data={PLAN_CLASSES.map((c) => ({ value: c, label: t(`cycle.classes.${c}`) }))}
            value={planClass}
            onChange={setPlanClass}
          />
        </Group>
        <Group align="flex-end">
          <Select
            w={260}
            label={t('cycle.due.inventory')}
            placeholder={t('cycle.due.chooseInventory')}
            data={(inventories.data ?? []).map((i) => ({ value: i.id, label: `${i.number} · ${i.description}` }))}
            value={inventoryId}
            onChange={setInventoryId}
            data-testid="due-inventory"
          />
          <Button
            leftSection={<IconListCheck size={16} />}
            disabled={!inventoryId}
            loading={busy}
            onClick={() => void generate()}
            data-testid="due-generate"
          >
            {t('cycle.due.generate')}
          </Button>
        </Group>
      </Group>
      <Chip.Group multiple value={statuses} onChange={setStatuses}>
        <Group gap="xs" data-testid="due-chips">
          {[...LISTED, 'not_due' as DueStatus].map((s) => (
            <Chip key={s} value={s} color={STATUS_COLOR[s]} size="sm">
              <span data-testid={`due-chip-${s}`}>
                {t(`cycle.status.${s}`)} ({fmt.integer(counts.data?.counts[s] ?? 0)})
              </span>
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {counts.data && (
        <Text size="sm" c="dimmed">
          {t('cycle.due.asOf', { date: fmt.date(counts.data.asOf) })}
        </Text>
      )}
      {list.error ? (
        <Alert color="red">{errorText(t, list.error)}</Alert>
      ) : (
        <VirtualTable
          rows={list.rows}
          rowKey={(r) => r.id}
          loading={list.loading}
          onEndReached={list.more}
          height="calc(100vh - 380px)"
          testId="due-list"
          columns={[
            {
              key: 'status',
              header: t('cycle.due.status'),
              width: 150,
              render: (r) => (
                <Badge color={STATUS_COLOR[r.dueStatus]} variant="light" data-testid={`due-status-${r.itemCode}`}>
                  {t(`cycle.status.${r.dueStatus}`)}
                </Badge>
              ),
            },
            { key: 'class', header: t('cycle.class'), width: 70, render: (r) => r.planClass },
            {
              key: 'item',
              header: t('cycle.item'),
              width: 200,
              grow: 1,
              render: (r) => (
                <span>
                  <span className="mono">{r.itemCode}</span> {r.itemDescription}
                </span>
              ),
            },
            {
              key: 'place',
              header: t('cycle.place'),
              width: 140,
              render: (r) => (
                <span className="mono">{[r.warehouseCode, r.zoneCode, r.binCode].filter(Boolean).join(' / ')}</span>
              ),
            },
            { key: 'lot', header: t('cycle.lot'), width: 110, render: (r) => r.lot || r.serial },
            {
              key: 'qty',
              header: t('cycle.quantity'),
              width: 100,
              align: 'right',
              render: (r) => fmt.quantity(r.quantity),
            },
            { key: 'last', header: t('cycle.due.lastCounted'), width: 120, render: (r) => fmt.date(r.lastCountedDate) },
            {
              key: 'next',
              header: t('cycle.due.nextDue'),
              width: 120,
              render: (r) => (r.nextDue ? fmt.date(r.nextDue) : t('cycle.due.now')),
            },
            {
              key: 'cycle',
              header: t('cycle.due.ownCycle'),
              width: 110,
              align: 'right',
              render: (r) => (r.countCycleDays > 0 ? t('cycle.due.days', { count: r.countCycleDays }) : ''),
            },
          ]}
        />
      )}
    </Stack>
  );
}
