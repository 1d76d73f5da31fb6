// One handheld scan (SPEC §5, seed 000): bin + item barcode (or typed code) + quantity → one report on the
// counter's own list, written immediately. Here the scan is understood — decoded with the site's rules, the
// item found from any search code or GTIN form, lot/serial/expiry/count taken from GS1 AIs, the quantity
// converted from the scanned code's unit, the place resolved — and handed to inventory's recordReport, which
// owns every reporting rule (open list, add/replace, found items, idempotency by clientReportId).
// One short transaction of index look-ups; nothing here reads the whole list.
import { onceByClientReportId } from '../inventory/report-replay.js';
import { isValidGtin, type BarcodeFields } from '../../domain/barcode/index.js';
import { decText } from '../../domain/decimal.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { recordReport, type ReportResult } from '../inventory/report.service.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { decodeWithSiteRules } from '../barcode/decode.service.js';
import { resolveSearchCode } from '../items/search-code.service.js';
import {
  binlessLinesOfItem,
  findWarehouseByCode,
  hasUnstructuredZone,
  otherLiveListHolding,
  upsertLotDates,
  warehouseKind,
  zoneCode,
} from './counting.repository.js';
import { binOfList, zoneOfList } from './handheld-lookup.service.js';
import { type HandheldList, loadOwnList, loadOwnListForScan } from './handheld-list.service.js';
import {
  candidateCodes,
  countedQuantity,
  gtinForms,
  lotAndSerial,
  resolveItem,
  type ScannedItem,
} from './item-resolution.js';

export interface ScanInput {
  listId: string;
  clientReportId: string;
  bin?: string | undefined;
  /** Zone code: where an unstructured zone of a structured warehouse is counted (no bin there). */
  zone?: string | undefined;
  warehouse?: string | undefined;
  barcode?: string | undefined;
  itemCode?: string | undefined;
  quantity?: string | undefined;
  unit?: string | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  mode?: 'add' | 'replace' | undefined;
  device?: string | undefined;
  /** Why the count differs (docs/tolerances.md): passed on to the report as it is. */
  reasonCode?: string | undefined;
}

/** The scanned item and what will be (or was) reported for it. Never a target quantity. */
export interface ScanItemView {
  itemId: string;
  itemCode: string;
  description: string;
  primaryUnit: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  /** The search code that identified the item. */
  scannedCode: string;
  enteredQuantity: string;
  enteredUnit: string;
  /** enteredQuantity converted to the primary unit. */
  quantity: string;
  lot: string;
  serial: string;
  /** From GS1 AI 17 (or a rule), for the counter to compare with the label; not stored by the report. */
  expiry: string | null;
  binId: string | null;
  binCode: string | null;
}

export interface ScanLineView {
  id: string;
  lineNo: number;
  status: 'open' | 'reported' | 'closed';
  reportedQuantity: string | null;
  addedByCount: boolean;
  /** Only on inventories that show system quantities (and difference lists); absent when blind. */
  targetQuantity?: string | null;
  proposedQuantity?: string | null;
}

/** Where the report went: a bin, an unstructured zone, or the warehouse itself (unstructured warehouse). */
export interface ScanPlaceView {
  kind: 'bin' | 'zone' | 'warehouse';
  code: string | null;
}

/**
 * Set when the report added a found position to the list (added: true): which other live list of the
 * inventory holds this bin/zone or this item (the counter may want to tell its counter), or null.
 */
export interface FoundView {
  otherList: { number: string; name: string; holds: 'place' | 'item' } | null;
}

export type ScanResult =
  | {
      status: 'recorded';
      duplicate: boolean;
      added: boolean;
      item: ScanItemView;
      line: ScanLineView;
      place: ScanPlaceView;
      found: FoundView | null;
      report: {
        id: string;
        mode: 'add' | 'replace' | 'mark_all';
        quantity: string;
        enteredQuantity: string | null;
        enteredUnit: string | null;
        resultingQuantity: string;
        previousQuantity: string | null;
        reportedAt: string;
        clientReportId: string | null;
      };
    }
  | {
      status: 'decision_needed';
      previousQuantity: string;
      suggestedMode: 'add' | 'replace';
      countListItemId: string;
      item: ScanItemView;
    };

interface Identified {
  item: ScannedItem;
  fields: BarcodeFields;
  field: 'barcode' | 'itemCode';
}

