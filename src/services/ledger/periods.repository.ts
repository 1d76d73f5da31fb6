// SQL of the accounting periods.
import { sql } from 'kysely';
import type { Tx } from '../context.js';

export interface PeriodRow {
  id: string;
  fiscalYear: number;
  code: string;
  startDate: string;
  endDate: string;
  status: 'open' | 'closed';
  closedAt: Date | null;
}

const COLUMNS = ['id', 'fiscalYear', 'code', 'startDate', 'endDate', 'status', 'closedAt'] as const;

export async function selectPeriods(
  db: Tx,
  filter: { fiscalYear?: number | undefined; status?: 'open' | 'closed' | undefined },
): Promise<PeriodRow[]> {
  let q = db.selectFrom('accountingPeriods').select(COLUMNS).orderBy('startDate');
  if (filter.fiscalYear !== undefined) q = q.where('fiscalYear', '=', filter.fiscalYear);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.execute();
}

/** Serialises period creation so two overlapping periods cannot slip in side by side. */
export async function lockPeriodTable(trx: Tx): Promise<void> {
  await sql`lock table accounting_periods in share row exclusive mode`.execute(trx);
}

export async function periodCodeExists(trx: Tx, code: string): Promise<boolean> {
  return (
    (await trx.selectFrom('accountingPeriods').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

/** The first period whose dates overlap [startDate, endDate]. */
export async function findOverlappingPeriod(
  trx: Tx,
  startDate: string,
  endDate: string,
): Promise<{ code: string } | undefined> {
  return trx
    .selectFrom('accountingPeriods')
    .select('code')
    .where('startDate', '<=', endDate)
    .where('endDate', '>=', startDate)
    .executeTakeFirst();
}

export async function insertPeriod(
  trx: Tx,
  row: { fiscalYear: number; code: string; startDate: string; endDate: string },
): Promise<PeriodRow> {
  return trx.insertInto('accountingPeriods').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function lockPeriod(trx: Tx, id: string): Promise<PeriodRow | undefined> {
  return trx.selectFrom('accountingPeriods').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** How many postings wait in the posting error file. */
export async function countPendingPostingErrors(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('postingErrors')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The earliest open period ending before `date`. */
export async function findOpenPeriodBefore(trx: Tx, date: string): Promise<{ code: string } | undefined> {
  return trx
    .selectFrom('accountingPeriods')
    .select('code')
    .where('status', '=', 'open')
    .where('endDate', '<', date)
    .orderBy('startDate')
    .executeTakeFirst();
}

/** Freezes the stock (quantity and value per position) as the ledger holds it at `endDate`. */
export async function insertPeriodSnapshot(trx: Tx, periodId: string, endDate: string): Promise<void> {
  await sql`
    insert into stock_period_snapshots (period_id, site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value)
    select ${periodId}::bigint, min(site_id), item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, sum(quantity), sum(value)
    from stock_ledger where posting_date <= ${endDate}::date
    group by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
    having sum(quantity) <> 0 or sum(value) <> 0`.execute(trx);
}

export async function markPeriodClosed(trx: Tx, id: string, closedAt: Date): Promise<PeriodRow> {
  return trx
    .updateTable('accountingPeriods')
    .set({ status: 'closed', closedAt })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
