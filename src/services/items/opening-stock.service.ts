// Opening stock from CSV or XLSX: one receipt posting through the ledger's postMovements, so balances,
// valuations and lots are maintained exactly as for any receipt. Rows are resolved by codes set-based and
// checked one by one with the ledger's own line rules (parsePosting + checkLine), so a bad row is reported
// with its line and column instead of failing the file; a whole-posting failure (closed period, wrong key)
// rolls everything back.
import { DomainError } from '../../domain/errors.js';
import { type RowProblem, checkHeader, rowProblem } from '../../domain/items/import.js';
import { type PlaceFacts, type PostingLineInput, checkLine, parsePosting } from '../../domain/ledger/index.js';
import { checkDecimals } from '../../domain/items/unit.js';
import { type Actor, type ServiceContext, inTransaction, requireRole, today } from '../context.js';
import { postMovements } from '../ledger/index.js';
import { findTransactionKey } from '../ledger/keys.repository.js';
import { requireSite } from '../places/support.js';
import { selectItemsWithUnitByCodes } from './item.repository.js';
import { type ImportFile, locateColumns, readImportFile } from './import-files.js';
import type { ImportOptions } from './item-import.service.js';
import { selectOwnerIdsByCode, selectSitePlaces } from './opening-stock.repository.js';

export const OPENING_STOCK_COLUMNS = [
  'itemCode',
  'warehouseCode',
  'zoneCode',
  'binCode',
  'lot',
  'serial',
  'expiryDate',
  'ownerCode',
  'quantity',
  'unitPrice',
] as const;

export interface OpeningStockInput extends ImportOptions {
  siteId: string;
  keyCode: string;
  postingDate?: string | undefined;
}
export interface OpeningStockReport {
  status: 'posted' | 'parked' | 'validated' | 'rejected';
  total: number;
  posted: number;
  rejected: RowProblem[];
  postingErrorId?: string | undefined;
}

/** Ledger field names of a line → the CSV column the user has to fix. */
const COLUMN_OF: Record<string, string> = {
  itemId: 'itemCode',
  warehouseId: 'warehouseCode',
  zoneId: 'zoneCode',
  binId: 'binCode',
  ownerId: 'ownerCode',
};