/** Decodes the barcode with the site's rules and finds the item; a typed item code is a search code as is. */
async function identify(trx: Tx, ctx: ServiceContext, list: HandheldList, input: ScanInput): Promise<Identified> {
  if (input.barcode === undefined) {
    const code = (input.itemCode ?? '').trim();
    if (code === '')
      throw new DomainError('validation.failed', 'scan a barcode or enter an item code', { field: 'barcode' });
    // A typed GTIN is found in whatever form it was stored (EAN-13 typed, GTIN-14 on file, or the reverse).
    const codes = /^\d{8,14}$/.test(code) && isValidGtin(code) ? [code, ...gtinForms(code.padStart(14, '0'))] : [code];
    return { item: await resolveItem(trx, [...new Set(codes)], 'itemCode'), fields: {}, field: 'itemCode' };
  }
  // Bare digits of a GTIN length are a GTIN on a handheld: a misread EAN-13 must report its check digit,
  // not decode as some GS1 element string that happens to fit (e.g. AI 400 + 10 digits).
  const bare = input.barcode.replace(/\r?\n$|\r$/, '');
  const assume = /^(\d{8}|\d{12,14})$/.test(bare) ? ('gtin' as const) : undefined;
  const decoded = await decodeWithSiteRules(trx, list.siteId, input.barcode, ctx.now(), assume);
  if (!decoded.ok) {
    // A search code exactly as scanned is an item code, not a broken label: sites with rules still have
    // plain item-code labels, and in-house numeric codes need not carry a GTIN check digit.
    const raw = bare.trim();
    const plain = await resolveSearchCode(trx, raw);
    if (plain) return { item: { ...plain, matchedCode: raw }, fields: {}, field: 'barcode' };
    // The tokenizer's own code stays machine-readable; ai/position say where the label is broken.
    const { code, message, ...where } = decoded.error;
    throw new DomainError('barcode.invalid', message, { field: 'barcode', params: { barcodeError: code, ...where } });
  }
  const codes = candidateCodes(decoded);
  if (codes.length === 0) {
    throw new DomainError('not_found', 'the barcode carries no item identification (no GTIN, item code or data)', {
      field: 'barcode',
    });
  }
  return { item: await resolveItem(trx, codes, 'barcode'), fields: decoded.fields, field: 'barcode' };
}

interface Place {
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  binCode: string | null;
  zoneCode: string | null;
}

/**
 * A structured warehouse without a place scanned: the error names what to scan. "Scan the bin" only where
 * every zone has bins; with unstructured zones (stock on the zone itself) the zone is asked for.
 */
async function placeRequired(
  trx: Tx,
  list: HandheldList,
  warehouseId: string,
  warehouseCode: string | undefined,
): Promise<DomainError> {
  // The inventory-differences zone is counted on difference lists only.
  if (await hasUnstructuredZone(trx, warehouseId, { includeDifferencesZone: list.countType === 'differences' })) {
    return new DomainError(
      'count.zone_required',
      `warehouse ${warehouseCode} has zones without bins: scan the zone (or the bin, where the zone has bins)`,
      {
        field: 'zone',
        params: { warehouseCode: warehouseCode ?? '' },
      },
    );
  }
  return new DomainError('count.bin_required', `warehouse ${warehouseCode} is counted per bin: scan the bin`, {
    field: 'bin',
  });
}

/**
 * Where the item was counted. With a bin: the bin in the list's warehouse. With a zone: that unstructured
 * zone (a zone with bins asks for the bin). Without either: the item's bin-less line on the list (an
 * unstructured warehouse or zone), else the list's unstructured warehouse; a structured warehouse needs the
 * bin or the zone, and the error says which.
 */
