// The three generation dialogs (article, bin, inventory-difference lists) with every parameter, the
// structure table (order with move up/down, new-list flag, group change) and a preview of lists and items.
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { Warehouse, Zone } from '../../api/models';
import { errorText, notifyError } from '../../components/errors';

export type CountType = 'article' | 'bin' | 'differences';
interface Level { criterion: string; newList: boolean; groupChange: number }
const CRITERIA: Record<CountType, string[]> = {
  article: ['warehouse_zone', 'article'], bin: ['warehouse', 'zone', 'aisle', 'row', 'level', 'place'], differences: ['warehouse_zone', 'article'],
};
const STOCK: Record<CountType, string[]> = {
  article: ['all', 'negative', 'positive', 'zero', 'below_threshold', 'empty_list'], bin: ['occupied', 'empty', 'occupied_and_empty', 'empty_list'], differences: ['all'],
};
const SETTINGS = ['ignore', 'not_counted_this_year', 'cycle_reached', 'movement_threshold_reached'];

export interface Preview { lists: number; items: number; skipped?: number; perList?: Array<{ items: number }> }

export function GenerateDialog({ inventoryId, countType, onClose, onGenerated }: { inventoryId: string; countType: CountType | null; onClose: () => void; onGenerated: (r: unknown) => void }) {
  const { t } = useTranslation();
  const ct = countType ?? 'article';
  const [structure, setStructure] = useState<Level[]>([]);
  const [p, setP] = useState({ stockConsideration: 'all', countSetting: 'ignore', warehouseIds: [] as string[], zoneIds: [] as string[], binCodes: '',
    itemCodes: '', excludeCountedLots: false, responsibleOrigin: 'inventory', responsibleUserId: '', maxItemsPerList: 50, maxLists: 0,
    createInformationalItems: false, name: '' });
  useEffect(() => {
    if (!countType) return;
    setStructure(CRITERIA[countType].map((c) => ({ criterion: c, newList: false, groupChange: 0 })));
    setP((s) => ({ ...s, stockConsideration: STOCK[countType][0]!, countSetting: 'ignore' }));
  }, [countType]);
  const whs = useQuery({ queryKey: ['/api/warehouses', 'all'], enabled: !!countType, queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }) });
  const zones = useQuery({ queryKey: ['/api/zones', 'all'], enabled: !!countType, queryFn: () => api.get<Page<Zone>>('/api/zones', { limit: 1000 }) });
  const users = useQuery({ queryKey: ['/api/users'], enabled: !!countType, queryFn: () => api.get<{ items: Array<{ id: string; username: string; displayName: string }> }>('/api/users') });

  const body = () => {
    const b: Record<string, unknown> = {
      countType: ct, stockConsideration: p.stockConsideration, countSetting: p.countSetting, warehouseIds: p.warehouseIds, zoneIds: p.zoneIds,
      responsibleOrigin: p.responsibleOrigin, maxItemsPerList: p.maxItemsPerList, maxLists: p.maxLists,
      createInformationalItems: p.createInformationalItems, structure,
    };
    if (p.name) b.name = p.name;
    if (p.responsibleOrigin === 'manual') b.responsibleUserId = p.responsibleUserId;
    if (ct === 'bin' && p.binCodes.trim()) b.binCodes = p.binCodes.split(/[\s,;]+/).filter(Boolean);
    if (ct === 'article' && p.itemCodes.trim()) b.itemCodes = p.itemCodes.split(/[\s,;]+/).filter(Boolean);
    if (p.excludeCountedLots) b.excludeCountedLots = true;
    return b;
  };
  const preview = useMutation({ mutationFn: () => api.post<Preview>(`/api/inventories/${inventoryId}/count-lists/generate/preview`, body()) });
  const generate = useMutation({
    mutationFn: () => api.post<unknown>(`/api/inventories/${inventoryId}/count-lists/generate`, body()),
    onSuccess: (r) => { onGenerated(r); onClose(); },
    onError: (e) => notifyError(t, e),
  });
  const move = (i: number, d: -1 | 1) => setStructure((s) => {
    const n = [...s];
    const [x] = n.splice(i, 1);
    n.splice(i + d, 0, x!);
    return n;
  });
  const setLevel = (i: number, ch: Partial<Level>) => setStructure((s) => s.map((l, j) => (j === i ? { ...l, ...ch } : l)));
  const set = <K extends keyof typeof p>(k: K) => (v: (typeof p)[K]) => setP((s) => ({ ...s, [k]: v }));
  const empty = p.stockConsideration === 'empty_list';

  return (
    <Modal opened={!!countType} onClose={onClose} size="xl" title={t(`gen.title.${ct}`)}>
      <Stack gap="sm" data-testid="generate-dialog">
        <SimpleGrid cols={2}>
          <Select label={t('gen.stockConsideration')} data={STOCK[ct].map((v) => ({ value: v, label: t(`gen.stock.${v}`) }))} value={p.stockConsideration}
            onChange={(v) => v && set('stockConsideration')(v)} disabled={ct === 'differences'} allowDeselect={false} data-testid="gen-stock" />
          <Select label={t('gen.countSetting')} data={SETTINGS.map((v) => ({ value: v, label: t(`gen.setting.${v}`) }))} value={p.countSetting}
            onChange={(v) => v && set('countSetting')(v)} disabled={ct === 'differences' || empty} allowDeselect={false} />
          <MultiSelect label={t('gen.warehouses')} placeholder={t('gen.all')} disabled={empty} searchable
            data={(whs.data?.items ?? []).filter((w) => w.kind !== 'virtual').map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} value={p.warehouseIds} onChange={set('warehouseIds')} />
          <MultiSelect label={t('gen.zones')} placeholder={t('gen.all')} disabled={empty} searchable
            data={(zones.data?.items ?? []).filter((z) => (ct === 'bin' ? z.structured : ct === 'differences' ? z.usage === 'inventory_differences' : !z.structured)).map((z) => ({ value: z.id, label: z.code }))} value={p.zoneIds} onChange={set('zoneIds')} />
          {ct === 'bin' && <TextInput label={t('gen.bins')} placeholder={t('gen.all')} value={p.binCodes} onChange={(e) => set('binCodes')(e.currentTarget.value)} disabled={empty} />}
          {ct === 'article' && <TextInput label={t('gen.items')} placeholder={t('gen.all')} value={p.itemCodes} onChange={(e) => set('itemCodes')(e.currentTarget.value)} disabled={empty} />}
          <Select label={t('gen.responsible')} data={['inventory', 'warehouse', 'manual'].map((v) => ({ value: v, label: t(`gen.origin.${v}`) }))} value={p.responsibleOrigin} onChange={(v) => v && set('responsibleOrigin')(v)} allowDeselect={false} />
          {p.responsibleOrigin === 'manual' && <Select label={t('gen.employee')} searchable data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName || u.username }))} value={p.responsibleUserId || null} onChange={(v) => set('responsibleUserId')(v ?? '')} data-testid="gen-employee" />}
          <NumberInput label={ct === 'bin' ? t('gen.maxBins') : t('gen.maxItems')} min={1} value={p.maxItemsPerList} onChange={(v) => set('maxItemsPerList')(Number(v) || 1)} data-testid="gen-max-items" />
          <NumberInput label={t('gen.maxLists')} description={t('gen.zeroUnlimited')} min={0} value={p.maxLists} onChange={(v) => set('maxLists')(Number(v) || 0)} />
          <TextInput label={t('gen.name')} value={p.name} maxLength={80} onChange={(e) => set('name')(e.currentTarget.value)} />
        </SimpleGrid>
        <Group>
          <Checkbox label={t('gen.informational')} checked={p.createInformationalItems} onChange={(e) => set('createInformationalItems')(e.currentTarget.checked)} />
          {p.countSetting === 'not_counted_this_year' && <Checkbox label={t('gen.excludeCountedLots')} checked={p.excludeCountedLots} onChange={(e) => set('excludeCountedLots')(e.currentTarget.checked)} />}
        </Group>
        <Text fw={600} size="sm">{t('gen.structure')}</Text>
        <Table withTableBorder withColumnBorders striped data-testid="structure-table">
          <Table.Thead><Table.Tr><Table.Th w={60}>#</Table.Th><Table.Th>{t('gen.criterion')}</Table.Th><Table.Th w={90}>{t('gen.order')}</Table.Th><Table.Th w={110}>{t('gen.newList')}</Table.Th><Table.Th w={140}>{t('gen.groupChange')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {structure.map((l, i) => (
              <Table.Tr key={l.criterion} data-criterion={l.criterion}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{t(`gen.crit.${l.criterion}`)}</Table.Td>
                <Table.Td><Group gap={2}>
                  <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('gen.up')} ${l.criterion}`}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" disabled={i === structure.length - 1} onClick={() => move(i, 1)} aria-label={`${t('gen.down')} ${l.criterion}`}><IconArrowDown size={16} /></ActionIcon>
                </Group></Table.Td>
                <Table.Td><Checkbox checked={l.newList} onChange={(e) => setLevel(i, { newList: e.currentTarget.checked })} aria-label={`${t('gen.newList')} ${l.criterion}`} /></Table.Td>
                <Table.Td><NumberInput size="xs" min={0} value={l.groupChange} onChange={(v) => setLevel(i, { groupChange: Number(v) || 0 })} aria-label={`${t('gen.groupChange')} ${l.criterion}`} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {preview.data && <Alert color="blue" data-testid="gen-preview">{t('gen.previewResult', { lists: preview.data.lists, items: preview.data.items })}</Alert>}
        {preview.error && <Alert color="red">{errorText(t, preview.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending} data-testid="gen-preview-btn">{t('gen.preview')}</Button>
          <Button onClick={() => generate.mutate()} loading={generate.isPending} data-testid="gen-run">{t('gen.generate')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
