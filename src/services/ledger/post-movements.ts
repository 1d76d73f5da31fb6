// The one entry point that changes stock. Other modules call postMovements inside their own transaction;
// the ledger use cases (receipt, issue, transfer, adjustment) call it too. Order of work:
// parse → key, period, places, items (throw on bad input) → stock locks (park the whole posting) →
// lock valuations then balances → plan in the domain → write entries, balances, valuations, lots.
import { DomainError } from '../../domain/errors.js';
import {
  type KeyKind,
  type PlaceFacts,
  type PostingInput,
  type PostingLine,
  checkKeyKind,
  checkLine,
  parsePosting,
  planPosting,
} from '../../domain/ledger/index.js';
import type { Actor, ServiceContext, Tx } from '../context.js';
import { type SiteScope, inScope, requireInScope, scopeOf } from '../site-scope.js';
import { allocateAutoLots } from './auto-lots.js';
import { type AvailabilityWarning, checkPostingAvailability } from './availability.js';
import {
  type LockHit,
  findLock,
  insertEntries,
  loadPlaceFacts,
  lockBalances,
  lockValuations,
  nextTransferGroups,
  periodOf,
  saveValuations,
  upsertBalances,
  upsertLots,
} from './posting.repository.js';
import { findTransactionKey } from './keys.repository.js';
import { insertPostingError } from './posting-errors.repository.js';

export type { PostingInput, PostingLineInput } from '../../domain/ledger/index.js';
export type { AvailabilityWarning } from './availability.js';

export interface PostOptions {
  /** A count list posting its own result is not stopped by its own locks. */
  ignoreLocksOfCountList?: string | undefined;
  /** Bypasses lock checking entirely (system corrections that must go through). */
  skipLockCheck?: boolean | undefined;
  /**
   * Applies the items' availability checks (manual issues and transfers): a blocking shortage throws
   * ledger.not_available, a warning comes back in `warnings`. Counted differences are facts and are not checked.
   */
  checkAvailability?: boolean | undefined;
}

export type PostResult =
  | { status: 'posted'; entryIds: string[]; transferGroup?: string; warnings?: AvailabilityWarning[] }
  | { status: 'parked'; postingErrorId: string; reason: string; warnings?: AvailabilityWarning[] };

/** The SYSTEM actor has no users row; entries it writes carry no user. */
export const userIdOf = (actor: Pick<Actor, 'userId'>): string | null => (actor.userId === '0' ? null : actor.userId);

interface Prepared {
  posting: PostingInput;
  kind: KeyKind;
  lines: PostingLine[];
  facts: Awaited<ReturnType<typeof loadPlaceFacts>>;
}

/** Everything that does not depend on locks or stock: a failure here is the caller's input, thrown at once. */
export async function preparePosting(trx: Tx, actor: Pick<Actor, 'siteId'>, posting: PostingInput): Promise<Prepared> {
  const { lines: parsed } = parsePosting(posting);
  const scope = scopeOf(actor);
  requireInScope(scope, posting.siteId, `site ${posting.siteId}`, 'siteId');
  const key = await findTransactionKey(trx, posting.keyCode);
  if (!key)
    throw new DomainError('reference.unknown', `transaction key ${posting.keyCode} does not exist`, {
      field: 'keyCode',
    });
  checkKeyKind(key.kind, key.code, parsed);
  const { anyDefined, period } = await periodOf(trx, posting.postingDate);
  // A fresh install has no periods; once periods exist every posting date must fall into an open one.
  if (anyDefined && !period) {
    throw new DomainError('ledger.period_missing', `no accounting period covers ${posting.postingDate}`, {
      field: 'postingDate',
      params: { postingDate: posting.postingDate },
    });
  }
  if (period?.status === 'closed') {
    throw new DomainError(
      'ledger.period_closed',
      `period ${period.code} is closed: nothing can be posted on ${posting.postingDate}`,
      {
        field: 'postingDate',
        params: { periodId: period.id, period: period.code },
      },
    );
  }
  const facts = factsInScope(await loadPlaceFacts(trx, parsed), scope);
  const lines = await allocateAutoLots(trx, posting.postingDate, parsed, facts);
  for (const line of lines) checkLine(line, posting.siteId, facts);
  return { posting, kind: key.kind, lines, facts };
}

/**
 * The places a scoped user may name: another site's warehouses, zones and bins are left out, so a line naming
 * one is refused exactly as a line naming a place that does not exist.
 */
