// The item editor: every item-master tab over the item API (/api/items/:id) and the item-master API
// (/api/item-master/items/:id). Field tabs (general, lots/serials, planning, prices, accounting) collect
// changes in two drafts — core item fields and item-master fields — saved together; the list tabs (price rows,
// per-warehouse planning, search codes, alternatives) save each change on their own endpoint at once.
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Drawer,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap, type Page } from '../../api/client';
import type { BodyOf, ResponseOf, Warehouse } from '../../api/models';
import { errorText, notifyOk } from '../../components/errors';
import {
  CLASSIFICATION_FIELDS,
  codeOptions,
  useClassifications,
  useLotClasses,
  useSerialClasses,
  useUnits,
  type ClassificationField,
} from './masterData';
import { PriceRows } from './ItemPriceRows';
import { SearchCodes } from './SearchCodes';
import { DESCRIPTION_MAX, DescriptionInput } from './DescriptionInput';

export type MasterItem = ResponseOf<'/api/item-master/items/{id}', 'get'>;
type ItemView = MasterItem['item'];
type MasterView = MasterItem['master'];
export type ItemPatch = BodyOf<'/api/items/{id}', 'patch'>;
export type MasterPatch = BodyOf<'/api/item-master/items/{id}', 'patch'>;
type WarehousePlanning = MasterItem['warehousePlanning'][number];
type PlanningBody = BodyOf<'/api/item-master/items/{id}/warehouse-planning/{warehouseId}', 'put'>;

const CHECK_MODES = ['none', 'warning', 'blocking'] as const;
const LOT_CONSUMPTIONS = ['fifo', 'fefo', 'lefo'] as const;
const PLANNING_DECIMALS = ['minStock', 'maxStock', 'reorderPoint', 'reorderLot', 'minReorderQuantity'] as const;

/**
 * The item fields to send: the draft, checked for the rule the server also enforces (serial management needs a
 * serial class) so the manager sees it next to the switch. Returns the error key when the draft cannot be sent.
 */
export function checkItemDraft(
  item: Pick<ItemView, 'serialManagement' | 'serialClass'>,
  draft: ItemPatch,
): string | null {
  const serial = draft.serialManagement ?? item.serialManagement;
  const serialClass = 'serialClass' in draft ? draft.serialClass : item.serialClass;
  if (serial && !serialClass) return 'itemEdit.serialClassRequired';
  if (
    draft.description !== undefined &&
    (draft.description.length > DESCRIPTION_MAX || draft.description.trim() === '')
  )
    return 'itemsUi.descriptionInvalid';
  return null;
}

