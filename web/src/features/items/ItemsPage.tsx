// Item master: search by code, search code or description (the API's word search), edit in a drawer.
import { useState } from 'react';
import { Badge, Button, Drawer, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { notifyError, notifyOk } from '../../components/errors';

interface Item {
  id: string; code: string; description: string; primaryUnit: string; lotManagement: 'no' | 'yes' | 'auto'; serialManagement: boolean;
  abcClass: 'A' | 'B' | 'C' | null; countCycleDays: number; includeInInventory: boolean; movingAveragePrice: string; productGroup: string | null;
}
interface SearchCode { id: string; code: string; unit: string; isMain: boolean }

export default function ItemsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [field, setField] = useState('any');
  const [debounced] = useDebouncedValue(q, 250);
  const { rows, loading, more } = usePaged<Item>('/api/items', { q: debounced || undefined, field });
  const [edit, setEdit] = useState<Item | null>(null);

  const columns: Column<Item>[] = [
    { key: 'code', header: t('items.code'), width: 160, render: (r) => <span className="mono">{r.code}</span> },
    { key: 'description', header: t('items.description'), grow: 2, width: 240, render: (r) => r.description },
    { key: 'unit', header: t('items.unit'), width: 70, render: (r) => r.primaryUnit },
    { key: 'lot', header: t('items.lot'), width: 90, render: (r) => (r.lotManagement !== 'no' ? <Badge size="xs">{t(`lotManagement.${r.lotManagement}`)}</Badge> : '') },
    { key: 'serial', header: t('items.serial'), width: 70, render: (r) => (r.serialManagement ? <Badge size="xs" color="grape">SN</Badge> : '') },
    { key: 'abc', header: 'ABC', width: 50, render: (r) => r.abcClass ?? '' },
    { key: 'cycle', header: t('items.countCycle'), width: 90, align: 'right', render: (r) => r.countCycleDays || '' },
    { key: 'avg', header: t('items.avgPrice'), width: 110, align: 'right', render: (r) => r.movingAveragePrice },
  ];
  return (
    <Stack>
      <Title order={3}>{t('nav.items')}</Title>
      <Group>
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('items.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={360} data-testid="item-search" />
        <Select w={180} value={field} onChange={(v) => setField(v ?? 'any')} allowDeselect={false}
          data={['any', 'code', 'searchCode', 'description'].map((v) => ({ value: v, label: t(`items.field.${v}`) }))} />
      </Group>
      <VirtualTable rows={rows} columns={columns} rowKey={(r) => r.id} loading={loading} onEndReached={more} onRowClick={setEdit} testId="items-table" />
      <ItemDrawer item={edit} onClose={() => setEdit(null)} />
    </Stack>
  );
}

function ItemDrawer({ item, onClose }: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Partial<Item>>({});
  const codes = useQuery({ queryKey: ['search-codes', item?.id], enabled: !!item, queryFn: () => api.get<{ items: SearchCode[] }>(`/api/items/${item!.id}/search-codes`) });
  const save = useMutation({
    mutationFn: () => api.patch<Item>(`/api/items/${item!.id}`, draft),
    onSuccess: () => { notifyOk(t('common.saved')); void qc.invalidateQueries({ queryKey: ['/api/items'] }); setDraft({}); onClose(); },
    onError: (e) => notifyError(t, e),
  });
  const v = { ...item, ...draft } as Item;
  return (
    <Drawer opened={!!item} onClose={() => { setDraft({}); onClose(); }} position="right" size="md" title={item ? `${item.code}` : ''}>
      {item && (
        <Stack>
          <TextInput label={t('items.description')} maxLength={40} value={v.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
          <Select label={t('items.lot')} value={v.lotManagement} onChange={(x) => x && setDraft({ ...draft, lotManagement: x as Item['lotManagement'] })}
            data={(['no', 'yes', 'auto'] as const).map((x) => ({ value: x, label: t(`lotManagement.${x}`) }))} />
          <Switch label={t('items.serialManaged')} checked={v.serialManagement} onChange={(e) => setDraft({ ...draft, serialManagement: e.currentTarget.checked })} />
          <Switch label={t('items.includeInInventory')} checked={v.includeInInventory} onChange={(e) => setDraft({ ...draft, includeInInventory: e.currentTarget.checked })} />
          <NumberInput label={t('items.countCycle')} min={0} value={v.countCycleDays} onChange={(x) => setDraft({ ...draft, countCycleDays: Number(x) || 0 })} />
          <Text fw={600} size="sm">{t('items.searchCodes')}</Text>
          {codes.data?.items.map((c) => (
            <Group key={c.id} justify="space-between"><Text className="mono" size="sm">{c.code}</Text><Group gap={4}><Badge variant="light">{c.unit}</Badge>{c.isMain && <Badge color="gray">{t('items.main')}</Badge>}</Group></Group>
          ))}
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={Object.keys(draft).length === 0}>{t('common.save')}</Button>
        </Stack>
      )}
    </Drawer>
  );
}