function factsInScope(facts: PlaceFacts, scope: SiteScope): PlaceFacts {
  if (scope.siteId === null) return facts;
  const warehouses = new Map([...facts.warehouses].filter(([, w]) => inScope(scope, w.siteId)));
  return {
    items: facts.items,
    warehouses,
    zones: new Map([...facts.zones].filter(([, z]) => warehouses.has(z.warehouseId))),
    bins: new Map([...facts.bins].filter(([, b]) => warehouses.has(b.warehouseId))),
  };
}

/** One transfer group per transfer pair (unpaired lines share one): line index → group number. */
async function groupsOf(trx: Tx, lines: PostingLine[]): Promise<Map<number, string>> {
  const pairs = [...new Set(lines.map((l) => l.transferPair))];
  const numbers = await nextTransferGroups(trx, pairs.length);
  const byPair = new Map(pairs.map((pair, i) => [pair, numbers[i]!]));
  return new Map(lines.map((l) => [l.index, byPair.get(l.transferPair)!]));
}

/** Applies a prepared posting: locks, plans, writes. Throws ledger.negative_stock / ledger.serial_quantity. */
export async function applyPosting(
  trx: Tx,
  ctx: ServiceContext,
  userId: string | null,
  p: Prepared,
): Promise<{ status: 'posted'; entryIds: string[]; transferGroup?: string }> {
  const now = ctx.now();
  const valuations = await lockValuations(trx, now, p.lines);
  const locked = await lockBalances(trx, p.lines);
  const balances = new Map([...locked].map(([k, b]) => [k, b.quantity]));
  const plan = planPosting({
    kind: p.kind,
    lines: p.lines,
    items: p.facts.items,
    warehouses: p.facts.warehouses,
    zones: p.facts.zones,
    balances,
    valuations,
  });
  const transferGroups = p.kind === 'transfer' ? await groupsOf(trx, p.lines) : new Map<number, string>();
  const transferGroup = transferGroups.get(p.lines[0]!.index) ?? null;
  const entryIds = await insertEntries(
    trx,
    {
      siteId: p.posting.siteId,
      keyCode: p.posting.keyCode,
      postingDate: p.posting.postingDate,
      originType: p.posting.originType,
      originId: p.posting.originId ?? null,
      costCentre: p.posting.costCentre ?? null,
      transferGroups,
      userId,
      now,
    },
    plan,
  );
  await upsertBalances(trx, p.posting.siteId, now, plan.balances, locked);
  await saveValuations(trx, now, plan.valuations);
  await upsertLots(trx, now, p.lines);
  return transferGroup ? { status: 'posted', entryIds, transferGroup } : { status: 'posted', entryIds };
}

export function lockReason(hit: LockHit): string {
  return `line ${hit.lineIndex}: the stock is locked by open count list ${hit.countListId}; the posting waits in the posting error file until the list is closed`;
}

/** Keeps a posting that ran into a stock lock, whole, for re-processing when the lock is released. */
export async function parkPosting(
  trx: Tx,
  ctx: ServiceContext,
  userId: string | null,
  posting: PostingInput,
  hit: LockHit,
): Promise<{ status: 'parked'; postingErrorId: string; reason: string }> {
  const postingErrorId = await insertPostingError(trx, {
    siteId: posting.siteId,
    posting,
    reasonCode: 'ledger.stock_locked',
    reasonMessage: lockReason(hit),
    countListId: hit.countListId,
    createdAt: ctx.now(),
    userId,
  });
  return { status: 'parked', postingErrorId, reason: 'ledger.stock_locked' };
}

/**
 * Posts stock movements inside the caller's transaction. Returns `parked` (not an error) when the stock is
 * locked by another count list: the whole posting then waits in the posting error file and nothing is applied.
 * Callers authorise; this checks the actor's site.
 */
export async function postMovements(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  posting: PostingInput,
  options: PostOptions = {},
): Promise<PostResult> {
  const prepared = await preparePosting(trx, actor, posting);
  // After automatic lot allocation, so the lots it picked are checked like lots named by hand.
  const warnings = options.checkAvailability ? { warnings: await checkPostingAvailability(trx, prepared.lines) } : {};
  if (!options.skipLockCheck) {
    const hit = await findLock(trx, prepared.lines, options.ignoreLocksOfCountList);
    if (hit) return { ...(await parkPosting(trx, ctx, userIdOf(actor), posting, hit)), ...warnings };
  }
  return { ...(await applyPosting(trx, ctx, userIdOf(actor), prepared)), ...warnings };
}
