// Postings parked by a count list's stock locks (SPEC §4.5–§4.6) run again when the locks go: the ledger
// re-processes them, and those that were closing postings of count lists are recorded on their items.
import type { ServiceContext, Tx } from '../context.js';
import { reprocessPostingErrors } from '../ledger/index.js';
import { findClosingListsOf, recordAppliedClosings } from './closing.repository.js';

/**
 * Re-processes the postings parked by a released lock (reprocessPostingErrors) and records those that were
 * closing postings of count lists on their items. Every release of count-list locks goes through here.
 */
export async function reprocessParkedPostings(
  trx: Tx,
  ctx: ServiceContext,
  filter: { countListId?: string | undefined } = {},
): Promise<{ posted: string[]; pending: string[] }> {
  const r = await reprocessPostingErrors(trx, ctx, filter);
  await recordAppliedClosings(trx, await findClosingListsOf(trx, r.posted));
  return r;
}
