// The full life of an inventory on demo data (issue acceptance): generate bin lists for the structured
// warehouses and article lists for the rest, open them (a job), report everything by import with 5 % of the
// positions counted differently, verify a few (mark, verify, re-report), close every list (a job), close the
// inventory. Afterwards every counted balance equals its counted quantity, and the ledger holds exactly one
// posting per difference (an adjustment entry, or one transfer group out of / into the differences zone).
// It runs for both methods the demo has: continuous (CYC) and stock-taking day (STD, valued at settlement
// price 1), where closing the inventory revalues each item's net receipt (SPEC §4.6) — checked against a
// computation of its own from the counts and the item master.
// 10,000 positions each (about 12 s per run on PGlite here); INVENTUR_FULL_LIFE=<n> sets another size and
// prints the timings.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec, decText } from '../../src/domain/decimal.js';
import { type Actor, SYSTEM_ACTOR, today } from '../../src/services/context.js';
import { loadDemoData } from '../../src/services/demo/demo.service.js';
import { closeInventory } from '../../src/services/inventory/close-inventory.service.js';
import { enqueueCloseCountLists } from '../../src/services/inventory/close.service.js';
import { generateCountLists } from '../../src/services/inventory/generation.service.js';
import { createInventory, startInventory } from '../../src/services/inventory/inventory.service.js';
import { enqueueOpenCountLists } from '../../src/services/inventory/open.service.js';
import { type ImportRow, importCounts } from '../../src/services/inventory/report-import.service.js';
import { setVerificationMark, verifyCountItems } from '../../src/services/inventory/verify.service.js';
import { runJobNow } from '../../src/services/jobs/runner.js';
import { freshDb, type TestDb } from '../helpers/db.js';

const POSITIONS = Number(process.env.INVENTUR_FULL_LIFE ?? 10_000) || 10_000;

interface Line {
  id: string;
  countListId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  target: string;
  status: string;
}

/** The counted quantity: the target, except every 20th line (5 %) — one more, or one less when there is stock. */
function counted(l: Line, k: number, bump = 0): string {
  const target = Number(l.target);
  if (k % 20 !== 7 && bump === 0) return l.target;
  if (l.serial !== '') return target === 1 ? '0' : '1';
  return String(target >= 1 && k % 40 === 7 ? target - 1 : target + 1 + bump);
}

const RUNS = [
  { type: 'CYC', valuationPrice: undefined },
  { type: 'STD', valuationPrice: 'settlement_1' as const },
];

