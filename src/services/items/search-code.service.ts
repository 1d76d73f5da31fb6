// Item search codes (SPEC §2): any number of alternative codes/barcodes per item, each with its own unit and
// conversion to the primary unit. Scanning one identifies the item *and* the unit counted. The main search
// code (the item code, primary unit, factor 1) is maintained with the item and cannot be deleted here.
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { checkSearchCode, searchTerms, type LotManagement } from '../../domain/item.js';
import { type ConversionOp, checkConversion } from '../../domain/unit.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { defined, mapDbErrors } from '../places/support.js';

export interface SearchCodeView {
  id: string;
  itemId: string;
  code: string;
  unit: string;
  conversionOp: ConversionOp;
  conversionFactor: string;
  isMain: boolean;
  description: string;
}
export interface SearchCodeInput {
  code: string;
  unit: string;
  conversionOp?: ConversionOp | undefined;
  conversionFactor?: string | undefined;
  description?: string | undefined;
}
export type SearchCodeChanges = Partial<Omit<SearchCodeInput, 'code'>> & { code?: string | undefined };

const COLUMNS = ['id', 'itemId', 'code', 'unit', 'conversionOp', 'conversionFactor', 'isMain', 'description'] as const;
const UNIQUE = { item_search_codes_code_key: { field: 'code', message: 'this code already identifies an item' } };

const view = (r: SearchCodeView): SearchCodeView => ({ ...r, conversionFactor: decText(new Dec(r.conversionFactor)) });

/** Rebuilds the word-search terms of items from their code, description and search codes (same transaction). */
export async function refreshSearchTerms(trx: Tx, itemId: string): Promise<void> {
  const item = await trx
    .selectFrom('items')
    .select(['code', 'description'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  await trx.deleteFrom('itemSearchTerms').where('itemId', '=', itemId).execute();
  if (!item) return;
  const codes = await trx.selectFrom('itemSearchCodes').select('code').where('itemId', '=', itemId).execute();
  const terms = searchTerms([item.code, item.description, ...codes.map((c) => c.code)]);
  if (terms.length > 0)
    await trx
      .insertInto('itemSearchTerms')
      .values(terms.map((term) => ({ itemId, term })))
      .execute();
}

/** The item whose item or search code `code` already is (every item code is its own main search code). */
export async function codeOwner(
  trx: Tx,
  code: string,
  exceptSearchCodeId: string | null = null,
): Promise<string | undefined> {
  let q = trx
    .selectFrom('itemSearchCodes')
    .innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select('items.code as itemCode')
    .where('itemSearchCodes.code', '=', code);
  if (exceptSearchCodeId) q = q.where('itemSearchCodes.id', '<>', exceptSearchCodeId);
  return (await q.executeTakeFirst())?.itemCode;
}

/** A code identifies exactly one item: refused naming the item that already has it. */
export async function requireCodeFree(
  trx: Tx,
  code: string,
  field = 'code',
  exceptSearchCodeId: string | null = null,
): Promise<void> {
  const other = await codeOwner(trx, code, exceptSearchCodeId);
  if (other)
    throw new DomainError('conflict.duplicate', `code ${code} already identifies item ${other}`, {
      field,
      params: { item: other },
    });
}

async function checkCode(trx: Tx, code: string, exceptId: string | null): Promise<void> {
  checkSearchCode(code);
  await requireCodeFree(trx, code, 'code', exceptId);
}

async function checkUnit(trx: Tx, unit: string): Promise<void> {
  const u = await trx.selectFrom('units').select('code').where('code', '=', unit).executeTakeFirst();
  if (!u) throw new DomainError('reference.unknown', `unit ${unit} does not exist`, { field: 'unit' });
}

export async function listSearchCodes(ctx: ServiceContext, actor: Actor, itemId: string): Promise<SearchCodeView[]> {
  requireRole(actor, 'counter');
  found(await ctx.db.selectFrom('items').select('id').where('id', '=', itemId).executeTakeFirst(), `item ${itemId}`);
  const rows = await ctx.db
    .selectFrom('itemSearchCodes')
    .select(COLUMNS)
    .where('itemId', '=', itemId)
    .orderBy('isMain', 'desc')
    .orderBy('code')
    .execute();
  return rows.map(view);
}

export async function addSearchCode(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  input: SearchCodeInput,
): Promise<SearchCodeView> {
  requireRole(actor, 'manager');
  const c = checkConversion(input.conversionOp ?? 'x', input.conversionFactor ?? '1');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const item = found(
        await trx
          .selectFrom('items')
          .select(['id', 'description'])
          .where('id', '=', itemId)
          .forUpdate()
          .executeTakeFirst(),
        `item ${itemId}`,
      );
      await checkCode(trx, input.code, null);
      await checkUnit(trx, input.unit);
      const row = await trx
        .insertInto('itemSearchCodes')
        .values({
          itemId,
          code: input.code,
          unit: input.unit,
          conversionOp: c.op,
          conversionFactor: decText(c.factor as Dec),
          isMain: false,
          description: input.description ?? item.description,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await refreshSearchTerms(trx, itemId);
      return view(row);
    }),
  );
}

async function loadOwn(trx: Tx, itemId: string, id: string): Promise<SearchCodeView> {
  const row = await trx
    .selectFrom('itemSearchCodes')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('itemId', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  return found(row, `search code ${id} of item ${itemId}`);
}

export async function updateSearchCode(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  id: string,
  changes: SearchCodeChanges,
): Promise<SearchCodeView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadOwn(trx, itemId, id);
      if (
        current.isMain &&
        (changes.code !== undefined ||
          changes.unit !== undefined ||
          changes.conversionOp !== undefined ||
          changes.conversionFactor !== undefined)
      ) {
        throw new DomainError(
          'item.search_code_main',
          'the main search code follows the item code and primary unit; change the item instead',
          {
            field: changes.code !== undefined ? 'code' : changes.unit !== undefined ? 'unit' : 'conversionFactor',
          },
        );
      }
      if (changes.code !== undefined && changes.code !== current.code) await checkCode(trx, changes.code, id);
      if (changes.unit !== undefined) await checkUnit(trx, changes.unit);
      const c = checkConversion(
        changes.conversionOp ?? current.conversionOp,
        changes.conversionFactor ?? current.conversionFactor,
      );
      const set = {
        ...defined({ code: changes.code, unit: changes.unit, description: changes.description }),
        conversionOp: c.op,
        conversionFactor: decText(c.factor as Dec),
      };
      const row = await trx
        .updateTable('itemSearchCodes')
        .set(set)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      if (row.code !== current.code) await refreshSearchTerms(trx, itemId);
      return view(row);
    }),
  );
}

