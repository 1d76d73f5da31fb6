// Bins (storage places) of structured zones. The client sends the structural elements; the code is derived
// (`aisle-row-level-place`). Warehouses have thousands of bins, so a range is created with one INSERT.
import { DomainError } from '../../domain/errors.js';
import { type BinRanges, checkBinAllowed, expandBinRanges, makeBin } from '../../domain/place.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import {
  type BinFilter,
  type BinView,
  binRangeDocument,
  countExistingBinCodes,
  deleteBinRow,
  findBin,
  findBinsByCodeOrBarcode,
  findExistingBinCodes,
  insertBin,
  insertBinRange,
  listBinRows,
  lockBins,
  setBlocked,
  updateBinRow,
} from './bin.repository.js';
import { type Page, defined, mapDbErrors, pageOf, requireSite, siteScope, visible } from './support.js';
import { loadZone } from './zone.service.js';

export type { BinView, BinFilter };

export interface BinElementsInput {
  aisle?: string | null | undefined;
  row?: string | null | undefined;
  level?: string | null | undefined;
  place: string;
}
export interface BinInput extends BinElementsInput {
  zoneId: string;
  barcode?: string | null | undefined;
  blocked?: boolean | undefined;
}
export type BinChanges = Partial<Omit<BinInput, 'zoneId'>>;
export interface BulkBinInput {
  zoneId: string;
  ranges: BinRanges;
  skipExisting?: boolean | undefined;
  dryRun?: boolean | undefined;
}
export interface BulkBinResult {
  requested: number;
  created: number;
  skipped: number;
  firstCode: string;
  lastCode: string;
  /** Dry run only: some of the codes that would be created, in order (the first, a few between, the last). */
  sample?: string[];
}

const SAMPLE_SIZE = 12;

/** Up to SAMPLE_SIZE codes spread evenly over the range, first and last included, in order. */
function sampleOf(codes: string[]): string[] {
  if (codes.length <= SAMPLE_SIZE) return codes;
  const step = (codes.length - 1) / (SAMPLE_SIZE - 1);
  return Array.from({ length: SAMPLE_SIZE }, (_, i) => codes[Math.round(i * step)]!);
}

const UNIQUE = {
  bins_warehouse_code_key: { field: 'place', message: 'a bin with this code already exists in the warehouse' },
  bins_warehouse_barcode_key: { field: 'barcode', message: 'another bin of the warehouse already has this barcode' },
};

async function loadBin(trx: Tx, actor: Actor, id: string): Promise<BinView> {
  const row = await findBin(trx, id);
  return found(visible(actor, row), `bin ${id}`);
}

export async function listBins(ctx: ServiceContext, actor: Actor, f: BinFilter): Promise<Page<BinView>> {
  requireRole(actor, 'counter');
  // Walking order of the warehouse: zone, aisle, row, level, place.
  const rows = await listBinRows(ctx.db, siteScope(actor), f);
  return pageOf(rows, f);
}

export async function getBin(ctx: ServiceContext, actor: Actor, id: string): Promise<BinView> {
  requireRole(actor, 'counter');
  return loadBin(ctx.db, actor, id);
}

export async function createBin(ctx: ServiceContext, actor: Actor, input: BinInput): Promise<BinView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const zone = await loadZone(trx, actor, input.zoneId, 'zoneId');
      requireSite(actor, zone.siteId);
      checkBinAllowed(zone);
      const b = makeBin(zone.organisation, input);
      return insertBin(trx, {
        siteId: zone.siteId,
        warehouseId: zone.warehouseId,
        zoneId: zone.id,
        code: b.code,
        aisle: b.aisle,
        rowNo: b.row,
        levelNo: b.level,
        place: b.place,
        barcode: input.barcode ?? null,
        blocked: input.blocked ?? false,
        createdAt: ctx.now(),
      });
    }),
  );
}

/**
 * Creates every bin of a range (rows 01–10 × levels 1–5 × places 001–020) in ONE insert from a JSON
 * document. Existing codes are refused (listing a few) unless skipExisting, which keeps them untouched.
 * A dry run answers the same (or refuses the same) without writing, plus a sample of the derived codes, so
 * the screen previews exactly what the server would create.
 */