for (const { type, valuationPrice } of RUNS)
  describe(`an inventory's full life on demo data (${type}, ${POSITIONS} positions)`, () => {
    let t: TestDb;
    let manager: Actor;
    let inventoryId: string;
    const db = () => t.ctx.db;
    const log = (what: string, since: number) => {
      if (process.env.INVENTUR_FULL_LIFE || process.env.INVENTUR_PERF)
        console.log(`${t.ctx.engine} ${type} ${POSITIONS} positions, ${what}: ${Date.now() - since} ms`);
    };

    async function countedLines(where = sql`true`): Promise<Line[]> {
      const r = await sql<Line>`
      select id::text, count_list_id::text as "countListId", item_id::text as "itemId", warehouse_id::text as "warehouseId",
        zone_id::text as "zoneId", bin_id::text as "binId", lot, serial, coalesce(target_quantity, 0)::text as target, status
      from count_list_items where inventory_id = ${inventoryId} and not informational and item_id is not null and ${where}
      order by id`.execute(db());
      return r.rows;
    }

    async function importAll(lines: Line[], quantity: (l: Line, k: number) => string): Promise<void> {
      const byList = new Map<string, ImportRow[]>();
      lines.forEach((l, k) => {
        const rows = byList.get(l.countListId) ?? [];
        rows.push({
          itemId: l.itemId,
          warehouseId: l.warehouseId,
          zoneId: l.zoneId,
          binId: l.binId,
          lot: l.lot,
          serial: l.serial,
          quantity: quantity(l, k),
        });
        byList.set(l.countListId, rows);
      });
      for (const [listId, rows] of byList) await importCounts(t.ctx, manager, listId, rows, { mode: 'replace' });
    }

    beforeAll(async () => {
      t = await freshDb();
      const s = Date.now();
      const demo = await loadDemoData(t.ctx, SYSTEM_ACTOR, {
        items: POSITIONS / 10,
        warehouses: 4,
        seed: 7,
        positions: POSITIONS,
      });
      log('demo data', s);
      const m = await db()
        .selectFrom('users')
        .select(['id', 'username', 'siteId'])
        .where('role', '=', 'manager')
        .executeTakeFirstOrThrow();
      manager = { userId: m.id, username: m.username, role: 'manager', siteId: m.siteId };
      const typeRow = await db()
        .selectFrom('inventoryTypes')
        .select('id')
        .where('code', '=', type)
        .executeTakeFirstOrThrow();
      const owner = await db().selectFrom('owners').select('id').where('code', '=', 'OWN').executeTakeFirstOrThrow();
      // The demo's first counter is responsible: generation refuses lists nobody may count.
      const counter = await db()
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'counter')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      inventoryId = (
        await createInventory(t.ctx, manager, {
          typeId: typeRow.id,
          siteId: demo.siteId,
          ownerId: owner.id,
          description: 'Full life',
          responsibleUserId: counter.id,
          ...(type === 'STD' ? { stockTakingDate: today(t.ctx), valuationPrice } : {}),
        })
      ).id;
    }, 600_000);
    afterAll(async () => {
      await t?.close();
    });

    it('generates, opens, counts, verifies, closes; balances equal the counts; one posting per difference', async () => {
      let s = Date.now();
      const bins = await generateCountLists(t.ctx, manager, inventoryId, {
        countType: 'bin',
        stockConsideration: 'occupied_bins',
      });
      // Everything the bin lists do not count (unstructured warehouses and floor zones) goes on article lists.
      const articles = await generateCountLists(t.ctx, manager, inventoryId, {
        countType: 'article',
        stockConsideration: 'all',
      });
      log('generation', s);
      expect(bins.lists.length).toBeGreaterThan(0);
      expect(articles.lists.length).toBeGreaterThan(0);
      const listIds = [...bins.lists, ...articles.lists].map((l) => l.id!);

      await startInventory(t.ctx, manager, inventoryId);
      s = Date.now();
      const opened = await runJobNow(t.ctx, await enqueueOpenCountLists(t.ctx, manager, listIds));
      log('opening job', s);
      expect(opened.status).toBe('succeeded');
      expect((opened.result as { lists: { status: string }[] }).lists.every((l) => l.status === 'open')).toBe(true);

      s = Date.now();
      const lines = await countedLines();
      expect(lines.length).toBeGreaterThan(POSITIONS * 0.5);
      await importAll(lines, counted);
      log('import of every count', s);
      const differences = lines.filter((l, k) => counted(l, k) !== l.target).length;
      expect(differences).toBeGreaterThan(lines.length * 0.04);

      // Verification: three lines of different lists are marked, reopened (a bin list reopens the whole bin)
      // and counted again — one of them now with one piece more.
      const picks = [lines[3]!, lines[Math.floor(lines.length / 2)]!, lines[lines.length - 2]!];
      for (const l of picks) await setVerificationMark(t.ctx, manager, l.id, true);
      const verified = await verifyCountItems(t.ctx, manager, inventoryId, {
        countListIds: [...new Set(picks.map((l) => l.countListId))],
      });
      expect(verified.reopenedItems).toBeGreaterThanOrEqual(3);
      const reopened = await countedLines(sql`status = 'open'`);
      expect(reopened.length).toBe(verified.reopenedItems);
      const index = new Map(lines.map((l, k) => [l.id, k]));
      await importAll(reopened, (l) => counted(l, index.get(l.id)!, l.id === picks[0]!.id ? 1 : 0));

      s = Date.now();
      // What the stock-taking day must revalue, computed here from the counts and the item master alone: each
      // item's net count difference, when a receipt, at settlement price 1 instead of the average it is posted
      // at (the demo receives every item at one price, so its average is its moving average price).
      const expectedValue = type === 'STD' ? await expectedValueAdjustments() : new Map<string, string>();

      const closed = await runJobNow(t.ctx, await enqueueCloseCountLists(t.ctx, manager, listIds));
      log('closing job', s);
      expect(closed.status).toBe('succeeded');
      expect((closed.result as { lists: { status: string }[] }).lists.map((l) => l.status)).toEqual(
        listIds.map(() => 'closed'),
      );
      s = Date.now();
      const done = await closeInventory(t.ctx, manager, inventoryId);
      log('closing the inventory', s);
      expect(done.status).toBe('closed');

      // Value adjustments (stock-taking day only): exactly the expected ones, in the result and in the ledger.
      const values = await sql<{ itemId: string; quantity: string; value: string }>`
        select item_id::text as "itemId", quantity::text, value::text from stock_ledger
        where origin_type = 'inventory' and origin_id = ${inventoryId} order by item_id`.execute(db());
      if (type === 'STD') expect(expectedValue.size).toBeGreaterThan(10);
      expect(values.rows.length).toBe(expectedValue.size);
      expect(new Map(values.rows.map((v) => [v.itemId, decText(new Dec(v.value))]))).toEqual(expectedValue);
      expect(values.rows.every((v) => new Dec(v.quantity).isZero())).toBe(true);
      expect(new Map(done.valueAdjustments.map((a) => [a.itemId, a.value]))).toEqual(expectedValue);
      expect(done.valueAdjustmentParked).toBe(false);

      // Every counted position now holds its counted quantity.
      const mismatches = await sql<{ n: string }>`
        select count(*) as n from count_list_items c
        left join stock_balances b on b.item_id = c.item_id and b.warehouse_id = c.warehouse_id and b.zone_id is not distinct from c.zone_id
          and b.bin_id is not distinct from c.bin_id and b.lot = c.lot and b.serial = c.serial and b.owner_id = c.owner_id
        where c.inventory_id = ${inventoryId} and not c.informational and c.item_id is not null
          and coalesce(b.quantity, 0) <> c.reported_quantity`.execute(db());
      expect(Number(mismatches.rows[0]!.n)).toBe(0);

      // One posting per difference: an adjustment entry, or a transfer group of two entries (the counted
      // place and the differences zone) that nets to zero; nothing else was posted by the count lists.
      const diffs = await sql<{
        n: string;
      }>`select count(*) as n from count_list_items where inventory_id = ${inventoryId} and posted_quantity <> 0`.execute(
        db(),
      );
      const postings = await sql<{ postings: string; adjustments: string; groups: string; badGroups: string }>`
        with e as (select * from stock_ledger where origin_type = 'count_list' and origin_id in (select id::text from count_lists where inventory_id = ${inventoryId}))
        select (select count(*) from e where transfer_group is null) + (select count(distinct transfer_group) from e) as postings,
          (select count(*) from e where transfer_group is null) as adjustments,
          (select count(distinct transfer_group) from e) as groups,
          (select count(*) from (select transfer_group from e where transfer_group is not null group by transfer_group
            having count(*) <> 2 or sum(quantity) <> 0) g) as "badGroups"`.execute(db());
      const p = postings.rows[0]!;
      expect(Number(diffs.rows[0]!.n)).toBeGreaterThanOrEqual(differences - 1);
      expect(Number(p.postings)).toBe(Number(diffs.rows[0]!.n));
      expect(Number(p.groups)).toBeGreaterThan(0);
      expect(Number(p.adjustments)).toBeGreaterThan(0);
      expect(Number(p.badGroups)).toBe(0);
      // The posted quantity of each line is what its ledger entry at the counted place moved.
      const unmatched = await sql<{ n: string }>`
        select count(*) as n from count_list_items c
        where c.inventory_id = ${inventoryId} and c.posted_quantity <> 0 and 1 <> (
          select count(*) from stock_ledger l where l.origin_type = 'count_list' and l.origin_id = c.count_list_id::text
            and l.item_id = c.item_id and l.warehouse_id = c.warehouse_id and l.zone_id is not distinct from c.zone_id
            and l.bin_id is not distinct from c.bin_id and l.lot = c.lot and l.serial = c.serial and l.quantity = c.posted_quantity)`.execute(
        db(),
      );
      expect(Number(unmatched.rows[0]!.n)).toBe(0);
    }, 900_000);

    /** Item → value of its expected value adjustment (net receipt × (settlement price 1 − moving average)). */
    async function expectedValueAdjustments(): Promise<Map<string, string>> {
      const r = await sql<{ itemId: string; net: string; settlement: string; average: string }>`
      select c.item_id::text as "itemId", sum(c.reported_quantity - coalesce(c.target_quantity, 0))::text as net,
        i.settlement_price_1::text as settlement, i.moving_average_price::text as average
      from count_list_items c join items i on i.id = c.item_id
      where c.inventory_id = ${inventoryId} and not c.informational and c.item_id is not null
      group by c.item_id, i.settlement_price_1, i.moving_average_price`.execute(db());
      const out = new Map<string, string>();
      for (const x of r.rows) {
        const value = new Dec(x.net).times(new Dec(x.settlement).minus(x.average)).toDecimalPlaces(2);
        if (new Dec(x.net).gt(0) && !value.isZero()) out.set(x.itemId, decText(value));
      }
      return out;
    }
  });
