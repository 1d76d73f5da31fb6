// Item search codes (SPEC §2): any number of alternative codes/barcodes per item, each with its own unit and
// conversion to the primary unit. Scanning one identifies the item *and* the unit counted. The main search
// code (the item code, primary unit, factor 1) is maintained with the item and cannot be deleted here.
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { checkSearchCode, searchTerms } from '../../domain/items/item.js';
import { type ConversionOp, checkConversion } from '../../domain/items/unit.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { defined, mapDbErrors } from '../places/support.js';
import { findItem } from './item.repository.js';
import {
  deleteSearchCodeRow,
  findCodeOwner,
  findSearchCodeHit,
  findSearchTexts,
  insertSearchCode,
  lockItemSearchCode,
  replaceSearchTerms,
  selectItemSearchCodes,
  type ResolvedSearchCode,
  updateSearchCodeRow,
} from './search-code.repository.js';
import { findUnit } from './unit.repository.js';

export type { ResolvedSearchCode } from './search-code.repository.js';

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

const UNIQUE = { item_search_codes_code_key: { field: 'code', message: 'this code already identifies an item' } };

const view = (r: SearchCodeView): SearchCodeView => ({ ...r, conversionFactor: decText(new Dec(r.conversionFactor)) });

/** Rebuilds the word-search terms of items from their code, description and search codes (same transaction). */
export async function refreshSearchTerms(trx: Tx, itemId: string): Promise<void> {
  const texts = await findSearchTexts(trx, itemId);
  await replaceSearchTerms(trx, itemId, texts ? searchTerms(texts) : []);
}

/**
 * A code identifies exactly one item: refused naming the item that already has it. Every item code is its
 * own main search code, so one look-up covers item and search codes.
 */
export async function requireCodeFree(
  trx: Tx,
  code: string,
  field = 'code',
  exceptSearchCodeId: string | null = null,
): Promise<void> {
  const other = await findCodeOwner(trx, code, exceptSearchCodeId);
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
  if (!(await findUnit(trx, unit)))
    throw new DomainError('reference.unknown', `unit ${unit} does not exist`, { field: 'unit' });
}

export async function listSearchCodes(ctx: ServiceContext, actor: Actor, itemId: string): Promise<SearchCodeView[]> {
  requireRole(actor, 'counter');
  found(await findItem(ctx.db, itemId), `item ${itemId}`);
  return (await selectItemSearchCodes(ctx.db, itemId)).map(view);
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
      const item = found(await findItem(trx, itemId, true), `item ${itemId}`);
      await checkCode(trx, input.code, null);
      await checkUnit(trx, input.unit);
      const row = await insertSearchCode(trx, {
        itemId,
        code: input.code,
        unit: input.unit,
        conversionOp: c.op,
        conversionFactor: decText(c.factor as Dec),
        isMain: false,
        description: input.description ?? item.description,
      });
      await refreshSearchTerms(trx, itemId);
      return view(row);
    }),
  );
}

async function loadOwn(trx: Tx, itemId: string, id: string): Promise<SearchCodeView> {
  return found(await lockItemSearchCode(trx, itemId, id), `search code ${id} of item ${itemId}`);
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
      const row = await updateSearchCodeRow(trx, id, set);
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
    await deleteSearchCodeRow(trx, id);
    await refreshSearchTerms(trx, itemId);
  });
}

/**
 * What a scanned or typed code identifies: the item and the unit counted with its conversion to the primary
 * unit (feed `{ op: conversionOp, factor: conversionFactor }` to convertToPrimary). One lookup through the
 * unique index on item_search_codes.code. For the handheld module: authorisation is the caller's.
 */
export async function resolveSearchCode(trx: Tx, code: string): Promise<ResolvedSearchCode | undefined> {
  const row = await findSearchCodeHit(trx, code);
  return row && { ...row, conversionFactor: decText(new Dec(row.conversionFactor)) };
}