/** Opening stock from CSV text or XLSX bytes (same rows, same checks, same report). */
export async function importOpeningStock(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  input: OpeningStockInput,
): Promise<OpeningStockReport> {
  requireRole(actor, 'manager');
  requireSite(actor, input.siteId);
  const parsed = await readImportFile(file);
  checkHeader(parsed.header, OPENING_STOCK_COLUMNS, ['itemCode', 'warehouseCode', 'ownerCode', 'quantity']);
  const postingDate = input.postingDate ?? today(ctx);
  return inTransaction(ctx, async (trx) => {
    const key = await findTransactionKey(trx, input.keyCode);
    if (!key)
      throw new DomainError('reference.unknown', `transaction key ${input.keyCode} does not exist`, {
        field: 'keyCode',
      });
    if (key.kind !== 'receipt')
      throw new DomainError(
        'ledger.key_kind_mismatch',
        `opening stock needs a receipt key; ${key.code} is a ${key.kind} key`,
        { field: 'keyCode' },
      );
    const codes = (col: string) => [
      ...new Set(parsed.rows.map((r) => (r.values[col] ?? '').trim()).filter((v) => v !== '')),
    ];
    const items = await selectItemsWithUnitByCodes(trx, codes('itemCode'));
    const { warehouses, zones, bins } = await selectSitePlaces(trx, input.siteId, codes('binCode'));
    const ownerBy = await selectOwnerIdsByCode(trx);
    const itemBy = new Map(items.map((i) => [i.code, i]));
    const whBy = new Map(warehouses.map((w) => [w.code, w]));
    const zoneBy = new Map(zones.map((z) => [`${z.warehouseId}|${z.code}`, z]));
    const binBy = new Map(bins.map((b) => [`${b.warehouseId}|${b.code}`, b]));
    const facts: PlaceFacts = {
      items: new Map(
        items.map((i) => [
          i.id,
          { id: i.id, code: i.code, lotManagement: i.lotManagement, serialManagement: i.serialManagement },
        ]),
      ),
      warehouses: new Map(warehouses.map((w) => [w.id, w])),
      zones: new Map(zones.map((z) => [z.id, z])),
      bins: new Map(bins.map((b) => [b.id, b])),
    };
    const rejected: RowProblem[] = [];
    const lines: PostingLineInput[] = [];
    const header = { siteId: input.siteId, keyCode: key.code, postingDate, originType: 'opening_stock' };
    for (const r of parsed.rows) {
      const v = (c: string) => (r.values[c] ?? '').trim();
      const res = rowProblem(r.line, () => {
        const unknown = (field: string, what: string) =>
          new DomainError('reference.unknown', `${what} does not exist`, { field });
        const item =
          itemBy.get(v('itemCode')) ??
          (() => {
            throw unknown('itemCode', `item ${v('itemCode')}`);
          })();
        const wh =
          whBy.get(v('warehouseCode')) ??
          (() => {
            throw unknown('warehouseCode', `warehouse ${v('warehouseCode')} of the site`);
          })();
        const zone =
          v('zoneCode') === ''
            ? null
            : (zoneBy.get(`${wh.id}|${v('zoneCode')}`) ??
              (() => {
                throw unknown('zoneCode', `zone ${v('zoneCode')} in warehouse ${wh.code}`);
              })());
        const bin =
          v('binCode') === ''
            ? null
            : (binBy.get(`${wh.id}|${v('binCode')}`) ??
              (() => {
                throw unknown('binCode', `bin ${v('binCode')} in warehouse ${wh.code}`);
              })());
        const ownerId =
          ownerBy.get(v('ownerCode')) ??
          (() => {
            throw unknown('ownerCode', `owner ${v('ownerCode')}`);
          })();
        const line: PostingLineInput = {
          itemId: item.id,
          warehouseId: wh.id,
          zoneId: zone?.id ?? bin?.zoneId ?? null,
          binId: bin?.id ?? null,
          lot: v('lot') || null,
          serial: v('serial') || null,
          ownerId,
          quantity: v('quantity').replace(',', '.'),
          unitPrice: v('unitPrice') ? v('unitPrice').replace(',', '.') : null,
          expiryDate: v('expiryDate') || null,
        };
        try {
          const [parsedLine] = parsePosting({ ...header, lines: [line] }).lines;
          if (!parsedLine!.quantity.gt(0))
            throw new DomainError('validation.failed', 'opening stock quantity must be positive', {
              field: 'lines.0.quantity',
            });
          checkDecimals(parsedLine!.quantity, { code: item.primaryUnit, decimals: item.decimals }, 'lines.0.quantity');
          checkLine(parsedLine!, input.siteId, facts);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const f = (e.field ?? '').replace(/^lines\.0\./, '');
          throw new DomainError(e.code, e.message.replace(/lines\.0\./g, ''), {
            field: COLUMN_OF[f] ?? f,
            ...(e.params ? { params: e.params } : {}),
          });
        }
        return line;
      });
      if ('message' in res && 'line' in res) rejected.push(res as RowProblem);
      else lines.push(res as PostingLineInput);
    }
    const total = parsed.rows.length;
    locateColumns(parsed.header, rejected);
    if (input.dryRun) return { status: 'validated', total, posted: 0, rejected };
    if (input.allOrNothing && rejected.length > 0) return { status: 'rejected', total, posted: 0, rejected };
    if (lines.length === 0) return { status: 'posted', total, posted: 0, rejected };
    const result = await postMovements(trx, ctx, actor, { ...header, lines });
    if (result.status === 'parked')
      return { status: 'parked', total, posted: 0, rejected, postingErrorId: result.postingErrorId };
    return { status: 'posted', total, posted: lines.length, rejected };
  });
}

/** The same use case under its CSV name (tests and the benchmark call it so). */
export const importOpeningStockCsv = importOpeningStock;