export async function deleteSearchCode(ctx: ServiceContext, actor: Actor, itemId: string, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    const current = await loadOwn(trx, itemId, id);
    if (current.isMain) {
      throw new DomainError(
        'item.search_code_main',
        `${current.code} is the main search code of the item; it cannot be deleted`,
        { field: 'id' },
      );
    }
    await trx.deleteFrom('itemSearchCodes').where('id', '=', id).execute();
    await refreshSearchTerms(trx, itemId);
  });
}

export interface ResolvedSearchCode {
  itemId: string;
  itemCode: string;
  unit: string;
  conversionOp: ConversionOp;
  conversionFactor: string;
  lotManagement: LotManagement;
  serialManagement: boolean;
  primaryUnit: string;
  description: string;
}

/**
 * What a scanned or typed code identifies: the item and the unit counted with its conversion to the primary
 * unit (feed `{ op: conversionOp, factor: conversionFactor }` to convertToPrimary). One lookup through the
 * unique index on item_search_codes.code. For the handheld module: authorisation is the caller's.
 */
export async function resolveSearchCode(trx: Tx, code: string): Promise<ResolvedSearchCode | undefined> {
  const row = await trx
    .selectFrom('itemSearchCodes')
    .innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select([
      'items.id as itemId',
      'items.code as itemCode',
      'itemSearchCodes.unit',
      'itemSearchCodes.conversionOp',
      'itemSearchCodes.conversionFactor',
      'items.lotManagement',
      'items.serialManagement',
      'items.primaryUnit',
      'items.description',
    ])
    .where('itemSearchCodes.code', '=', code)
    .executeTakeFirst();
  return row && { ...row, conversionFactor: decText(new Dec(row.conversionFactor)) };
}
