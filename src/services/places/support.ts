// Helpers shared by the place and item services: database constraint errors → DomainError, site scoping,
// patches without undefined, pages.
import { CamelCasePlugin } from 'kysely';
import { likeEscape } from '../../domain/items/item.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor, Tx } from '../context.js';
import { constraintOf, sqlState } from '../db-errors.js';
import { requireInScope, scopeOf, visibleIn } from '../site-scope.js';

const DIGIT_SAFE = new CamelCasePlugin({ underscoreBeforeDigits: true });

/**
 * The shared CamelCasePlugin maps `classification1` to `classification1`, but the columns are
 * `classification_1` / `settlement_price_1`: writing or filtering by them needs underscoreBeforeDigits.
 * Reads are unaffected (snake → camel drops the underscore either way).
 */
export function digitSafe<T extends Tx>(trx: T): T {
  return trx.withoutPlugins().withPlugin(DIGIT_SAFE) as T;
}

export interface DbErrorMap {
  /** Message for a foreign-key violation on delete: something still refers to the row. */
  inUse?: string;
  /** Unique index name → the field it is about and the message. */
  unique?: Record<string, { field: string; message: string }>;
}

/**
 * Runs a use case and turns constraint violations into domain errors. The database is the last line of
 * defence (races between two requests); the services check the common cases first with clearer messages.
 */
export async function mapDbErrors<T>(map: DbErrorMap, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const state = sqlState(e);
    if (state === '23503' && map.inUse) {
      const detail = /on table "([^"]+)"/.exec(String((e as Error).message ?? ''))?.[1];
      throw new DomainError('conflict.in_use', map.inUse, detail ? { params: { referencedBy: detail } } : {});
    }
    if (state === '23505') {
      const u = map.unique?.[constraintOf(e)];
      if (u) throw new DomainError('conflict.duplicate', u.message, { field: u.field });
      throw new DomainError('conflict.duplicate', 'a record with the same key already exists');
    }
    throw e;
  }
}

/** The site an actor is limited to, or null when they see every site (the rule is site-scope.ts). */
export function siteScope(actor: Actor): string | null {
  return scopeOf(actor).siteId;
}

/** Reading another site's record looks exactly like a missing one: ids of other sites are not revealed. */
export function visible<T extends { siteId: string }>(actor: Actor, row: T | undefined): T | undefined {
  return visibleIn(scopeOf(actor), row);
}

/** Naming another site (a body's siteId, a row's site) answers as for a site that does not exist. */
export function requireSite(actor: Actor, siteId: string): void {
  requireInScope(scopeOf(actor), siteId, `site ${siteId}`, 'siteId');
}

/** Drops undefined values so a PATCH changes only what was sent. */
export function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export interface PageInput {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

/** Builds a page from `limit + 1` fetched rows. */
export function pageOf<T>(rows: T[], p: PageInput): Page<T> {
  const more = rows.length > p.limit;
  return { items: more ? rows.slice(0, p.limit) : rows, nextOffset: more ? p.offset + p.limit : null };
}

/** Escapes LIKE wildcards so user text matches literally (the domain's likeEscape, under the name places use). */
export const escapeLike = likeEscape;