async function placeOf(
  trx: Tx,
  list: HandheldList,
  input: ScanInput,
  fields: BarcodeFields,
  itemId: string,
): Promise<Place> {
  let warehouseId = list.warehouseId;
  if (input.warehouse !== undefined) {
    const wh = await findWarehouseByCode(trx, list.siteId, input.warehouse);
    if (!wh) throw new DomainError('not_found', `warehouse ${input.warehouse} not found`, { field: 'warehouse' });
    if (warehouseId !== null && wh.id !== warehouseId) {
      throw new DomainError(
        'count.place_not_on_list',
        `count list ${list.number} counts warehouse ${list.warehouseCode}`,
        { field: 'warehouse' },
      );
    }
    warehouseId = wh.id;
  }
  const binText = input.bin ?? fields.bin;
  if (binText !== undefined && binText.trim() !== '') {
    const bin = await binOfList(trx, list, binText, warehouseId ?? undefined);
    return { warehouseId: bin.warehouseId, zoneId: bin.zoneId, binId: bin.id, binCode: bin.code, zoneCode: null };
  }
  if (list.countType === 'bin')
    throw new DomainError('count.bin_required', `count list ${list.number} is counted per bin: scan the bin first`, {
      field: 'bin',
    });
  if (input.zone !== undefined && input.zone.trim() !== '') {
    const zone = await zoneOfList(trx, list, input.zone, warehouseId ?? undefined, 'zone');
    return { warehouseId: zone.warehouseId, zoneId: zone.id, binId: null, binCode: null, zoneCode: zone.code };
  }
  const kind = warehouseId === null ? undefined : await warehouseKind(trx, warehouseId);
  if (kind === 'unstructured')
    return { warehouseId: warehouseId!, zoneId: null, binId: null, binCode: null, zoneCode: null };
  // Structured (an unstructured zone may hold the item) or unknown warehouse: the item's bin-less line.
  const found = await binlessLinesOfItem(trx, list.id, itemId, warehouseId);
  const first = found[0];
  if (first && found.every((l) => l.warehouseId === first.warehouseId && l.zoneId === first.zoneId)) {
    const zone = first.zoneId === null ? undefined : await zoneCode(trx, first.zoneId);
    return {
      warehouseId: first.warehouseId,
      zoneId: first.zoneId,
      binId: null,
      binCode: null,
      zoneCode: zone ?? null,
    };
  }
  if (kind === 'structured')
    throw await placeRequired(trx, list, warehouseId!, list.warehouseCode ?? input.warehouse ?? undefined);
  throw new DomainError(
    'validation.failed',
    `count list ${list.number} spans several warehouses: scan the bin or name the warehouse`,
    { field: found.length > 1 ? 'warehouse' : 'bin' },
  );
}

/** recordReport names its own input fields (binId, warehouseId…); the handheld client knows the scan's. */
const FIELD_MAP: Record<string, string> = {
  binId: 'bin',
  zoneId: 'zone',
  warehouseId: 'warehouse',
  countListId: 'listId',
};

function asScanError(e: unknown, itemField: string): unknown {
  if (!isDomainError(e) || e.field === undefined) return e;
  const field = e.field === 'itemId' ? itemField : FIELD_MAP[e.field];
  if (field === undefined) return e;
  return new DomainError(e.code, e.message, { field, ...(e.params ? { params: e.params } : {}) });
}

function lineView(r: Extract<ReportResult, { status: 'recorded' }>['item'], showTargets: boolean): ScanLineView {
  const line: ScanLineView = {
    id: r.id,
    lineNo: r.lineNo,
    status: r.status,
    reportedQuantity: r.reportedQuantity,
    addedByCount: r.addedByCount,
  };
  if (showTargets) {
    line.targetQuantity = r.targetQuantity;
    line.proposedQuantity = r.proposedQuantity;
  }
  return line;
}

/**
 * A GS1 label carries the lot's expiry (AI 17) and production date (AI 11): a lot the item master does not
 * know yet is created with them, so the receipt that closing posts for a found lot has its dates (FEFO and
 * expiry checks need them); dates already on file are not overwritten by a label.
 */
async function rememberLotDates(trx: Tx, itemId: string, lot: string, fields: BarcodeFields): Promise<void> {
  const expiry = fields.expiry ?? null;
  const production = fields.productionDate ?? null;
  if (lot === '' || (expiry === null && production === null)) return;
  await upsertLotDates(trx, { itemId, code: lot, expiryDate: expiry, productionDate: production });
}

/** A found position was added: which other live list of the inventory holds this place, else this item. */
async function foundView(trx: Tx, list: HandheldList, itemId: string, place: Place): Promise<FoundView> {
  const lists = { id: list.id, inventoryId: list.inventory.id };
  const byPlace = await otherLiveListHolding(trx, lists, { place });
  if (byPlace) return { otherList: { ...byPlace, holds: 'place' } };
  const byItem = await otherLiveListHolding(trx, lists, { itemId });
  return { otherList: byItem ? { ...byItem, holds: 'item' } : null };
}

