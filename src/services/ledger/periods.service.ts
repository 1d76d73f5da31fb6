// Accounting periods (fiscal years/periods). A posting date must fall into an open period once periods
// exist; closing needs an empty posting error file and freezes the stock at the end date as a snapshot.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import {
  countPendingPostingErrors,
  findOpenPeriodBefore,
  findOverlappingPeriod,
  insertPeriod,
  insertPeriodSnapshot,
  lockPeriod,
  lockPeriodTable,
  markPeriodClosed,
  periodCodeExists,
  selectPeriods,
} from './periods.repository.js';

export interface PeriodView {
  id: string;
  fiscalYear: number;
  code: string;
  startDate: string;
  endDate: string;
  status: 'open' | 'closed';
  closedAt: string | null;
}
export interface NewPeriod {
  fiscalYear: number;
  code: string;
  startDate: string;
  endDate: string;
}

const view = (r: { closedAt: Date | null } & Omit<PeriodView, 'closedAt'>): PeriodView => ({
  ...r,
  closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
});

export async function listPeriods(
  ctx: ServiceContext,
  actor: Actor,
  filter: { fiscalYear?: number | undefined; status?: 'open' | 'closed' | undefined } = {},
): Promise<PeriodView[]> {
  requireRole(actor, 'counter');
  return (await selectPeriods(ctx.db, filter)).map(view);
}

export async function createPeriod(ctx: ServiceContext, actor: Actor, input: NewPeriod): Promise<PeriodView> {
  requireRole(actor, 'admin');
  if (input.endDate < input.startDate)
    throw new DomainError('validation.failed', 'endDate must not be before startDate', { field: 'endDate' });
  return inTransaction(ctx, async (trx) => {
    // Serialise period creation so two overlapping periods cannot slip in side by side.
    await lockPeriodTable(trx);
    if (await periodCodeExists(trx, input.code)) {
      throw new DomainError('conflict.duplicate', `period ${input.code} already exists`, { field: 'code' });
    }
    const overlap = await findOverlappingPeriod(trx, input.startDate, input.endDate);
    if (overlap) {
      throw new DomainError(
        'conflict.duplicate',
        `the dates overlap period ${overlap.code}: a posting date must belong to one period`,
        { field: 'startDate', params: { period: overlap.code } },
      );
    }
    return view(
      await insertPeriod(trx, {
        fiscalYear: input.fiscalYear,
        code: input.code,
        startDate: input.startDate,
        endDate: input.endDate,
      }),
    );
  });
}

/**
 * Closes a period: refused while the posting error file holds pending postings (they may belong to it) or
 * an earlier period is still open. Stock at the end date is frozen into stock_period_snapshots.
 */
export async function closePeriod(ctx: ServiceContext, actor: Actor, id: string): Promise<PeriodView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const p = found(await lockPeriod(trx, id), `period ${id}`, 'id');
    if (p.status === 'closed')
      throw new DomainError('ledger.period_closed', `period ${p.code} is already closed`, { field: 'id' });
    const pending = await countPendingPostingErrors(trx);
    if (pending > 0) {
      throw new DomainError(
        'ledger.posting_error_file_not_empty',
        `${pending} posting(s) wait in the posting error file; post or discard them before closing period ${p.code}`,
        {
          params: { pending },
        },
      );
    }
    const earlier = await findOpenPeriodBefore(trx, p.startDate);
    if (earlier)
      throw new DomainError('ledger.period_closed', `close period ${earlier.code} first: periods close in date order`, {
        params: { period: earlier.code },
      });
    await insertPeriodSnapshot(trx, p.id, p.endDate);
    return view(await markPeriodClosed(trx, id, ctx.now()));
  });
}
