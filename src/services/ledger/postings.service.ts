// Manual stock postings (receipt, issue, transfer, adjustment): each one transaction over postMovements, with
// a key whose kind matches the operation.
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { KeyKind, PostingLineInput } from '../../domain/ledger/index.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkPostingAvailability } from './availability.js';
import { findTransactionKey } from './keys.repository.js';
import {
  type AvailabilityWarning,
  type PostOptions,
  type PostResult,
  type PostingInput,
  postMovements,
  preparePosting,
} from './post-movements.js';

export interface ManualPosting {
  siteId: string;
  keyCode: string;
  /** Defaults to today. */
  postingDate?: string | undefined;
  originType?: string | undefined;
  originId?: string | null | undefined;
  costCentre?: string | null | undefined;
  lines: PostingLineInput[];
}

export interface TransferLine {
  itemId: string;
  ownerId: string;
  lot?: string | null | undefined;
  serial?: string | null | undefined;
  /** Positive quantity moved from → to. */
  quantity: string;
  fromWarehouseId: string;
  fromZoneId?: string | null | undefined;
  fromBinId?: string | null | undefined;
  toWarehouseId: string;
  toZoneId?: string | null | undefined;
  toBinId?: string | null | undefined;
}

export interface TransferPosting extends Omit<ManualPosting, 'lines'> {
  lines: TransferLine[];
}

async function requireKeyKind(trx: Tx, keyCode: string, allowed: KeyKind[]): Promise<void> {
  const key = await findTransactionKey(trx, keyCode);
  if (!key)
    throw new DomainError('reference.unknown', `transaction key ${keyCode} does not exist`, { field: 'keyCode' });
  if (!allowed.includes(key.kind)) {
    throw new DomainError(
      'ledger.key_kind_mismatch',
      `key ${keyCode} is a ${key.kind} key; this operation needs a ${allowed.join(' or ')} key`,
      {
        field: 'keyCode',
        params: { keyCode, kind: key.kind, expected: allowed },
      },
    );
  }
}

/** A manual posting's result; `warnings` lists availability shortages of items whose check only warns. */
export type ManualPostResult = PostResult & { warnings: AvailabilityWarning[] };

const postingOf = (ctx: ServiceContext, input: ManualPosting): PostingInput => ({
  siteId: input.siteId,
  keyCode: input.keyCode,
  postingDate: input.postingDate ?? today(ctx),
  originType: input.originType ?? 'manual',
  originId: input.originId ?? null,
  costCentre: input.costCentre ?? null,
  lines: input.lines,
});

function manual(
  ctx: ServiceContext,
  actor: Actor,
  input: ManualPosting,
  allowed: KeyKind[],
  options: PostOptions = {},
): Promise<ManualPostResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    await requireKeyKind(trx, input.keyCode, allowed);
    const res = await postMovements(trx, ctx, actor, postingOf(ctx, input), options);
    const outcome = res.status === 'posted' ? { entryIds: res.entryIds } : { postingErrorId: res.postingErrorId };
    await recordAudit(trx, ctx, {
      action: 'ledger.manual_posting',
      actor,
      subjectType: 'posting',
      details: {
        keyCode: input.keyCode,
        siteId: input.siteId,
        lines: input.lines.length,
        status: res.status,
        ...outcome,
      },
    });
    return { ...res, warnings: res.warnings ?? [] };
  });
}

/**
 * The availability warnings a posting would get, without posting it (read-only): the same preparation (key,
 * period, places, automatic lots) and the same availability check as the posting, so the screen can have the
 * warnings confirmed first. Bad input and a blocking shortage throw exactly as the posting would.
 */
function check(
  ctx: ServiceContext,
  actor: Actor,
  input: ManualPosting,
  allowed: KeyKind[],
): Promise<{ warnings: AvailabilityWarning[] }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    await requireKeyKind(trx, input.keyCode, allowed);
    const prepared = await preparePosting(trx, actor, postingOf(ctx, input));
    return { warnings: await checkPostingAvailability(trx, prepared.lines) };
  });
}

