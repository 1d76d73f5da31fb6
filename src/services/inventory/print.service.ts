// Printing count lists as PDF (SPEC §4.5): load the lists, their inventories and items in one read-only
// snapshot, let the domain decide what prints (and what to warn about), then draw the sheets. Managers only;
// a site-bound manager sees only the lists of their site (others are not found, as everywhere).
import {
  decidePrint,
  planPrint,
  type PrintListInput,
  type PrintUsage,
  type PrintWarning,
  type PrintedList,
} from '../../domain/inventory/printing.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { requireSite } from './count-list.service.js';
import { countersOf, userNames, type CounterView, type InventoryRow, type ListRow } from './count-list.repository.js';
import { renderCountListsPdf, type PrintLanguage, type Sheet } from './count-list-pdf.js';
import {
  countItemsOfLists,
  findInventoriesByIds,
  findListsByIds,
  findPrintItems,
  ownerLabels,
  type PrintItemRow,
  warehouseLabels,
} from './print.repository.js';

export interface PrintInput {
  listIds: string[];
  usage: PrintUsage;
  blankPages?: number | undefined;
  printReported?: boolean | undefined;
  autoConfirmWarnings?: boolean | undefined;
  language?: PrintLanguage | undefined;
}

export type PrintResult =
  | { status: 'pdf'; pdf: Buffer; filename: string; warnings: PrintWarning[] }
  | { status: 'warnings'; warnings: PrintWarning[] };

/** Items read for one print run at most (all of the chosen lists', printed or not). */
const MAX_ITEMS_READ = 200_000;

type Item = PrintItemRow;

interface Loaded {
  lists: ListRow[];
  inventories: Map<string, InventoryRow>;
  items: Map<string, Item[]>;
  owners: Map<string, string>;
  warehouses: Map<string, string>;
  users: Map<string, string>;
  /** Assigned counters' names per list: the sheet names everyone who may count it. */
  counters: Map<string, CounterView[]>;
}

export async function printCountLists(ctx: ServiceContext, actor: Actor, input: PrintInput): Promise<PrintResult> {
  requireRole(actor, 'manager');
  const ids = [...new Set(input.listIds)];
  if (ids.length === 0)
    throw new DomainError('validation.failed', 'choose at least one count list', { field: 'listIds' });
  const data = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => load(trx, actor, ids));
  const inputs: PrintListInput<Item>[] = data.lists.map((l) => {
    const inv = data.inventories.get(l.inventoryId)!;
    return {
      id: l.id,
      number: l.number,
      countType: l.countType,
      showSystemQuantities: inv.showSystemQuantities,
      reportType: inv.reportType,
      items: data.items.get(l.id) ?? [],
    };
  });
  const decision = decidePrint(planPrint(inputs, input), input.autoConfirmWarnings ?? false);
  if (decision.status === 'warnings') return decision;
  const sheets = decision.lists.map((p) =>
    sheet(
      data,
      data.lists.find((l) => l.id === p.listId)!,
      p,
      input.usage,
    ),
  );
  const pdf = await renderCountListsPdf(sheets, { language: input.language ?? 'en', printedAt: ctx.now() });
  return { status: 'pdf', pdf, filename: fileName(data, decision.lists), warnings: decision.warnings };
}

async function load(trx: Tx, actor: Actor, ids: string[]): Promise<Loaded> {
  const rows = await findListsByIds(trx, ids);
  for (const id of ids) {
    const l = rows.find((r) => r.id === id);
    if (!l)
      throw new DomainError('not_found', `count list ${id} not found`, {
        field: 'listIds',
        params: { countListId: id },
      });
    requireSite(actor, l.siteId, `count list ${id}`);
  }
  const invRows = await findInventoriesByIds(trx, [...new Set(rows.map((r) => r.inventoryId))]);
  const inventories = new Map(invRows.map((i) => [i.id, i]));
  // Inventory number, then list number: the order a manager files them in.
  const lists = rows.sort(
    (a, b) =>
      inventories.get(a.inventoryId)!.number.localeCompare(inventories.get(b.inventoryId)!.number) ||
      a.number.localeCompare(b.number),
  );
  // What prints is bounded by the domain; what is read to decide it is bounded here, before reading it.
  const n = await countItemsOfLists(trx, ids);
  if (n > MAX_ITEMS_READ) {
    throw new DomainError(
      'print.too_large',
      `the chosen count lists have ${n} items; print at most ${MAX_ITEMS_READ} at a time`,
      { params: { items: n, max: MAX_ITEMS_READ } },
    );
  }
  const itemRows = await findPrintItems(trx, ids);
  const items = new Map<string, Item[]>();
  for (const r of itemRows) {
    const of = items.get(r.countListId);
    if (of) of.push(r);
    else items.set(r.countListId, [r]);
  }
  const owners = await ownerLabels(trx, [...new Set(invRows.map((i) => i.ownerId))]);
  const warehouses = await warehouseLabels(trx, [
    ...new Set([...rows.flatMap((l) => (l.warehouseId ? [l.warehouseId] : [])), ...itemRows.map((r) => r.warehouseId)]),
  ]);
  const users = await userNames(
    trx,
    rows.map((l) => l.responsibleUserId),
  );
  const counters = await countersOf(trx, ids);
  return { lists, inventories, items, owners, warehouses, users, counters };
}

function sheet(data: Loaded, list: ListRow, p: PrintedList<Item>, usage: PrintUsage): Sheet {
  const inv = data.inventories.get(list.inventoryId)!;
  // A list spanning several warehouses names them (a few at most) from its printed items.
  const whs = list.warehouseId
    ? [list.warehouseId]
    : [...new Set((data.items.get(list.id) ?? []).map((i) => i.warehouseId))];
  const warehouse =
    whs
      .slice(0, 3)
      .map((w) => data.warehouses.get(w) ?? w)
      .join(', ') + (whs.length > 3 ? ', …' : '');
  return {
    inventoryNumber: inv.number,
    inventoryDescription: inv.description,
    listNumber: list.number,
    listName: list.name,
    countType: list.countType,
    warehouse,
    owner: data.owners.get(inv.ownerId) ?? '',
    countDate: list.countDate ?? inv.stockTakingDate,
    responsible: [
      list.responsibleUserId ? (data.users.get(list.responsibleUserId) ?? '') : '',
      ...(data.counters.get(list.id) ?? []).map((c) => c.name),
    ]
      .filter((n, i, all) => n !== '' && all.indexOf(n) === i)
      .join(', '),
    usage,
    showTargets: p.showTargets,
    blankPages: p.blankPages,
    lines: p.lines.map(({ item: i, target }) => ({
      lineNo: i.lineNo,
      bin: i.binCode ?? '',
      itemCode: i.itemCode ?? '',
      description: i.itemDescription ?? '',
      lotSerial: [i.lot, i.serial].filter(Boolean).join(' / '),
      unit: i.unit ?? '',
      target,
    })),
  };
}

function fileName(data: Loaded, printed: PrintedList<Item>[]): string {
  const lists = printed.map((p) => data.lists.find((l) => l.id === p.listId)!);
  const invs = [...new Set(lists.map((l) => data.inventories.get(l.inventoryId)!.number))];
  const base =
    lists.length === 1
      ? `count-list-${lists[0]!.number}`
      : invs.length === 1
        ? `count-lists-${invs[0]}`
        : 'count-lists';
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
}
