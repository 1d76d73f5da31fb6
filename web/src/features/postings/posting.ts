// The posting form's values, its checks (what the request schema and the ledger's line rules refuse) and the
// request it sends. Quantities are typed positive; an issue sends them negative (the API's sign convention).
// Exact decimals stay strings throughout.
import type { TFunction } from 'i18next';
import { rules } from '../../components/form';
import type { Format } from '../../components/format';
import type { Bin, Item, Unit, Warehouse, Warning, Zone } from './data';

export type PostingKind = 'receipt' | 'issue' | 'transfer';

export interface Place {
  warehouseId: string | null;
  zoneId: string | null;
  bin: Bin | null;
}
export interface LineValues {
  key: string;
  item: Item | null;
  from: Place;
  /** Transfers only: where the stock goes. */
  to: Place;
  lot: string;
  serial: string;
  quantity: string;
  unitPrice: string;
  expiryDate: string | null;
}
export interface PostingValues {
  keyCode: string | null;
  postingDate: string | null;
  ownerId: string | null;
  reference: string;
  lines: LineValues[];
}

let seq = 0;
export const emptyPlace = (): Place => ({ warehouseId: null, zoneId: null, bin: null });
export const emptyLine = (from: Place = emptyPlace()): LineValues => ({
  key: `l${++seq}`,
  item: null,
  from: { ...from },
  to: emptyPlace(),
  lot: '',
  serial: '',
  quantity: '',
  unitPrice: '',
  expiryDate: null,
});
export const emptyPosting = (today: string): PostingValues => ({
  keyCode: null,
  postingDate: today,
  ownerId: null,
  reference: '',
  lines: [emptyLine()],
});

export interface Facts {
  warehouses: Map<string, Warehouse>;
  zones: Map<string, Zone>;
  units: Map<string, Unit>;
}

/** A lot is needed for lot-managed items, except on issues of "auto" items (the ledger picks the lots). */
export function lotNeeded(kind: PostingKind, item: Item | null): boolean {
  if (!item || item.lotManagement === 'no') return false;
  return !(kind === 'issue' && item.lotManagement === 'auto');
}
export const lotShown = (item: Item | null) => !!item && item.lotManagement !== 'no';
export const serialShown = (item: Item | null) => !!item && item.serialManagement;

type Errors = Record<string, string>;

function checkPlace(t: TFunction, p: Place, facts: Facts, path: string, e: Errors): void {
  if (!p.warehouseId) {
    e[`${path}.warehouseId`] = t('form.required');
    return;
  }
  const wh = facts.warehouses.get(p.warehouseId);
  if (wh?.kind !== 'structured') return;
  if (!p.zoneId) {
    e[`${path}.zoneId`] = t('form.required');
    return;
  }
  if (facts.zones.get(p.zoneId)?.structured && !p.bin) e[`${path}.bin`] = t('form.required');
  else if (p.bin?.blocked) e[`${path}.bin`] = t('postingsUi.binBlocked', { code: p.bin.code });
}

/** Every problem of the form, keyed by form path (`lines.0.quantity`), as @mantine/form's validate wants. */
export function checkPosting(t: TFunction, kind: PostingKind, v: PostingValues, facts: Facts): Errors {
  const e: Errors = {};
  if (!v.keyCode) e.keyCode = t('form.required');
  if (!v.ownerId) e.ownerId = t('form.required');
  if (!v.postingDate) e.postingDate = t('form.required');
  if (v.reference.length > 80) e.reference = t('form.maxLength', { max: 80 });
  v.lines.forEach((l, i) => {
    const p = `lines.${i}`;
    if (!l.item) e[`${p}.item`] = t('form.required');
    checkPlace(t, l.from, facts, `${p}.from`, e);
    if (kind === 'transfer') checkPlace(t, l.to, facts, `${p}.to`, e);
    const scale = l.item ? facts.units.get(l.item.primaryUnit)?.decimals : undefined;
    const q = rules.all(
      rules.required(t),
      rules.decimal(t, { min: 'positive', ...(scale !== undefined ? { scale } : {}) }),
    )(l.quantity.trim());
    if (q) e[`${p}.quantity`] = q;
    if (lotNeeded(kind, l.item) && !l.lot.trim()) e[`${p}.lot`] = t('postingsUi.lotRequired');
    if (l.lot.length > 40) e[`${p}.lot`] = t('form.maxLength', { max: 40 });
    if (serialShown(l.item)) {
      if (!l.serial.trim()) e[`${p}.serial`] = t('postingsUi.serialRequired');
      else if (l.serial.length > 80) e[`${p}.serial`] = t('form.maxLength', { max: 80 });
      else if (!q && !/^0*1(\.0+)?$/.test(l.quantity.trim())) e[`${p}.quantity`] = t('postingsUi.serialQuantity');
    }
    if (kind === 'receipt') {
      const price = rules.decimal(t, { min: 'nonNegative' })(l.unitPrice.trim());
      if (price) e[`${p}.unitPrice`] = price;
    }
  });
  return e;
}