export const postReceipt = (ctx: ServiceContext, actor: Actor, input: ManualPosting) =>
  manual(ctx, actor, input, ['receipt']);
/** Issues apply the items' availability checks (none / warning / blocking). */
export const postIssue = (ctx: ServiceContext, actor: Actor, input: ManualPosting) =>
  manual(ctx, actor, input, ['issue'], { checkAvailability: true });
/** The warnings postIssue would return, without posting. */
export const checkIssue = (ctx: ServiceContext, actor: Actor, input: ManualPosting) =>
  check(ctx, actor, input, ['issue']);
/** Quantity corrections in either direction, and value adjustments (quantity 0 with a value). */
export const postAdjustment = (ctx: ServiceContext, actor: Actor, input: ManualPosting) =>
  manual(ctx, actor, input, ['adjustment', 'revaluation']);

/** A transfer line becomes an issue at its source and a receipt at its target, sharing one transfer group. */
export function transferLines(lines: TransferLine[]): PostingLineInput[] {
  return lines.flatMap((l, i) => {
    if (
      typeof l.quantity !== 'string' ||
      !/^\d{1,20}(\.\d{1,12})?$/.test(l.quantity) ||
      /^0+(\.0+)?$/.test(l.quantity)
    ) {
      throw new DomainError('validation.failed', `lines.${i}.quantity must be a positive decimal: the quantity moved`, {
        field: `lines.${i}.quantity`,
      });
    }
    const common = { itemId: l.itemId, ownerId: l.ownerId, lot: l.lot ?? null, serial: l.serial ?? null };
    return [
      {
        ...common,
        warehouseId: l.fromWarehouseId,
        zoneId: l.fromZoneId ?? null,
        binId: l.fromBinId ?? null,
        quantity: `-${l.quantity}`,
      },
      {
        ...common,
        warehouseId: l.toWarehouseId,
        zoneId: l.toZoneId ?? null,
        binId: l.toBinId ?? null,
        quantity: l.quantity,
      },
    ];
  });
}

/** Errors name posting lines (two per transfer line); map them back to the transfer line and its side. */
function transferField(field: string | undefined): string | undefined {
  const m = field === undefined ? null : /^lines\.(\d+)\.(\w+)$/.exec(field);
  if (!m) return field;
  const n = Number(m[1]);
  const name = m[2]!;
  const side = n % 2 === 0 ? 'from' : 'to';
  const mapped = ['warehouseId', 'zoneId', 'binId'].includes(name)
    ? `${side}${name[0]!.toUpperCase()}${name.slice(1)}`
    : name;
  return `lines.${Math.floor(n / 2)}.${mapped}`;
}

/** Transfers apply the availability checks at their source warehouse (moves within one warehouse take nothing out of it). */
export async function postTransfer(
  ctx: ServiceContext,
  actor: Actor,
  input: TransferPosting,
): Promise<ManualPostResult> {
  const lines = transferLines(input.lines); // its errors already name the transfer's lines
  return onTransferLines(() => manual(ctx, actor, { ...input, lines }, ['transfer'], { checkAvailability: true }));
}

/** The warnings postTransfer would return, without posting. */
export async function checkTransfer(
  ctx: ServiceContext,
  actor: Actor,
  input: TransferPosting,
): Promise<{ warnings: AvailabilityWarning[] }> {
  const lines = transferLines(input.lines);
  return onTransferLines(() => check(ctx, actor, { ...input, lines }, ['transfer']));
}

/** Runs a use case over a transfer's posting lines, naming the transfer's lines in its warnings and errors. */
async function onTransferLines<R extends { warnings: AvailabilityWarning[] }>(run: () => Promise<R>): Promise<R> {
  try {
    const res = await run();
    return { ...res, warnings: res.warnings.map((w) => ({ ...w, field: transferField(w.field) ?? w.field })) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const field = transferField(e.field);
    throw new DomainError(e.code, e.message.replace(/^lines\.\d+/, field?.replace(/\.\w+$/, '') ?? ''), {
      ...(field ? { field } : {}),
      ...(e.params ? { params: e.params } : {}),
    });
  }
}
