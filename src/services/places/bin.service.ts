// Bins (storage places) of structured zones. The client sends the structural elements; the code is derived
// (`aisle-row-level-place`). Warehouses have thousands of bins, so a range is created with one INSERT.
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { type BinRanges, checkBinAllowed, expandBinRanges, makeBin } from '../../domain/place.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type Page, type PageInput, defined, escapeLike, mapDbErrors, pageOf, requireSite, siteScope, visible } from './support.js';
import { loadZone } from './zone.service.js';

export interface BinView {
  id: string; siteId: string; warehouseId: string; zoneId: string; code: string; aisle: string | null;
  row: string | null; level: string | null; place: string; barcode: string | null; blocked: boolean;
}
export interface BinElementsInput {
  aisle?: string | null | undefined; row?: string | null | undefined; level?: string | null | undefined; place: string;
}
export interface BinInput extends BinElementsInput { zoneId: string; barcode?: string | null | undefined; blocked?: boolean | undefined }
export type BinChanges = Partial<Omit<BinInput, 'zoneId'>>;
export interface BinFilter extends PageInput {
  warehouseId?: string | undefined; zoneId?: string | undefined; aisle?: string | undefined; row?: string | undefined;
  level?: string | undefined; codePrefix?: string | undefined; blocked?: boolean | undefined;
}
export interface BulkBinInput { zoneId: string; ranges: BinRanges; skipExisting?: boolean | undefined; dryRun?: boolean | undefined }
export interface BulkBinResult {
  requested: number; created: number; skipped: number; firstCode: string; lastCode: string;
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

const SELECT = ['id', 'siteId', 'warehouseId', 'zoneId', 'code', 'aisle', 'rowNo as row', 'levelNo as level', 'place', 'barcode', 'blocked'] as const;
const UNIQUE = {
  bins_warehouse_code_key: { field: 'place', message: 'a bin with this code already exists in the warehouse' },
  bins_warehouse_barcode_key: { field: 'barcode', message: 'another bin of the warehouse already has this barcode' },
};

async function loadBin(trx: Tx, actor: Actor, id: string): Promise<BinView> {
  const row = await trx.selectFrom('bins').select(SELECT).where('id', '=', id).executeTakeFirst();
  return found(visible(actor, row), `bin ${id}`);
}

export async function listBins(ctx: ServiceContext, actor: Actor, f: BinFilter): Promise<Page<BinView>> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('bins').select(SELECT);
  const scope = siteScope(actor);
  if (scope !== null) q = q.where('siteId', '=', scope);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.zoneId) q = q.where('zoneId', '=', f.zoneId);
  if (f.aisle) q = q.where('aisle', '=', f.aisle.toUpperCase());
  if (f.row) q = q.where('rowNo', '=', f.row.toUpperCase());
  if (f.level) q = q.where('levelNo', '=', f.level.toUpperCase());
  if (f.codePrefix) q = q.where('code', 'like', `${escapeLike(f.codePrefix.toUpperCase())}%`);
  if (f.blocked !== undefined) q = q.where('blocked', '=', f.blocked);
  // Walking order of the warehouse: zone, aisle, row, level, place (bins_zone_sort_idx).
  const rows = await q.orderBy('warehouseId').orderBy('zoneId').orderBy('aisle').orderBy('rowNo').orderBy('levelNo').orderBy('place')
    .limit(f.limit + 1).offset(f.offset).execute();
  return pageOf(rows, f);
}

export async function getBin(ctx: ServiceContext, actor: Actor, id: string): Promise<BinView> {
  requireRole(actor, 'counter');
  return loadBin(ctx.db, actor, id);
}

export async function createBin(ctx: ServiceContext, actor: Actor, input: BinInput): Promise<BinView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const zone = await loadZone(trx, actor, input.zoneId, 'zoneId');
    requireSite(actor, zone.siteId);
    checkBinAllowed(zone);
    const b = makeBin(zone.organisation, input);
    return trx.insertInto('bins').values({
      siteId: zone.siteId, warehouseId: zone.warehouseId, zoneId: zone.id, code: b.code, aisle: b.aisle, rowNo: b.row,
      levelNo: b.level, place: b.place, barcode: input.barcode ?? null, blocked: input.blocked ?? false, createdAt: ctx.now(),
    }).returning(SELECT).executeTakeFirstOrThrow();
  }));
}

/**
 * Creates every bin of a range (rows 01–10 × levels 1–5 × places 001–020) in ONE insert from a JSON
 * document. Existing codes are refused (listing a few) unless skipExisting, which keeps them untouched.
 * A dry run answers the same (or refuses the same) without writing, plus a sample of the derived codes, so
 * the screen previews exactly what the server would create.
 */
