// Demo items, generated in TypeScript from the seeded PRNG (100,000 items are a few MB) and written in
// batches: items, search codes (item code, EAN-13, GTIN-14 of the S10 pack), the search terms the item
// module keeps for word search, lots, and the facts the set-based opening-stock load joins.
import { gtinCheckDigit, makeEan13 } from '../../domain/barcode/gtin.js';
import { searchTerms } from '../../domain/items/item.js';
import type { Tx } from '../context.js';
import {
  type DemoLotRow,
  type DemoSearchCodeRow,
  insertItemFactRows,
  insertItemRows,
  insertLotRows,
  insertSearchCodeRows,
  insertSearchTermRows,
} from './demo-items.repository.js';
import { BRANDS, PRODUCT_GROUPS } from './demo-master.js';
import type { DemoPlan } from './demo-plan.js';
import { Prng } from './prng.js';

/** plain, lot-managed, serial-managed. */
export type ItemKind = 'P' | 'L' | 'S';

export interface DemoItem {
  j: number;
  code: string;
  description: string;
  kind: ItemKind;
  kg: boolean;
  price: string;
  ean: string;
  packGtin: string | null;
  lots: Array<{ code: string; expiry: string; production: string }>;
  placeOffset: number;
  group: string;
  brand: string;
  abc: 'A' | 'B' | 'C';
  threshold: string;
}

const NOUNS = [
  'Hex bolt',
  'Washer',
  'Wood screw',
  'Cable tie',
  'Hose clamp',
  'Gasket',
  'Fuse',
  'Socket',
  'Pipe elbow',
  'Ball valve',
  'Drill bit',
  'Saw blade',
  'Work glove',
  'Safety goggles',
  'Primer',
  'Wall paint',
  'Adhesive',
  'Solvent',
  'Grease',
  'Carton box',
  'Stretch film',
  'Pallet label',
  'LED bulb',
  'Circuit breaker',
  'Terminal block',
];
const SPECS = [
  'M6x20',
  'M8x40',
  'M10x60',
  '4.0x35',
  '200mm',
  '3/4"',
  '1/2"',
  '16A',
  '10A',
  'DN25',
  'DN50',
  '6mm',
  '10mm',
  'size 9',
  'size 10',
  '1 l',
  '5 l',
  '400 g',
  '600x400',
  '23 um',
  'E27 9W',
  'B16',
];
const FINISH = ['zinc', 'stainless', 'brass', 'black', 'white', 'grey', 'blue', 'red', 'clear', 'heavy duty', 'pro'];
const KG_NOUNS = [
  'Copper wire',
  'Brass rod',
  'Tin solder',
  'Bearing grease',
  'Epoxy resin',
  'PTFE granulate',
  'Silver brazing',
];

/** Permutes 0…10^10−1 (multiplier coprime to 10), so item numbers map to unique, unordered EAN bodies. */
function eanBody(j: number, seed: number): string {
  const m = 10_000_000_000n;
  const a = 7_777_777_773n + BigInt(seed % 1_000_000) * 10n; // ends in 3: coprime to 10
  return String((a * BigInt(j) + BigInt(seed) * 97n) % m).padStart(10, '0');
}

