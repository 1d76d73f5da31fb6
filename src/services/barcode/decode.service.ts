// Decoding a scan the way a site sees it: the pure tokenizer (src/domain/barcode) plus the site's active
// user rules in their configured order, with the clock's year as the GS1 two-digit-year reference. The CLI,
// the decode endpoint and the handheld scan all come through here, so they answer with one JSON shape.
import { decodeBarcode, type BarcodeRule, type DecodeResult } from '../../domain/barcode/index.js';
import { requireInScope, scopeOf } from '../site-scope.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { findSiteIdByCode, selectActiveBarcodeRules } from './barcode-rules.repository.js';

export type Assume = 'gtin' | 'gs1';

export interface DecodeInput {
  text: string;
  assume?: Assume | undefined;
  /** Whose rules apply; defaults to the actor's site. Without a site only built-in decoding applies. */
  siteId?: string | undefined;
}

/** Pure decode with already loaded rules; `now` gives the reference year. */
export function decodeText(
  text: string,
  now: Date,
  options: { assume?: Assume | undefined; rules?: BarcodeRule[] } = {},
): DecodeResult {
  return decodeBarcode(text, {
    referenceYear: now.getUTCFullYear(),
    ...(options.assume ? { assume: options.assume } : {}),
    ...(options.rules && options.rules.length > 0 ? { rules: options.rules } : {}),
  });
}

/**
 * The site a request may act on: a user bound to a site sees only that site (an explicit other site answers
 * as a site that does not exist, site-scope.ts); a user without one may name any site or none.
 */
export function siteScope(actor: Actor, siteId: string | undefined | null): string | null {
  if (siteId != null) requireInScope(scopeOf(actor), siteId, `site ${siteId}`, 'siteId');
  return siteId ?? actor.siteId;
}

/**
 * Decodes with the site's rules, reading them only when they can matter: the tokenizer tries user rules
 * only after the built-in GTIN and GS1 interpretations failed, so a scan that decodes as GTIN or GS1
 * without rules decodes the same with them. Saves a query on nearly every handheld scan.
 */
export async function decodeWithSiteRules(
  trx: Tx,
  siteId: string | null,
  text: string,
  now: Date,
  assume?: Assume,
): Promise<DecodeResult> {
  const builtIn = decodeText(text, now, { assume });
  if (builtIn.ok && (builtIn.type === 'gtin' || builtIn.type === 'gs1')) return builtIn;
  // Without a site only built-in decoding applies.
  const rules = siteId === null ? [] : await selectActiveBarcodeRules(trx, siteId);
  return rules.length === 0 ? builtIn : decodeText(text, now, { assume, rules });
}

/** Decode for the API: a failed decode is a value (`ok: false`), not an exception. */
export async function decodeForSite(ctx: ServiceContext, actor: Actor, input: DecodeInput): Promise<DecodeResult> {
  requireRole(actor, 'counter');
  const siteId = siteScope(actor, input.siteId);
  return decodeWithSiteRules(ctx.db, siteId, input.text, ctx.now(), input.assume);
}

/** Decode for the CLI, naming the site by its code. */
export async function decodeForSiteCode(
  ctx: ServiceContext,
  siteCode: string,
  text: string,
  assume?: Assume,
): Promise<DecodeResult> {
  const siteId = await findSiteIdByCode(ctx.db, siteCode);
  if (siteId === undefined) throw new DomainError('not_found', `site ${siteCode} not found`, { field: 'site' });
  return decodeWithSiteRules(ctx.db, siteId, text, ctx.now(), assume);
}