export async function createBinRange(ctx: ServiceContext, actor: Actor, input: BulkBinInput): Promise<BulkBinResult> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const zone = await loadZone(trx, actor, input.zoneId, 'zoneId');
    requireSite(actor, zone.siteId);
    checkBinAllowed(zone);
    const bins = expandBinRanges(zone.organisation, input.ranges);
    const doc = JSON.stringify(bins.map((b) => ({ code: b.code, aisle: b.aisle, row_no: b.row, level_no: b.level, place: b.place })));
    if (!input.skipExisting) {
      const clash = await sql<{ code: string }>`
        select b.code from bins b join jsonb_to_recordset(${doc}::jsonb) as x(code text) on b.code = x.code
        where b.warehouse_id = ${zone.warehouseId} order by b.code limit 5`.execute(trx);
      if (clash.rows.length > 0) {
        const codes = clash.rows.map((r) => r.code);
        throw new DomainError('conflict.duplicate', `bins already exist: ${codes.join(', ')}${codes.length === 5 ? ', …' : ''}; send skipExisting to keep them`, {
          field: 'ranges', params: { existing: codes },
        });
      }
    }
    if (input.dryRun) {
      const existing = await sql<{ n: string }>`
        select count(*)::text as n from bins b join jsonb_to_recordset(${doc}::jsonb) as x(code text) on b.code = x.code
        where b.warehouse_id = ${zone.warehouseId}`.execute(trx);
      const skipped = Number(existing.rows[0]?.n ?? 0);
      return {
        requested: bins.length, created: bins.length - skipped, skipped, firstCode: bins[0]!.code, lastCode: bins[bins.length - 1]!.code,
        sample: sampleOf(bins.map((b) => b.code)),
      };
    }
    const inserted = await sql<{ n: string }>`
      with ins as (
        insert into bins (site_id, warehouse_id, zone_id, code, aisle, row_no, level_no, place, created_at)
        select ${zone.siteId}, ${zone.warehouseId}, ${zone.id}, x.code, x.aisle, x.row_no, x.level_no, x.place, ${ctx.now()}
        from jsonb_to_recordset(${doc}::jsonb) as x(code text, aisle text, row_no text, level_no text, place text)
        on conflict (warehouse_id, code) do nothing
        returning 1)
      select count(*)::text as n from ins`.execute(trx);
    const created = Number(inserted.rows[0]?.n ?? 0);
    return { requested: bins.length, created, skipped: bins.length - created, firstCode: bins[0]!.code, lastCode: bins[bins.length - 1]!.code };
  }));
}

export async function updateBin(ctx: ServiceContext, actor: Actor, id: string, changes: BinChanges): Promise<BinView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const current = await loadBin(trx, actor, id);
    requireSite(actor, current.siteId);
    const touchesElements = changes.aisle !== undefined || changes.row !== undefined || changes.level !== undefined || changes.place !== undefined;
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
    return trx.updateTable('bins').set(set).where('id', '=', id).returning(SELECT).executeTakeFirstOrThrow();
  }));
}

/**
 * Blocks or unblocks many bins in one transaction (the selected rows of the bins screen). Every id must be a
 * bin the actor may change; otherwise nothing changes. Returns how many bins changed their state.
 */
export async function setBinsBlocked(ctx: ServiceContext, actor: Actor, input: { ids: string[]; blocked: boolean }): Promise<{ changed: number }> {
  requireRole(actor, 'manager');
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (trx) => {
    const rows = await trx.selectFrom('bins').select(['id', 'siteId']).where('id', 'in', ids).forUpdate().execute();
    const seen = new Set(rows.filter((r) => visible(actor, r)).map((r) => r.id));
    const missing = ids.find((id) => !seen.has(id));
    if (missing !== undefined) found(undefined, `bin ${missing}`, 'ids');
    for (const siteId of new Set(rows.map((r) => r.siteId))) requireSite(actor, siteId);
    const res = await trx.updateTable('bins').set({ blocked: input.blocked }).where('id', 'in', ids).where('blocked', '<>', input.blocked)
      .executeTakeFirst();
    return { changed: Number(res.numUpdatedRows) };
  });
}

export async function deleteBin(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `bin ${id} still has stock, movements or count lists referring to it; block it instead` }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadBin(trx, actor, id);
      requireSite(actor, current.siteId);
      await trx.deleteFrom('bins').where('id', '=', id).execute();
    }));
}

export interface ResolvedBin {
  id: string; siteId: string; warehouseId: string; zoneId: string; code: string; barcode: string | null;
  aisle: string | null; row: string | null; level: string | null; place: string; blocked: boolean;
}

/**
 * Finds a scanned or typed bin of a warehouse by its code (case-insensitive: codes are upper case) or its
 * barcode. Both lookups use unique indexes; the code wins when a barcode equals another bin's code.
 * For the handheld counting module; no authorisation here — the caller has already checked the list.
 */
export async function resolveBin(trx: Tx, warehouseId: string, codeOrBarcode: string): Promise<ResolvedBin | undefined> {
  const text = codeOrBarcode.trim();
  if (text === '') return undefined;
  const rows = await trx.selectFrom('bins').select(SELECT).where('warehouseId', '=', warehouseId)
    .where((eb) => eb.or([eb('code', '=', text.toUpperCase()), eb('barcode', '=', text)])).limit(2).execute();
  return rows.find((r) => r.code === text.toUpperCase()) ?? rows[0];
}
