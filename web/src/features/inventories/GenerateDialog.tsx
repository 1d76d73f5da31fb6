// The three generation dialogs (article, bin, inventory-difference lists) with every parameter, the
// structure table (order with move up/down, new-list flag, group change) and a preview of lists and items.
// Article and difference lists also filter by item classifications (stock account classification, 1–5).
// A large generation answers with a job (202): the dialog hands its id on and the page shows its progress.
// The inventory's last generation of the same count type fills the dialog in (a duplicate carries it).
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { GenerateBody, GenerationResult, StructureLevel, UserRow, Warehouse, Zone } from '../../api/models';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import { CLASSIFICATION_FIELDS, useClassifications } from '../items/masterData';

/** Generation filters by item classification: request field → item field (whose code table it uses). */
export const CLASS_FILTERS = {
  stockAccountClassifications: 'stockAccountClassification',
  classification1: 'classification1',
  classification2: 'classification2',
  classification3: 'classification3',
  classification4: 'classification4',
  classification5: 'classification5',
} as const;
type ClassFilter = keyof typeof CLASS_FILTERS;
const noClassFilters = (): Record<ClassFilter, string[]> => ({
  stockAccountClassifications: [],
  classification1: [],
  classification2: [],
  classification3: [],
  classification4: [],
  classification5: [],
});

export type CountType = 'article' | 'bin' | 'differences';
type Level = Required<StructureLevel>;
type Criterion = Level['criterion'];
const CRITERIA: Record<CountType, Criterion[]> = {
  article: ['warehouse_zone', 'article'],
  bin: ['warehouse', 'zone', 'aisle', 'row', 'level', 'place'],
  differences: ['warehouse_zone', 'article'],
};
type Stock = NonNullable<GenerateBody['stockConsideration']>;
type Setting = NonNullable<GenerateBody['countSetting']>;
const STOCK: Record<CountType, Stock[]> = {
  article: ['all', 'negative', 'positive', 'zero', 'below_threshold', 'empty_list'],
  bin: ['occupied_and_empty_bins', 'occupied_bins', 'empty_bins', 'empty_list'],
  differences: ['all'],
};
const SETTINGS: Setting[] = ['ignore', 'not_counted', 'count_cycle', 'movement_threshold'];
type Origin = NonNullable<GenerateBody['responsibleOrigin']>;