function placeView(p: Place, warehouseCode: string | null): ScanPlaceView {
  if (p.binId !== null) return { kind: 'bin', code: p.binCode };
  if (p.zoneId !== null) return { kind: 'zone', code: p.zoneCode };
  return { kind: 'warehouse', code: warehouseCode };
}

/** Records one scan on the counter's own open list, in one transaction. */
export async function recordScan(ctx: ServiceContext, actor: Actor, input: ScanInput): Promise<ScanResult> {
  requireRole(actor, 'counter');
  return onceByClientReportId(() =>
    ctx.db.transaction().execute(async (trx) => {
      const { list, head } = await loadOwnListForScan(trx, actor, input.listId, input.clientReportId);
      const { item, fields, field } = await identify(trx, ctx, list, input);
      const counted = await countedQuantity(trx, item, input, fields);
      const { lot, serial } = lotAndSerial(item, input, fields);
      const place = await placeOf(trx, list, input, fields, item.itemId);
      const view: ScanItemView = {
        itemId: item.itemId,
        itemCode: item.itemCode,
        description: item.description,
        primaryUnit: item.primaryUnit,
        lotManagement: item.lotManagement,
        serialManagement: item.serialManagement,
        scannedCode: item.matchedCode,
        enteredQuantity: decText(counted.entered),
        enteredUnit: counted.enteredUnit,
        quantity: decText(counted.quantity),
        lot,
        serial,
        expiry: fields.expiry ?? null,
        binId: place.binId,
        binCode: place.binCode,
      };
      let result: ReportResult;
      try {
        result = await recordReport(
          trx,
          ctx,
          actor,
          {
            countListId: list.id,
            itemId: item.itemId,
            warehouseId: place.warehouseId,
            zoneId: place.zoneId,
            binId: place.binId,
            lot,
            serial,
            quantity: view.quantity,
            mode: input.mode,
            device: input.device,
            rawBarcode: input.barcode,
            clientReportId: input.clientReportId,
            enteredQuantity: view.enteredQuantity,
            enteredUnit: view.enteredUnit,
            reasonCode: input.reasonCode,
          },
          { missingMode: 'ask', head },
        );
      } catch (e) {
        throw asScanError(e, field);
      }
      if (result.status === 'recorded' && !result.duplicate) await rememberLotDates(trx, item.itemId, lot, fields);
      if (result.status === 'decision_needed') {
        const suggestedMode = result.suggestedMode === 'replace' ? 'replace' : 'add';
        return {
          status: 'decision_needed',
          previousQuantity: result.previousQuantity,
          suggestedMode,
          countListItemId: result.countListItemId,
          item: view,
        };
      }
      const showTargets = list.showsTargets;
      const r = result.report;
      const found = result.added ? await foundView(trx, list, item.itemId, place) : null;
      return {
        status: 'recorded',
        duplicate: result.duplicate,
        added: result.added,
        item: view,
        line: lineView(result.item, showTargets),
        place: placeView(place, list.warehouseCode),
        found,
        report: {
          id: r.id,
          mode: r.mode,
          quantity: r.quantity,
          enteredQuantity: r.enteredQuantity,
          enteredUnit: r.enteredUnit,
          resultingQuantity: r.resultingQuantity,
          previousQuantity: r.previousQuantity,
          reportedAt: r.reportedAt,
          clientReportId: r.clientReportId,
        },
      };
    }),
  );
}

export interface IdentifiedView {
  itemId: string;
  itemCode: string;
  description: string;
  primaryUnit: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  /** The search code that identified the item, and the unit it counts in. */
  scannedCode: string;
  enteredUnit: string;
  /** From the label (GS1 AIs or a site rule); null when it carries none. */
  lot: string | null;
  serial: string | null;
  expiry: string | null;
  quantity: string | null;
}

/**
 * What a scan would be understood as, before the counter types a quantity: the same decoding (site rules)
 * and item look-up as a scan, so a broken label or an unknown code is refused at once, with the same error.
 * Writes nothing; never a target quantity.
 */