export async function createBinRange(ctx: ServiceContext, actor: Actor, input: BulkBinInput): Promise<BulkBinResult> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const zone = await loadZone(trx, actor, input.zoneId, 'zoneId');
      requireSite(actor, zone.siteId);
      checkBinAllowed(zone);
      const bins = expandBinRanges(zone.organisation, input.ranges);
      const doc = binRangeDocument(bins);
      if (!input.skipExisting) {
        const codes = await findExistingBinCodes(trx, zone.warehouseId, doc, 5);
        if (codes.length > 0) {
          throw new DomainError(
            'conflict.duplicate',
            `bins already exist: ${codes.join(', ')}${codes.length === 5 ? ', …' : ''}; send skipExisting to keep them`,
            {
              field: 'ranges',
              params: { existing: codes },
            },
          );
        }
      }
      if (input.dryRun) {
        const skipped = await countExistingBinCodes(trx, zone.warehouseId, doc);
        return {
          requested: bins.length,
          created: bins.length - skipped,
          skipped,
          firstCode: bins[0]!.code,
          lastCode: bins[bins.length - 1]!.code,
          sample: sampleOf(bins.map((b) => b.code)),
        };
      }
      const created = await insertBinRange(
        trx,
        { siteId: zone.siteId, warehouseId: zone.warehouseId, zoneId: zone.id },
        doc,
        ctx.now(),
      );
      return {
        requested: bins.length,
        created,
        skipped: bins.length - created,
        firstCode: bins[0]!.code,
        lastCode: bins[bins.length - 1]!.code,
      };
    }),
  );
}

export async function updateBin(ctx: ServiceContext, actor: Actor, id: string, changes: BinChanges): Promise<BinView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadBin(trx, actor, id);
      requireSite(actor, current.siteId);
      const touchesElements =
        changes.aisle !== undefined ||
        changes.row !== undefined ||
        changes.level !== undefined ||
        changes.place !== undefined;
      let elements = {};
      if (touchesElements) {
        const zone = await loadZone(trx, actor, current.zoneId);
        const b = makeBin(zone.organisation, {
          aisle: changes.aisle !== undefined ? changes.aisle : current.aisle,
          row: changes.row !== undefined ? changes.row : current.row,
          level: changes.level !== undefined ? changes.level : current.level,
          place: changes.place ?? current.place,
        });
        elements = { code: b.code, aisle: b.aisle, rowNo: b.row, levelNo: b.level, place: b.place };
      }
      const set = { ...elements, ...defined({ barcode: changes.barcode, blocked: changes.blocked }) };
      if (Object.keys(set).length === 0) return current;
      return updateBinRow(trx, id, set);
    }),
  );
}

/**
 * Blocks or unblocks many bins in one transaction (the selected rows of the bins screen). Every id must be a
 * bin the actor may change; otherwise nothing changes. Returns how many bins changed their state.
 */
export async function setBinsBlocked(
  ctx: ServiceContext,
  actor: Actor,
  input: { ids: string[]; blocked: boolean },
): Promise<{ changed: number }> {
  requireRole(actor, 'manager');
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (trx) => {
    const rows = await lockBins(trx, ids);
    const seen = new Set(rows.filter((r) => visible(actor, r)).map((r) => r.id));
    const missing = ids.find((id) => !seen.has(id));
    if (missing !== undefined) found(undefined, `bin ${missing}`, 'ids');
    for (const siteId of new Set(rows.map((r) => r.siteId))) requireSite(actor, siteId);
    return { changed: await setBlocked(trx, ids, input.blocked) };
  });
}

export async function deleteBin(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors(
    { inUse: `bin ${id} still has stock, movements or count lists referring to it; block it instead` },
    () =>
      inTransaction(ctx, async (trx) => {
        const current = await loadBin(trx, actor, id);
        requireSite(actor, current.siteId);
        await deleteBinRow(trx, id);
      }),
  );
}

export interface ResolvedBin {
  id: string;
  siteId: string;
  warehouseId: string;
  zoneId: string;
  code: string;
  barcode: string | null;
  aisle: string | null;
  row: string | null;
  level: string | null;
  place: string;
  blocked: boolean;
}

/**
 * Finds a scanned or typed bin of a warehouse by its code (case-insensitive: codes are upper case) or its
 * barcode. Both lookups use unique indexes; the code wins when a barcode equals another bin's code.
 * For the handheld counting module; no authorisation here — the caller has already checked the list.
 */
export async function resolveBin(
  trx: Tx,
  warehouseId: string,
  codeOrBarcode: string,
): Promise<ResolvedBin | undefined> {
  const text = codeOrBarcode.trim();
  if (text === '') return undefined;
  const rows = await findBinsByCodeOrBarcode(trx, warehouseId, text.toUpperCase(), text);
  return rows.find((r) => r.code === text.toUpperCase()) ?? rows[0];
}
