// Accounting periods (fiscal years/periods). A posting date must fall into an open period once periods
// exist; closing needs an empty posting error file and freezes the stock at the end date as a snapshot.
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';

export interface PeriodView {
  id: string; fiscalYear: number; code: string; startDate: string; endDate: string; status: 'open' | 'closed'; closedAt: string | null;
}
export interface NewPeriod { fiscalYear: number; code: string; startDate: string; endDate: string }

const COLUMNS = ['id', 'fiscalYear', 'code', 'startDate', 'endDate', 'status', 'closedAt'] as const;
const view = (r: { closedAt: Date | null } & Omit<PeriodView, 'closedAt'>): PeriodView => ({ ...r, closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null });

export async function listPeriods(ctx: ServiceContext, actor: Actor, filter: { fiscalYear?: number | undefined; status?: 'open' | 'closed' | undefined } = {}): Promise<PeriodView[]> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('accountingPeriods').select(COLUMNS).orderBy('startDate');
  if (filter.fiscalYear !== undefined) q = q.where('fiscalYear', '=', filter.fiscalYear);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.execute()).map(view);
}

export async function createPeriod(ctx: ServiceContext, actor: Actor, input: NewPeriod): Promise<PeriodView> {
  requireRole(actor, 'admin');
  if (input.endDate < input.startDate) throw new DomainError('validation.failed', 'endDate must not be before startDate', { field: 'endDate' });
  return inTransaction(ctx, async (trx) => {
    // Serialise period creation so two overlapping periods cannot slip in side by side.
    await sql`lock table accounting_periods in share row exclusive mode`.execute(trx);
    if (await trx.selectFrom('accountingPeriods').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw new DomainError('conflict.duplicate', `period ${input.code} already exists`, { field: 'code' });
    }
    const overlap = await trx.selectFrom('accountingPeriods').select('code')
      .where('startDate', '<=', input.endDate).where('endDate', '>=', input.startDate).executeTakeFirst();
    if (overlap) {
      throw new DomainError('conflict.duplicate', `the dates overlap period ${overlap.code}: a posting date must belong to one period`, { field: 'startDate', params: { period: overlap.code } });
    }
    return view(await trx.insertInto('accountingPeriods').values(input).returning(COLUMNS).executeTakeFirstOrThrow());
  });
}

/**
 * Closes a period: refused while the posting error file holds pending postings (they may belong to it) or
 * an earlier period is still open. Stock at the end date is frozen into stock_period_snapshots.
 */
export async function closePeriod(ctx: ServiceContext, actor: Actor, id: string): Promise<PeriodView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const p = found(await trx.selectFrom('accountingPeriods').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst(), `period ${id}`, 'id');
    if (p.status === 'closed') throw new DomainError('ledger.period_closed', `period ${p.code} is already closed`, { field: 'id' });
    const pending = await trx.selectFrom('postingErrors').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(pending.n) > 0) {
      throw new DomainError('ledger.posting_error_file_not_empty', `${pending.n} posting(s) wait in the posting error file; post or discard them before closing period ${p.code}`, {
        params: { pending: Number(pending.n) },
      });
    }
    const earlier = await trx.selectFrom('accountingPeriods').select('code').where('status', '=', 'open').where('endDate', '<', p.startDate).orderBy('startDate').executeTakeFirst();
    if (earlier) throw new DomainError('ledger.period_closed', `close period ${earlier.code} first: periods close in date order`, { params: { period: earlier.code } });
    await sql`
      insert into stock_period_snapshots (period_id, site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value)
      select ${p.id}::bigint, min(site_id), item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, sum(quantity), sum(value)
      from stock_ledger where posting_date <= ${p.endDate}::date
      group by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
      having sum(quantity) <> 0 or sum(value) <> 0`.execute(trx);
    return view(await trx.updateTable('accountingPeriods').set({ status: 'closed', closedAt: ctx.now() }).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow());
  });
}
