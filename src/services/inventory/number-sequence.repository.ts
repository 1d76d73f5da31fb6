// Every SQL statement of numbering schemes (number_sequences) and of what refers to them: inventory types,
// inventories, item classes. The use cases in number-sequence.service.ts hold no SQL.
import type { Tx } from '../context.js';
import { escapeLike } from '../places/support.js';

export interface SequenceRow {
  code: string;
  prefix: string;
  width: number;
  nextValue: string;
  maxItemsPerList: number | null;
}
export type UsageKind = 'inventory_type' | 'count_list_type' | 'item_class';
export interface Usage {
  kind: UsageKind;
  code: string;
}

const COLUMNS = ['code', 'prefix', 'width', 'nextValue', 'maxItemsPerList'] as const;
const row = (r: {
  code: string;
  prefix: string;
  width: number;
  nextValue: string | number;
  maxItemsPerList: number | null;
}): SequenceRow => ({ ...r, nextValue: String(r.nextValue) });

/** A page of schemes ordered by code; `q` matches the start of the code or the prefix, or a word inside the code. */
export async function listSequences(
  trx: Tx,
  f: { q?: string | undefined; limit: number; offset: number },
): Promise<SequenceRow[]> {
  let q = trx.selectFrom('numberSequences').select(COLUMNS);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `%${t}%`), eb(eb.fn('lower', ['prefix']), 'like', `${t}%`)]),
    );
  }
  return (
    await q
      .orderBy('code')
      .limit(f.limit + 1)
      .offset(f.offset)
      .execute()
  ).map(row);
}

export async function findSequence(
  trx: Tx,
  code: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SequenceRow | undefined> {
  let q = trx.selectFrom('numberSequences').select(COLUMNS).where('code', '=', code);
  if (opts.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? row(r) : undefined;
}

export async function insertSequence(trx: Tx, s: SequenceRow): Promise<void> {
  await trx.insertInto('numberSequences').values(s).execute();
}

export async function updateSequence(trx: Tx, code: string, s: Omit<SequenceRow, 'code'>): Promise<void> {
  await trx.updateTable('numberSequences').set(s).where('code', '=', code).execute();
}

export async function deleteSequence(trx: Tx, code: string): Promise<void> {
  await trx.deleteFrom('numberSequences').where('code', '=', code).execute();
}

/** What uses each of `codes`: inventory types (inventory and count-list numbers) and item classes. */
export async function usageOf(trx: Tx, codes: string[]): Promise<Map<string, Usage[]>> {
  const out = new Map<string, Usage[]>(codes.map((c) => [c, []]));
  if (codes.length === 0) return out;
  const [types, lists, classes] = await Promise.all([
    trx
      .selectFrom('inventoryTypes')
      .select(['code', 'inventorySequenceCode as seq'])
      .where('inventorySequenceCode', 'in', codes)
      .orderBy('code')
      .execute(),
    trx
      .selectFrom('inventoryTypes')
      .select(['code', 'countListSequenceCode as seq'])
      .where('countListSequenceCode', 'in', codes)
      .orderBy('code')
      .execute(),
    trx
      .selectFrom('itemClasses')
      .select(['code', 'sequenceCode as seq'])
      .where('sequenceCode', 'in', codes)
      .orderBy('code')
      .execute(),
  ]);
  for (const [kind, rows] of [
    ['inventory_type', types],
    ['count_list_type', lists],
    ['item_class', classes],
  ] as const) {
    for (const r of rows) out.get(r.seq)?.push({ kind, code: r.code });
  }
  return out;
}

/** True when an inventory numbers its count lists with the scheme. */
export async function usedByInventories(trx: Tx, code: string): Promise<boolean> {
  const r = await trx
    .selectFrom('inventories')
    .select('id')
    .where('countListSequenceCode', '=', code)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