const placeOf = (p: Place) => ({ warehouseId: p.warehouseId!, zoneId: p.zoneId, binId: p.bin?.id ?? null });
const text = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request body of the checked form. */
export function postingBody(kind: PostingKind, siteId: string, v: PostingValues) {
  const header = {
    siteId,
    keyCode: v.keyCode!,
    postingDate: v.postingDate!,
    ...(text(v.reference) ? { originId: text(v.reference) } : {}),
  };
  if (kind === 'transfer') {
    return {
      ...header,
      lines: v.lines.map((l) => {
        const from = placeOf(l.from);
        const to = placeOf(l.to);
        return {
          itemId: l.item!.id,
          ownerId: v.ownerId!,
          lot: text(l.lot),
          serial: text(l.serial),
          quantity: l.quantity.trim(),
          fromWarehouseId: from.warehouseId,
          fromZoneId: from.zoneId,
          fromBinId: from.binId,
          toWarehouseId: to.warehouseId,
          toZoneId: to.zoneId,
          toBinId: to.binId,
        };
      }),
    };
  }
  return {
    ...header,
    lines: v.lines.map((l) => ({
      itemId: l.item!.id,
      ownerId: v.ownerId!,
      ...placeOf(l.from),
      lot: text(l.lot),
      serial: text(l.serial),
      quantity: kind === 'issue' ? `-${l.quantity.trim()}` : l.quantity.trim(),
      ...(kind === 'receipt' && text(l.unitPrice) ? { unitPrice: text(l.unitPrice) } : {}),
      ...(kind === 'receipt' && l.expiryDate && text(l.lot) ? { expiryDate: l.expiryDate } : {}),
    })),
  };
}

/** The server names request fields (`lines.0.binId`, `lines.1.fromZoneId`); the form's paths differ a little. */
export function formPath(field: string): string {
  const m = /^lines\.(\d+)\.(\w+)$/.exec(field);
  if (!m) return field === 'originId' ? 'reference' : field;
  const [, i, name] = m;
  const side = name!.startsWith('to') && name !== 'total' ? 'to' : 'from';
  const base = name!.replace(/^(from|to)(?=[A-Z])/, '');
  const f = base[0]!.toLowerCase() + base.slice(1);
  if (f === 'warehouseId' || f === 'zoneId') return `lines.${i}.${side}.${f}`;
  if (f === 'binId') return `lines.${i}.${side}.bin`;
  if (f === 'itemId') return `lines.${i}.item`;
  if (f === 'ownerId') return 'ownerId';
  return `lines.${i}.${f}`;
}

/** A line's value without binary floats: unit price × quantity, exactly, for display. */
export function lineValue(quantity: string, unitPrice: string): string | null {
  const q = quantity.trim();
  const p = unitPrice.trim();
  if (!/^\d+(\.\d+)?$/.test(q) || !/^\d+(\.\d+)?$/.test(p)) return null;
  const scale = (s: string) => s.split('.')[1]?.length ?? 0;
  const big = (s: string) => BigInt(s.replace('.', ''));
  const n = big(q) * big(p);
  const d = scale(q) + scale(p);
  const digits = n.toString().padStart(d + 1, '0');
  return d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
}

/** An availability warning as a sentence, with its quantities in the user's format. */
export function warningText(t: TFunction, fmt: Format, w: Warning): string {
  const p = w.params;
  return t(p.lot ? 'postingsUi.warningLot' : 'postingsUi.warningItem', {
    item: p.itemCode,
    lot: p.lot ?? '',
    requested: fmt.quantity(p.requested),
    available: fmt.quantity(p.available),
    onHand: fmt.quantity(p.onHand),
    reserved: fmt.quantity(p.reserved),
  });
}