export async function identifyScan(
  ctx: ServiceContext,
  actor: Actor,
  input: { listId: string; barcode?: string | undefined; itemCode?: string | undefined },
): Promise<IdentifiedView> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, input.listId, { requireOpen: true });
    const { item, fields } = await identify(trx, ctx, list, {
      listId: input.listId,
      clientReportId: '',
      barcode: input.barcode,
      itemCode: input.itemCode,
    });
    return {
      itemId: item.itemId,
      itemCode: item.itemCode,
      description: item.description,
      primaryUnit: item.primaryUnit,
      lotManagement: item.lotManagement,
      serialManagement: item.serialManagement,
      scannedCode: item.matchedCode,
      enteredUnit: item.unit,
      lot: fields.lot ?? null,
      serial: fields.serial ?? null,
      expiry: fields.expiry ?? null,
      quantity: fields.quantity ?? null,
    };
  });
}

export interface EmptyBinInput {
  listId: string;
  clientReportId: string;
  bin: string;
  device?: string | undefined;
}
export interface EmptyBinResult {
  status: 'recorded';
  duplicate: boolean;
  binCode: string;
  line: { id: string; lineNo: number; status: 'open' | 'reported' | 'closed'; reportedQuantity: string | null };
}

/**
 * "Bin empty" on the handheld: the counter scanned a bin of a bin list and found nothing in it. Confirms the
 * bin's "(empty bin)" line with 0, as a report of its own (exactly once per clientReportId). A bin whose
 * lines expect items, or where found items were reported, has no empty-bin line: each item is counted
 * (0 where it is not there) — the counter's list shows those lines anyway, so blind counting stays blind.
 */
export async function confirmEmptyBin(
  ctx: ServiceContext,
  actor: Actor,
  input: EmptyBinInput,
): Promise<EmptyBinResult> {
  requireRole(actor, 'counter');
  return onceByClientReportId(() =>
    ctx.db.transaction().execute(async (trx) => {
      const { list, head } = await loadOwnListForScan(trx, actor, input.listId, input.clientReportId);
      if (list.countType !== 'bin') {
        throw new DomainError(
          'count.place_not_on_list',
          `count list ${list.number} is not a bin list: count the items found`,
          { field: 'bin' },
        );
      }
      const bin = await binOfList(trx, list, input.bin);
      let result: ReportResult;
      try {
        result = await recordReport(
          trx,
          ctx,
          actor,
          {
            countListId: list.id,
            itemId: null,
            warehouseId: bin.warehouseId,
            zoneId: bin.zoneId,
            binId: bin.id,
            lot: '',
            serial: '',
            quantity: '0',
            mode: 'replace',
            device: input.device,
            clientReportId: input.clientReportId,
          },
          { missingMode: 'report_type', head },
        );
      } catch (e) {
        throw asScanError(e, 'bin');
      }
      if (result.status !== 'recorded')
        throw new DomainError('internal.error', 'an empty-bin confirmation needs no decision');
      const r = result.item;
      return {
        status: 'recorded',
        duplicate: result.duplicate,
        binCode: bin.code,
        line: { id: r.id, lineNo: r.lineNo, status: r.status, reportedQuantity: r.reportedQuantity },
      };
    }),
  );
}

export type BatchScanOutcome =
  | { clientReportId: string; ok: true; result: ScanResult }
  | {
      clientReportId: string;
      ok: false;
      error: { code: string; message: string; field?: string; params?: Record<string, unknown> };
    };

/**
 * Synchronises scans queued on a device while offline (SPEC §6): each in its own transaction, in the order
 * given, so one refused scan does not undo the others; a retried batch records nothing twice (the
 * clientReportId). A repeat without a mode comes back as decision_needed, for the counter to answer later.
 */
export async function recordScanBatch(
  ctx: ServiceContext,
  actor: Actor,
  scans: ScanInput[],
): Promise<BatchScanOutcome[]> {
  requireRole(actor, 'counter');
  const out: BatchScanOutcome[] = [];
  for (const scan of scans) {
    try {
      out.push({ clientReportId: scan.clientReportId, ok: true, result: await recordScan(ctx, actor, scan) });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const error: Extract<BatchScanOutcome, { ok: false }>['error'] = { code: e.code, message: e.message };
      if (e.field !== undefined) error.field = e.field;
      if (e.params !== undefined) error.params = e.params;
      out.push({ clientReportId: scan.clientReportId, ok: false, error });
    }
  }
  return out;
}