export function makeDemoItems(plan: DemoPlan, from: number, to: number, year: number): DemoItem[] {
  const out: DemoItem[] = [];
  const width = Math.max(6, String(plan.items).length);
  for (let j = from; j < to; j++) {
    // One PRNG per item: item j is the same whatever the batch size.
    const r = new Prng(plan.seed, `item:${j}`);
    const roll = r.int(100);
    const kind: ItemKind = roll < 5 ? 'S' : roll < 17 ? 'L' : 'P';
    const kg = kind !== 'S' && r.chance(12);
    const description = (
      kg ? `${r.pick(KG_NOUNS)} ${r.pick(FINISH)}` : `${r.pick(NOUNS)} ${r.pick(SPECS)} ${r.pick(FINISH)}`
    ).slice(0, 40);
    // Weighed goods cost whole tens per kg: a 3-decimal quantity times the price is then exact money (2
    // decimals), as the ledger requires, so every receipt value is exact and the average equals the price.
    const cents = kg ? r.between(1, 30) * 1_000 : r.chance(70) ? r.between(5, 2_000) : r.between(2_000, 50_000);
    const ean = makeEan13(`40${eanBody(j, plan.seed)}`);
    const pack = kg ? null : `1${ean.slice(0, 12)}`;
    const lots: DemoItem['lots'] = [];
    if (kind === 'L') {
      for (let k = 1, n = r.between(1, 4); k <= n; k++) {
        // Expiry from ~2 months ago to ~2 years ahead: some lots are already expired (FEFO skips them).
        const expiry = new Date(Date.UTC(year, 0, 1) + (r.between(-60, 730) + 120) * 86_400_000);
        const production = new Date(expiry.getTime() - 365 * 86_400_000);
        lots.push({
          code: `L${String(year).slice(2)}${String(r.between(10_000, 99_999))}-${k}`,
          expiry: iso(expiry),
          production: iso(production),
        });
      }
    }
    const abc = roll % 10 === 0 ? 'A' : roll % 4 === 0 ? 'B' : 'C';
    out.push({
      j,
      code: `ART-${String(j + 1).padStart(width, '0')}`,
      description,
      kind,
      kg,
      price: (cents / 100).toFixed(2),
      ean,
      packGtin: pack === null ? null : pack + String(gtinCheckDigit(pack)),
      lots,
      placeOffset: r.int(plan.places),
      group: r.pick(PRODUCT_GROUPS),
      brand: r.pick(BRANDS),
      abc,
      threshold: r.chance(20) ? (kg ? '2.5' : String(r.pick([5, 10, 20]))) : '0',
    });
  }
  return out;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Writes one batch of items with everything that hangs off them. Items j < `positions` get stock positions. */
export async function insertItems(trx: Tx, items: DemoItem[], positions: number, now: Date): Promise<void> {
  await insertItemRows(
    trx,
    items.map((i) => ({
      j: i.j,
      code: i.code,
      description: i.description,
      kind: i.kind,
      kg: i.kg,
      price: i.price,
      productGroup: i.group,
      brand: i.brand,
      abc: i.abc,
      threshold: i.threshold,
      stocked: i.j < positions,
    })),
    now,
  );
  // Search codes: the item code itself (main), the EAN-13 of the piece, the GTIN-14 of the S10 pack.
  const codes: DemoSearchCodeRow[] = [];
  const terms: Array<{ itemCode: string; term: string }> = [];
  const lots: DemoLotRow[] = [];
  for (const i of items) {
    const unit = i.kg ? 'KG' : 'PZ';
    const code = (code: string, unit: string, factor: number, main: boolean, description: string) =>
      codes.push({ itemCode: i.code, code, unit, factor, main, description });
    code(i.code, unit, 1, true, i.description);
    code(i.ean, unit, 1, false, i.description);
    if (i.packGtin) code(i.packGtin, 'S10', 10, false, i.description.slice(0, 40));
    for (const term of searchTerms([i.code, i.description, i.ean, ...(i.packGtin ? [i.packGtin] : [])]))
      terms.push({ itemCode: i.code, term });
    for (const l of i.lots) lots.push({ itemCode: i.code, ...l });
  }
  await insertSearchCodeRows(trx, codes);
  await insertSearchTermRows(trx, terms);
  await insertLotRows(trx, lots, now);
  await insertItemFactRows(
    trx,
    items.map((i) => ({
      j: i.j,
      code: i.code,
      kind: i.kind,
      kg: i.kg,
      price: i.price,
      placeOffset: i.placeOffset,
      lotCodes: i.lots.map((l) => l.code),
    })),
  );
}