/** What generation would produce: totals, what is left out, and the lists with their item counts. */
function PreviewResult({ r }: { r: GenerationResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Alert color="blue" data-testid="gen-preview" data-lists={r.lists.length} data-positions={r.positions}>
      <Text size="sm" fw={600}>
        {t('gen.previewResult', { count: r.lists.length, items: fmt.integer(r.positions) })}
      </Text>
      {r.skipped > 0 && (
        <Text size="sm" c="orange">
          {t('gen.skipped', { count: r.skipped })}
        </Text>
      )}
      {r.lists.length > 0 && (
        <Table fz="xs" mt="xs" withRowBorders={false} data-testid="gen-preview-lists">
          <Table.Tbody>
            {r.lists.slice(0, 8).map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td w={60}>{i + 1}</Table.Td>
                <Table.Td>
                  {t('gen.previewItems')}: {fmt.integer(l.items)}
                  {l.informational ? ` (+${fmt.integer(l.informational)} ${t('cl.info')})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
            {r.lists.length > 8 && (
              <Table.Tr>
                <Table.Td colSpan={2}>… +{r.lists.length - 8}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}

/** The dialog's fields from stored parameters (the generate body), where they are set. */
function fromLast(last: Partial<GenerateBody>) {
  const f: Record<string, unknown> = {};
  for (const k of [
    'stockConsideration',
    'countSetting',
    'warehouseIds',
    'zoneIds',
    'excludeCountedSpecifications',
    'responsibleOrigin',
    'responsibleUserId',
    'maxItemsPerList',
    'maxLists',
    'informationalItems',
    'name',
    'counterUserIds',
  ] as const)
    if (last[k] !== undefined) f[k] = last[k];
  if (last.binCodes?.length) f.binCodes = last.binCodes.join(' ');
  return f;
}

export function GenerateDialog({
  inventoryId,
  countType,
  onClose,
  onGenerated,
  onJob,
  lastParams,
}: {
  inventoryId: string;
  countType: CountType | null;
  onClose: () => void;
  onGenerated: (r: GenerationResult) => void;
  /** A large generation runs as a job: its id, for the page to follow. */
  onJob?: (jobId: string) => void;
  /** The inventory's last generation parameters; used when their count type is the dialog's. */
  lastParams?: Record<string, unknown> | null;
}) {
  const { t } = useTranslation();
  const ct = countType ?? 'article';
  const [structure, setStructure] = useState<Level[]>([]);
  const [p, setP] = useState({
    stockConsideration: 'all' as Stock,
    countSetting: 'ignore' as Setting,
    warehouseIds: [] as string[],
    zoneIds: [] as string[],
    binCodes: '',
    itemCodes: '',
    excludeCountedSpecifications: false,
    responsibleOrigin: 'inventory' as Origin,
    responsibleUserId: '',
    maxItemsPerList: 50,
    maxLists: 0,
    informationalItems: false,
    name: '',
    counterUserIds: [] as string[],
    asJob: false,
  });
  const [classes, setClasses] = useState(noClassFilters());
  const cls = useClassifications(!!countType && countType !== 'bin');
  const last = lastParams?.countType === countType ? (lastParams as Partial<GenerateBody>) : null;
  useEffect(() => {
    if (!countType) return;
    setStructure(
      last?.structure?.length
        ? last.structure.map((l) => ({ criterion: l.criterion, newList: !!l.newList, groupChange: l.groupChange ?? 0 }))
        : CRITERIA[countType].map((c) => ({ criterion: c, newList: false, groupChange: 0 })),
    );
    setP((s) => ({
      ...s,
      stockConsideration: STOCK[countType][0]!,
      countSetting: 'ignore',
      ...(last ? fromLast(last) : {}),
    }));
    const c = noClassFilters();
    if (last) for (const k of Object.keys(CLASS_FILTERS) as ClassFilter[]) c[k] = last[k] ?? [];
    setClasses(c);
    // Filled in when the dialog opens for a count type only: a refetched inventory must not undo the user's edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [countType]);
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    enabled: !!countType,
    queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }),
  });
  const zones = useQuery({
    queryKey: ['/api/zones', 'all'],
    enabled: !!countType,
    queryFn: () => api.get<Page<Zone>>('/api/zones', { limit: 1000 }),
  });
  const users = useQuery({
    queryKey: ['/api/users'],
    enabled: !!countType,
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { limit: 1000 }),
  });
  // Article lists filter by item id; the dialog takes codes (what people know) and resolves them.
  const resolveItems = async (codes: string[]) =>
    Promise.all(
      codes.map(async (code) => {
        const r = await api.get<{ items: Array<{ id: string; code: string }> }>('/api/items', {
          q: code,
          field: 'code',
          match: 'prefix',
          limit: 50,
        });
        const hit = r.items.find((x) => x.code === code);
        if (!hit) throw new Error(t('gen.unknownItem', { code }));
        return hit.id;
      }),
    );

  const body = async (): Promise<GenerateBody> => {
    const b: GenerateBody = {
      countType: ct,
      stockConsideration: p.stockConsideration,
      countSetting: p.countSetting,
      warehouseIds: p.warehouseIds,
      zoneIds: p.zoneIds,
      responsibleOrigin: p.responsibleOrigin,
      maxItemsPerList: p.maxItemsPerList,
      maxLists: p.maxLists,
      informationalItems: p.informationalItems,
      structure,
    };
    if (p.name) b.name = p.name;
    if (p.responsibleOrigin === 'manual') b.responsibleUserId = p.responsibleUserId;
    if (p.counterUserIds.length) b.counterUserIds = p.counterUserIds;
    if (ct === 'bin' && p.binCodes.trim()) b.binCodes = p.binCodes.split(/[\s,;]+/).filter(Boolean);
    if (ct === 'article' && p.itemCodes.trim())
      b.itemIds = await resolveItems(p.itemCodes.split(/[\s,;]+/).filter(Boolean));
    if (p.excludeCountedSpecifications) b.excludeCountedSpecifications = true;
    if (ct !== 'bin')
      for (const k of Object.keys(CLASS_FILTERS) as ClassFilter[]) if (classes[k].length) b[k] = classes[k];
    return b;
  };
  const preview = useMutation({
    mutationFn: async () =>
      api.post<GenerationResult>(`/api/inventories/${inventoryId}/count-lists/generate/preview`, await body()),
  });
  const generate = useMutation({
    mutationFn: async () =>
      api.post<GenerationResult | { jobId: string }>(
        `/api/inventories/${inventoryId}/count-lists/generate${p.asJob ? '?mode=job' : ''}`,
        await body(),
      ),
    onSuccess: (r) => {
      if ('jobId' in r) onJob?.(r.jobId);
      else onGenerated(r);
      onClose();
    },
  });
  const move = (i: number, d: -1 | 1) =>
    setStructure((s) => {
      const n = [...s];
      const [x] = n.splice(i, 1);
      n.splice(i + d, 0, x!);
      return n;
    });
  const setLevel = (i: number, ch: Partial<Level>) =>
    setStructure((s) => s.map((l, j) => (j === i ? { ...l, ...ch } : l)));
  const set =
    <K extends keyof typeof p>(k: K) =>
    (v: (typeof p)[K]) =>
      setP((s) => ({ ...s, [k]: v }));
  const empty = p.stockConsideration === 'empty_list';

  return (
    <Modal opened={!!countType} onClose={onClose} size="xl" title={t(`gen.title.${ct}`)}>
      <Stack gap="sm" data-testid="generate-dialog">
        {last && (
          <Text size="sm" c="dimmed" data-testid="gen-last-params">
            {t('gen.lastParams')}
          </Text>
        )}
        <SimpleGrid cols={2}>
          <Select
            label={t('gen.stockConsideration')}
            data={STOCK[ct].map((v) => ({ value: v, label: t(`gen.stock.${v}`) }))}
            value={p.stockConsideration}
            onChange={(v) => v && set('stockConsideration')(v as Stock)}
            disabled={ct === 'differences'}
            allowDeselect={false}
            data-testid="gen-stock"
          />
          <Select
            label={t('gen.countSetting')}
            data={SETTINGS.map((v) => ({ value: v, label: t(`gen.setting.${v}`) }))}
            value={p.countSetting}
            onChange={(v) => v && set('countSetting')(v as Setting)}
            disabled={ct === 'differences' || empty}
            allowDeselect={false}
          />
          <MultiSelect
            label={t('gen.warehouses')}
            placeholder={t('gen.all')}
            disabled={empty}
            searchable
            data={(whs.data?.items ?? [])
              .filter((w) => w.kind !== 'virtual')
              .map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            value={p.warehouseIds}
            onChange={set('warehouseIds')}
          />
          <MultiSelect
            label={t('gen.zones')}
            placeholder={t('gen.all')}
            disabled={empty}
            searchable
            data={(zones.data?.items ?? [])
              .filter((z) =>
                ct === 'bin'
                  ? z.structured
                  : ct === 'differences'
                    ? z.usage === 'inventory_differences'
                    : !z.structured,
              )
              .map((z) => ({
                value: z.id,
                label: `${whs.data?.items.find((w) => w.id === z.warehouseId)?.code ?? ''} / ${z.code}`,
              }))}
            value={p.zoneIds}
            onChange={set('zoneIds')}
          />
          {ct === 'bin' && (
            <TextInput
              label={t('gen.bins')}
              placeholder={t('gen.all')}
              value={p.binCodes}
              onChange={(e) => set('binCodes')(e.currentTarget.value)}
              disabled={empty}
            />
          )}
          {ct === 'article' && (
            <TextInput
              label={t('gen.items')}
              placeholder={t('gen.all')}
              value={p.itemCodes}
              onChange={(e) => set('itemCodes')(e.currentTarget.value)}
              disabled={empty}
            />
          )}
          <Select
            label={t('gen.responsible')}
            data={['inventory', 'warehouse', 'manual'].map((v) => ({ value: v, label: t(`gen.origin.${v}`) }))}
            value={p.responsibleOrigin}
            onChange={(v) => v && set('responsibleOrigin')(v as Origin)}
            allowDeselect={false}
            data-testid="gen-responsible"
          />
          {p.responsibleOrigin === 'manual' && (
            <Select
              label={t('gen.employee')}
              searchable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName || u.username }))}
              value={p.responsibleUserId || null}
              onChange={(v) => set('responsibleUserId')(v ?? '')}
              data-testid="gen-employee"
            />
          )}
          <MultiSelect
            label={t('listAdmin.counters.generation')}
            description={t('listAdmin.counters.generationHelp')}
            searchable
            clearable
            data={(users.data?.items ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.id, label: u.displayName || u.username }))}
            value={p.counterUserIds}
            onChange={set('counterUserIds')}
            data-testid="gen-counters"
          />
          <NumberInput
            label={ct === 'bin' ? t('gen.maxBins') : t('gen.maxItems')}
            min={1}
            value={p.maxItemsPerList}
            onChange={(v) => set('maxItemsPerList')(Number(v) || 1)}
            data-testid="gen-max-items"
          />
          <NumberInput
            label={t('gen.maxLists')}
            description={t('gen.zeroUnlimited')}
            min={0}
            value={p.maxLists}
            onChange={(v) => set('maxLists')(Number(v) || 0)}
          />
          <TextInput
            label={t('gen.name')}
            value={p.name}
            maxLength={80}
            onChange={(e) => set('name')(e.currentTarget.value)}
          />
        </SimpleGrid>
        {ct !== 'bin' && (
          <>
            <Text fw={600} size="sm">
              {t('gen.classificationFilters')}
            </Text>
            <SimpleGrid cols={3} data-testid="gen-classifications">
              {(Object.keys(CLASS_FILTERS) as ClassFilter[]).map((k) => (
                <MultiSelect
                  key={k}
                  label={t(`classification.${CLASS_FILTERS[k]}`)}
                  placeholder={classes[k].length ? undefined : t('gen.all')}
                  searchable
                  clearable
                  disabled={empty}
                  data={cls.options(CLASSIFICATION_FIELDS[CLASS_FILTERS[k]])}
                  value={classes[k]}
                  onChange={(v) => setClasses((c) => ({ ...c, [k]: v }))}
                  data-testid={`gen-${k}`}
                />
              ))}
            </SimpleGrid>
          </>
        )}
        <Group>
          <Checkbox
            label={t('gen.informational')}
            checked={p.informationalItems}
            onChange={(e) => set('informationalItems')(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('gen.asJob')}
            checked={p.asJob}
            onChange={(e) => set('asJob')(e.currentTarget.checked)}
            data-testid="gen-as-job"
          />
          {p.countSetting === 'not_counted' && (
            <Checkbox
              label={t('gen.excludeCountedLots')}
              checked={p.excludeCountedSpecifications}
              onChange={(e) => set('excludeCountedSpecifications')(e.currentTarget.checked)}
            />
          )}
        </Group>
        <Text fw={600} size="sm">
          {t('gen.structure')}
        </Text>
        <Table withTableBorder withColumnBorders striped data-testid="structure-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>#</Table.Th>
              <Table.Th>{t('gen.criterion')}</Table.Th>
              <Table.Th w={90}>{t('gen.order')}</Table.Th>
              <Table.Th w={110}>{t('gen.newList')}</Table.Th>
              <Table.Th w={140}>{t('gen.groupChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {structure.map((l, i) => (
              <Table.Tr key={l.criterion} data-criterion={l.criterion}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{t(`gen.crit.${l.criterion}`)}</Table.Td>
                <Table.Td>
                  <Group gap={2}>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`${t('gen.up')} ${l.criterion}`}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === structure.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`${t('gen.down')} ${l.criterion}`}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={l.newList}
                    onChange={(e) => setLevel(i, { newList: e.currentTarget.checked })}
                    aria-label={`${t('gen.newList')} ${l.criterion}`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    value={l.groupChange}
                    onChange={(v) => setLevel(i, { groupChange: Number(v) || 0 })}
                    aria-label={`${t('gen.groupChange')} ${l.criterion}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {preview.data && <PreviewResult r={preview.data} />}
        {preview.error && (
          <Alert color="red" data-testid="gen-error">
            {errorText(t, preview.error)}
          </Alert>
        )}
        {generate.error && (
          <Alert color="red" data-testid="gen-run-error">
            {errorText(t, generate.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="light"
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            data-testid="gen-preview-btn"
          >
            {t('gen.preview')}
          </Button>
          <Button onClick={() => generate.mutate()} loading={generate.isPending} data-testid="gen-run">
            {t('gen.generate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
