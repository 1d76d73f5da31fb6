// Numbering schemes (SPEC §4.1 numbering; number_sequences): list, read, create and change prefix, width,
// next number and the count-list default of items per list. Managers maintain them; everyone reads them.
// Inventory types and item classes create their own schemes; this is the one screen for all of them.
import { DomainError } from '../../domain/errors.js';
import {
  checkNewSequence,
  checkSequenceChange,
  formatSequenceNumber,
  purposeOf,
  type SequencePurpose,
} from '../../domain/numbering.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { type Page, type PageInput, mapDbErrors, pageOf } from '../places/support.js';
import type { Tx } from '../context.js';
import {
  type SequenceRow,
  type Usage,
  deleteSequence,
  findSequence,
  insertSequence,
  listSequences,
  updateSequence,
  usageOf,
  usedByInventories,
} from './number-sequence.repository.js';

export interface SequenceView extends SequenceRow {
  /** The number the scheme hands out next, formatted. */
  nextNumber: string;
  purpose: SequencePurpose;
  usedBy: Usage[];
}
export interface SequenceInput {
  code: string;
  prefix?: string | undefined;
  width?: number | undefined;
  nextValue?: string | undefined;
  maxItemsPerList?: number | null | undefined;
}
export type SequenceChanges = Partial<Omit<SequenceInput, 'code'>>;

function views(rows: SequenceRow[], usage: Map<string, Usage[]>): SequenceView[] {
  return rows.map((r) => ({
    ...r,
    nextNumber: formatSequenceNumber(r.prefix, r.width, r.nextValue),
    purpose: purposeOf(r.code),
    usedBy: usage.get(r.code) ?? [],
  }));
}

async function load(trx: Tx, code: string): Promise<SequenceView> {
  const r = found(await findSequence(trx, code), `numbering scheme ${code}`);
  return views([r], await usageOf(trx, [code]))[0]!;
}

export async function listNumberSequences(
  ctx: ServiceContext,
  actor: Actor,
  f: PageInput & { q?: string | undefined },
): Promise<Page<SequenceView>> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    const page = pageOf(await listSequences(trx, f), f);
    return {
      ...page,
      items: views(
        page.items,
        await usageOf(
          trx,
          page.items.map((r) => r.code),
        ),
      ),
    };
  });
}

export async function getNumberSequence(ctx: ServiceContext, actor: Actor, code: string): Promise<SequenceView> {
  requireRole(actor, 'counter');
  return load(ctx.db, code);
}

export async function createNumberSequence(
  ctx: ServiceContext,
  actor: Actor,
  input: SequenceInput,
): Promise<SequenceView> {
  requireRole(actor, 'manager');
  const s: SequenceRow = {
    code: input.code,
    prefix: input.prefix ?? '',
    width: input.width ?? 6,
    nextValue: input.nextValue ?? '1',
    maxItemsPerList: input.maxItemsPerList ?? null,
  };
  checkNewSequence(s.code, s);
  return mapDbErrors(
    { unique: { number_sequences_pkey: { field: 'code', message: `numbering scheme ${s.code} already exists` } } },
    () =>
      inTransaction(ctx, async (trx) => {
        if (await findSequence(trx, s.code))
          throw new DomainError('conflict.duplicate', `numbering scheme ${s.code} already exists`, { field: 'code' });
        await insertSequence(trx, s);
        return load(trx, s.code);
      }),
  );
}

export async function updateNumberSequence(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  changes: SequenceChanges,
): Promise<SequenceView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    // The row lock orders this change after any number being taken right now, so the check sees the real value.
    const cur = found(await findSequence(trx, code, { forUpdate: true }), `numbering scheme ${code}`);
    const next = checkSequenceChange(code, cur, {
      prefix: changes.prefix,
      width: changes.width,
      nextValue: changes.nextValue,
    });
    const maxItemsPerList = changes.maxItemsPerList !== undefined ? changes.maxItemsPerList : cur.maxItemsPerList;
    await updateSequence(trx, code, { ...next, maxItemsPerList });
    return load(trx, code);
  });
}

/** Deletes an unused scheme; one that an inventory type, item class or inventory uses is refused. */
export async function deleteNumberSequence(ctx: ServiceContext, actor: Actor, code: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `numbering scheme ${code} is still in use` }, () =>
    inTransaction(ctx, async (trx) => {
      found(await findSequence(trx, code, { forUpdate: true }), `numbering scheme ${code}`);
      if (purposeOf(code) === 'barcode')
        throw new DomainError('conflict.in_use', `numbering scheme ${code} counts generated EANs (GS1 screen)`, {
          params: { usedBy: 'barcode' },
        });
      const use = (await usageOf(trx, [code])).get(code) ?? [];
      if (use.length > 0) {
        const u = use[0]!;
        throw new DomainError(
          'conflict.in_use',
          `numbering scheme ${code} is used by ${u.kind.replace(/_/g, ' ')} ${u.code}`,
          { params: { usedBy: u.kind, code: u.code } },
        );
      }
      if (await usedByInventories(trx, code)) {
        throw new DomainError('conflict.in_use', `numbering scheme ${code} numbers the count lists of an inventory`, {
          params: { usedBy: 'inventory' },
        });
      }
      await deleteSequence(trx, code);
    }),
  );
}