export function ItemEditor({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const data = useQuery({
    queryKey: ['item-master', itemId],
    enabled: !!itemId,
    queryFn: () => unwrap(client.GET('/api/item-master/items/{id}', { params: { path: { id: itemId! } } })),
  });
  const [d, setD] = useState<ItemPatch>({});
  const [m, setM] = useState<MasterPatch>({});
  const [tab, setTab] = useState<string | null>('general');
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = Object.keys(d).length + Object.keys(m).length > 0;
  const reload = () => {
    void qc.invalidateQueries({ queryKey: ['item-master', itemId] });
    void qc.invalidateQueries({ queryKey: ['/api/items'] });
  };
  const save = useMutation({
    mutationFn: async () => {
      const item = data.data!.item;
      const problem = checkItemDraft(item, d);
      if (problem) throw new Error(t(problem));
      if (Object.keys(d).length) {
        await unwrap(client.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: d }));
        setD({});
      }
      if (Object.keys(m).length) {
        await unwrap(client.PATCH('/api/item-master/items/{id}', { params: { path: { id: item.id } }, body: m }));
        setM({});
      }
    },
    onMutate: () => setFormError(null),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      reload();
    },
    onError: (e) => {
      setFormError(errorText(t, e));
      reload();
    },
  });
  const close = () => {
    setD({});
    setM({});
    setFormError(null);
    setTab('general');
    onClose();
  };
  const x = data.data;
  return (
    <Drawer
      opened={!!itemId}
      onClose={close}
      position="right"
      size="xl"
      title={x ? `${x.item.code} · ${x.item.description}` : ''}
    >
      {data.error && <Alert color="red">{errorText(t, data.error)}</Alert>}
      {x && (
        <Stack gap="sm" data-testid="item-editor">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {['general', 'lots', 'planning', 'prices', 'codes', 'accounting', 'notes'].map((k) => (
                <Tabs.Tab key={k} value={k} data-testid={`item-tab-${k}`}>
                  {t(`itemEdit.tab.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="general" pt="sm">
              <GeneralTab item={x.item} master={x.master} d={d} setD={setD} m={m} setM={setM} />
            </Tabs.Panel>
            <Tabs.Panel value="lots" pt="sm">
              <LotsTab item={x.item} master={x.master} d={d} setD={setD} m={m} setM={setM} />
            </Tabs.Panel>
            <Tabs.Panel value="planning" pt="sm">
              <PlanningTab master={x.master} m={m} setM={setM} />
              <WarehousePlanningTable itemId={x.item.id} rows={x.warehousePlanning} onChanged={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="prices" pt="sm">
              <ItemPrices item={x.item} d={d} setD={setD} />
              <PriceRows item={x.item} />
            </Tabs.Panel>
            <Tabs.Panel value="codes" pt="sm">
              <SearchCodes item={x.item} />
            </Tabs.Panel>
            <Tabs.Panel value="accounting" pt="sm">
              <AccountingTab master={x.master} m={m} setM={setM} />
            </Tabs.Panel>
            <Tabs.Panel value="notes" pt="sm">
              <Textarea
                label={t('itemEdit.notes')}
                autosize
                minRows={4}
                maxLength={4000}
                value={m.notes ?? x.master.notes}
                onChange={(e) => setM({ ...m, notes: e.currentTarget.value })}
              />
              <Alternatives item={x} onChanged={reload} />
            </Tabs.Panel>
          </Tabs>
          {formError && (
            <Alert color="red" data-testid="item-form-error">
              {formError}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {dirty ? t('itemEdit.unsaved') : ''}
            </Text>
            <Group>
              <Button
                variant="default"
                disabled={!dirty}
                onClick={() => {
                  setD({});
                  setM({});
                  setFormError(null);
                }}
              >
                {t('itemEdit.discardChanges')}
              </Button>
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty} data-testid="item-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}

interface ItemTabProps {
  item: ItemView;
  master: MasterView;
  d: ItemPatch;
  setD: (d: ItemPatch) => void;
  m: MasterPatch;
  setM: (m: MasterPatch) => void;
}

/** Value shown for a field: the draft's when changed, else the stored one. */
function val<T extends object, K extends keyof T>(draft: Partial<T>, stored: T, k: K): T[K] {
  return (k in draft ? draft[k] : stored[k]) as T[K];
}
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function GeneralTab({ item, master, d, setD, m, setM }: ItemTabProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const cls = useClassifications();
  const unitOptions = (units.data?.items ?? []).map((u) => ({
    value: u.code,
    label: u.description ? `${u.code} · ${u.description}` : u.code,
  }));
  const v = <K extends keyof ItemView>(k: K) => val(d as Partial<ItemView>, item, k);
  const set = (ch: ItemPatch) => setD({ ...d, ...ch });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <TextInput
          label={t('items.code')}
          value={v('code')}
          onChange={(e) => set({ code: e.currentTarget.value.trim() })}
        />
        <DescriptionInput
          label={t('items.description')}
          value={v('description')}
          onChange={(e) => set({ description: e.currentTarget.value })}
          data-testid="item-description"
        />
      </SimpleGrid>
      <Textarea
        label={t('itemEdit.supplementaryDescription')}
        autosize
        minRows={2}
        value={v('supplementaryDescription')}
        onChange={(e) => set({ supplementaryDescription: e.currentTarget.value })}
      />
      <Checkbox
        label={t('itemEdit.printSupplementaryDescription')}
        checked={v('printSupplementaryDescription')}
        onChange={(e) => set({ printSupplementaryDescription: e.currentTarget.checked })}
      />
      <SimpleGrid cols={4}>
        <Select
          label={t('itemEdit.primaryUnit')}
          searchable
          data={unitOptions}
          value={v('primaryUnit')}
          allowDeselect={false}
          disabled={item.hasLedgerEntries}
          description={item.hasLedgerEntries ? t('itemEdit.unitLocked') : undefined}
          onChange={(x) => x && set({ primaryUnit: x })}
        />
        <Select
          label={t('itemEdit.secondaryUnit')}
          searchable
          clearable
          data={unitOptions}
          value={v('secondaryUnit')}
          onChange={(x) =>
            set(
              x
                ? { secondaryUnit: x, secondaryConversionOp: v('secondaryConversionOp') ?? 'x' }
                : { secondaryUnit: null, secondaryConversionOp: null, secondaryConversionFactor: null },
            )
          }
        />
        <Select
          label={t('itemEdit.conversionOp')}
          disabled={!v('secondaryUnit')}
          data={[
            { value: 'x', label: t('itemEdit.op.x') },
            { value: '\\', label: t('itemEdit.op.div') },
          ]}
          value={v('secondaryConversionOp')}
          onChange={(x) => set({ secondaryConversionOp: x as ItemPatch['secondaryConversionOp'] })}
        />
        <TextInput
          label={t('itemEdit.conversionFactor')}
          disabled={!v('secondaryUnit')}
          value={v('secondaryConversionFactor') ?? ''}
          onChange={(e) => set({ secondaryConversionFactor: orNull(e.currentTarget.value) })}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('itemEdit.classifications')}
      </Text>
      <SimpleGrid cols={3}>
        {(Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).map((f) => (
          <Select
            key={f}
            label={t(`classification.${f}`)}
            searchable
            clearable
            data={cls.options(CLASSIFICATION_FIELDS[f])}
            value={v(f)}
            onChange={(x) => set({ [f]: x ?? null })}
            nothingFoundMessage={t('common.noRows')}
          />
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('itemEdit.counting')}
      </Text>
      <SimpleGrid cols={3}>
        <NumberInput
          label={t('items.countCycle')}
          min={0}
          max={36500}
          allowDecimal={false}
          value={v('countCycleDays')}
          onChange={(x) => set({ countCycleDays: Number(x) || 0 })}
        />
        <TextInput
          label={t('itemEdit.thresholdQuantity')}
          value={v('thresholdQuantity')}
          onChange={(e) => set({ thresholdQuantity: e.currentTarget.value.trim() })}
        />
        <NumberInput
          label={t('itemEdit.movementCountThreshold')}
          min={0}
          allowDecimal={false}
          value={v('movementCountThreshold')}
          onChange={(x) => set({ movementCountThreshold: Number(x) || 0 })}
        />
        <Select
          label={t('itemEdit.abcClass')}
          clearable
          data={['A', 'B', 'C']}
          value={v('abcClass')}
          onChange={(x) => set({ abcClass: (x as ItemPatch['abcClass']) ?? null })}
        />
        <TextInput
          type="date"
          label={t('itemEdit.validFrom')}
          value={v('validFrom') ?? ''}
          onChange={(e) => set({ validFrom: orNull(e.currentTarget.value) })}
        />
        <TextInput
          type="date"
          label={t('itemEdit.validTo')}
          value={v('validTo') ?? ''}
          onChange={(e) => set({ validTo: orNull(e.currentTarget.value) })}
        />
      </SimpleGrid>
      <Group>
        <Switch
          label={t('items.includeInInventory')}
          checked={v('includeInInventory')}
          onChange={(e) => set({ includeInInventory: e.currentTarget.checked })}
        />
        <Text size="sm" c="dimmed">
          {t('itemEdit.itemClass')}: {val(m, master, 'itemClass') ?? '—'}
        </Text>
        {m.itemClass !== undefined && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              const { itemClass: _, ...rest } = m;
              setM(rest);
            }}
          >
            {t('itemEdit.discardChanges')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function LotsTab({ item, master, d, setD, m, setM }: ItemTabProps) {
  const { t } = useTranslation();
  const lotClasses = useLotClasses();
  const serialClasses = useSerialClasses();
  const v = <K extends keyof ItemView>(k: K) => val(d as Partial<ItemView>, item, k);
  const mv = <K extends keyof MasterView>(k: K) => val(m as Partial<MasterView>, master, k);
  const serial = v('serialManagement');
  const missingClass = serial && !v('serialClass');
  return (
    <Stack gap="sm">
      {item.hasLedgerEntries && (
        <Text size="sm" c="dimmed">
          {t('itemEdit.trackingLockedHint')}
        </Text>
      )}
      <SimpleGrid cols={2}>
        <Select
          label={t('itemEdit.lotManagement')}
          allowDeselect={false}
          data={(['no', 'yes', 'auto'] as const).map((x) => ({ value: x, label: t(`lotManagement.${x}`) }))}
          value={v('lotManagement')}
          onChange={(x) => x && setD({ ...d, lotManagement: x as ItemPatch['lotManagement'] })}
          data-testid="item-lot-management"
        />
        <Select
          label={t('itemEdit.lotConsumption')}
          allowDeselect={false}
          data={LOT_CONSUMPTIONS.map((x) => ({ value: x, label: t(`itemEdit.consumption.${x}`) }))}
          value={mv('lotConsumption')}
          onChange={(x) => x && setM({ ...m, lotConsumption: x as MasterPatch['lotConsumption'] })}
        />
        <Select
          label={t('itemEdit.lotClass')}
          clearable
          searchable
          data={codeOptions(lotClasses.data?.items)}
          value={mv('lotClass')}
          onChange={(x) => setM({ ...m, lotClass: x ?? null })}
        />
        <Select
          label={t('itemEdit.lotAvailabilityCheck')}
          allowDeselect={false}
          data={CHECK_MODES.map((x) => ({ value: x, label: t(`itemEdit.check.${x}`) }))}
          value={mv('lotAvailabilityCheck')}
          onChange={(x) => x && setM({ ...m, lotAvailabilityCheck: x as MasterPatch['lotAvailabilityCheck'] })}
        />
      </SimpleGrid>
      <Switch
        label={t('items.serialManaged')}
        checked={serial}
        data-testid="item-serial"
        onChange={(e) => setD({ ...d, serialManagement: e.currentTarget.checked })}
      />
      <Select
        label={t('itemEdit.serialClass')}
        clearable
        searchable
        data={codeOptions(serialClasses.data?.items)}
        value={v('serialClass')}
        withAsterisk={serial}
        error={missingClass ? t('itemEdit.serialClassRequired') : undefined}
        onChange={(x) => setD({ ...d, serialClass: x ?? null })}
        data-testid="item-serial-class"
      />
    </Stack>
  );
}

function PlanningTab({ master, m, setM }: { master: MasterView; m: MasterPatch; setM: (m: MasterPatch) => void }) {
  const { t } = useTranslation();
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }),
  });
  const mv = <K extends keyof MasterView>(k: K) => val(m as Partial<MasterView>, master, k);
  return (
    <SimpleGrid cols={3}>
      {PLANNING_DECIMALS.map((k) => (
        <TextInput
          key={k}
          label={t(`itemEdit.planning.${k}`)}
          value={mv(k)}
          onChange={(e) => setM({ ...m, [k]: e.currentTarget.value.trim() })}
        />
      ))}
      <NumberInput
        label={t('itemEdit.planning.supplyLeadDays')}
        min={0}
        max={3650}
        allowDecimal={false}
        value={mv('supplyLeadDays')}
        onChange={(x) => setM({ ...m, supplyLeadDays: Number(x) || 0 })}
      />
      <Select
        label={t('itemEdit.availabilityCheck')}
        allowDeselect={false}
        data={CHECK_MODES.map((x) => ({ value: x, label: t(`itemEdit.check.${x}`) }))}
        value={mv('availabilityCheck')}
        onChange={(x) => x && setM({ ...m, availabilityCheck: x as MasterPatch['availabilityCheck'] })}
      />
      <Select
        label={t('itemEdit.preferredWarehouse')}
        clearable
        searchable
        data={(whs.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
        value={mv('preferredWarehouseId')}
        onChange={(x) => setM({ ...m, preferredWarehouseId: x ?? null })}
      />
    </SimpleGrid>
  );
}

const PLANNING_FIELDS = [
  'minStock',
  'maxStock',
  'reorderPoint',
  'reorderLot',
  'minReorderQuantity',
  'supplyLeadDays',
  'standardCost',
] as const;
type PlanningForm = Record<(typeof PLANNING_FIELDS)[number], string>;
const emptyPlanning = (): PlanningForm => Object.fromEntries(PLANNING_FIELDS.map((k) => [k, ''])) as PlanningForm;

/** Per-warehouse overrides of the planning values; an empty value inherits the item's, all empty removes the override. */
function WarehousePlanningTable({
  itemId,
  rows,
  onChanged,
}: {
  itemId: string;
  rows: WarehousePlanning[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }),
  });
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [f, setF] = useState<PlanningForm>(emptyPlanning());
  const code = (id: string) => whs.data?.items.find((w) => w.id === id)?.code ?? `#${id}`;
  const put = useMutation({
    mutationFn: (body: PlanningBody) =>
      unwrap(
        client.PUT('/api/item-master/items/{id}/warehouse-planning/{warehouseId}', {
          params: { path: { id: itemId, warehouseId: warehouseId! } },
          body,
        }),
      ),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      setWarehouseId(null);
      setF(emptyPlanning());
      onChanged();
    },
  });
  const body = (): PlanningBody => {
    const b: Record<string, string | number | null> = {};
    for (const k of PLANNING_FIELDS)
      b[k] = f[k].trim() === '' ? null : k === 'supplyLeadDays' ? Number(f[k]) : f[k].trim();
    return b as PlanningBody;
  };
  const edit = (r: WarehousePlanning) => {
    setWarehouseId(r.warehouseId);
    setF(Object.fromEntries(PLANNING_FIELDS.map((k) => [k, r[k] === null ? '' : String(r[k])])) as PlanningForm);
  };
  return (
    <Stack gap="xs" mt="md">
      <Text fw={600} size="sm">
        {t('itemEdit.warehousePlanning')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('itemEdit.warehousePlanningHelp')}
      </Text>
      <Table fz="xs" withTableBorder data-testid="warehouse-planning">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.warehouse')}</Table.Th>
            {PLANNING_FIELDS.map((k) => (
              <Table.Th key={k}>{t(`itemEdit.planning.${k}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={PLANNING_FIELDS.length + 2}>{t('itemEdit.noOverrides')}</Table.Td>
            </Table.Tr>
          )}
          {rows.map((r) => (
            <Table.Tr key={r.warehouseId}>
              <Table.Td>{code(r.warehouseId)}</Table.Td>
              {PLANNING_FIELDS.map((k) => (
                <Table.Td key={k}>
                  {r[k] ?? (
                    <Text span c="dimmed" size="xs">
                      {t('itemEdit.inherited')}
                    </Text>
                  )}
                </Table.Td>
              ))}
              <Table.Td>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  onClick={() => edit(r)}
                  aria-label={`${t('itemEdit.edit')} ${code(r.warehouseId)}`}
                >
                  <IconEdit size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={4}>
        <Select
          label={t('stock.warehouse')}
          searchable
          data={(whs.data?.items ?? [])
            .filter((w) => w.kind !== 'virtual')
            .map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          value={warehouseId}
          onChange={(x) => {
            setWarehouseId(x);
            const r = rows.find((y) => y.warehouseId === x);
            if (r) edit(r);
            else setF(emptyPlanning());
          }}
        />
        {PLANNING_FIELDS.map((k) => (
          <TextInput
            key={k}
            label={t(`itemEdit.planning.${k}`)}
            placeholder={t('itemEdit.inherited')}
            value={f[k]}
            onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      {put.error && <Alert color="red">{errorText(t, put.error)}</Alert>}
      <Group justify="flex-end">
        <Button size="xs" disabled={!warehouseId} loading={put.isPending} onClick={() => put.mutate(body())}>
          {t('itemEdit.saveOverride')}
        </Button>
      </Group>
    </Stack>
  );
}

const PRICE_FIELDS = [
  'settlementPrice1',
  'settlementPrice2',
  'settlementPrice3',
  'settlementPrice4',
  'settlementPrice5',
  'inventoryPrice',
  'standardCost',
] as const;

function ItemPrices({ item, d, setD }: { item: ItemView; d: ItemPatch; setD: (d: ItemPatch) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={4}>
      {PRICE_FIELDS.map((k) => (
        <TextInput
          key={k}
          label={t(`itemEdit.price.${k}`)}
          value={val(d as Partial<ItemView>, item, k)}
          onChange={(e) => setD({ ...d, [k]: e.currentTarget.value.trim() })}
        />
      ))}
      <TextInput
        label={t('items.avgPrice')}
        value={item.movingAveragePrice}
        readOnly
        variant="filled"
        description={t('itemEdit.readOnlyLedger')}
      />
    </SimpleGrid>
  );
}

const ACCOUNTING = [
  'accountingCategory',
  'vatCode',
  'analyticCostItem',
  'analyticRevenueItem',
  'costCentre',
  'packageType',
  'netWeight',
  'grossWeight',
] as const;

function AccountingTab({ master, m, setM }: { master: MasterView; m: MasterPatch; setM: (m: MasterPatch) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2}>
      {ACCOUNTING.map((k) => (
        <TextInput
          key={k}
          label={t(`itemEdit.acc.${k}`)}
          value={val(m as Partial<MasterView>, master, k) ?? ''}
          onChange={(e) => setM({ ...m, [k]: orNull(e.currentTarget.value) })}
        />
      ))}
    </SimpleGrid>
  );
}

/** Alternative items in order of preference: add by item code, move, remove; saved as a whole. */
function Alternatives({ item, onChanged }: { item: MasterItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<MasterItem['alternatives'] | null>(null);
  const [code, setCode] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const current = list ?? item.alternatives;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/item-master/items/{id}/alternatives', {
          params: { path: { id: item.item.id } },
          body: { alternativeItemIds: current.map((a) => a.itemId) },
        }),
      ),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      setList(null);
      onChanged();
    },
  });
  const add = async () => {
    setErr(null);
    const c = code.trim();
    try {
      const r = await api.get<Page<{ id: string; code: string; description: string }>>('/api/items', {
        q: c,
        field: 'code',
        match: 'prefix',
        limit: 50,
      });
      const hit = r.items.find((x) => x.code === c);
      if (!hit) return setErr(t('gen.unknownItem', { code: c }));
      if (hit.id === item.item.id || current.some((a) => a.itemId === hit.id))
        return setErr(t('itemEdit.alreadyAlternative', { code: c }));
      setList([...current, { itemId: hit.id, code: hit.code, description: hit.description }]);
      setCode('');
    } catch (e) {
      setErr(errorText(t, e));
    }
  };
  const move = (i: number, dir: -1 | 1) => {
    const n = [...current];
    const [x] = n.splice(i, 1);
    n.splice(i + dir, 0, x!);
    setList(n);
  };
  const row = (a: MasterItem['alternatives'][number], i: number): ReactNode => (
    <Table.Tr key={a.itemId}>
      <Table.Td w={40}>{i + 1}</Table.Td>
      <Table.Td className="mono">{a.code}</Table.Td>
      <Table.Td>{a.description}</Table.Td>
      <Table.Td w={110}>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            size="sm"
            variant="subtle"
            disabled={i === 0}
            onClick={() => move(i, -1)}
            aria-label={`${t('gen.up')} ${a.code}`}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            disabled={i === current.length - 1}
            onClick={() => move(i, 1)}
            aria-label={`${t('gen.down')} ${a.code}`}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            onClick={() => setList(current.filter((x) => x.itemId !== a.itemId))}
            aria-label={`${t('common.delete')} ${a.code}`}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs" mt="md">
      <Text fw={600} size="sm">
        {t('itemEdit.alternatives')}
      </Text>
      <Table fz="sm" withTableBorder data-testid="alternatives">
        <Table.Tbody>
          {current.length === 0 && (
            <Table.Tr>
              <Table.Td>{t('itemEdit.noAlternatives')}</Table.Td>
            </Table.Tr>
          )}
          {current.map(row)}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput
          label={t('itemEdit.alternativeCode')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && code.trim()) void add();
          }}
          error={err}
        />
        <Button size="xs" variant="light" disabled={!code.trim()} onClick={() => void add()}>
          {t('itemEdit.addAlternative')}
        </Button>
        <Button size="xs" disabled={list === null} loading={save.isPending} onClick={() => save.mutate()}>
          {t('itemEdit.saveAlternatives')}
        </Button>
      </Group>
      {save.error && <Alert color="red">{errorText(t, save.error)}</Alert>}
    </Stack>
  );
}
