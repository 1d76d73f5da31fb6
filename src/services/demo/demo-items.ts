// Demo items, generated in TypeScript from the seeded PRNG (100,000 items are a few MB) and written in
// batches through unnest() arrays: items, search codes (item code, EAN-13, GTIN-14 of the S10 pack), the
// search terms the item module keeps for word search, lots, and the temp table `demo_item_facts` the
// set-based stock load joins.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { gtinCheckDigit, makeEan13 } from '../../domain/barcode/gtin.js';
import { searchTerms } from '../../domain/item.js';
import type { Database } from '../../storage/schema.js';
import { BRANDS, PRODUCT_GROUPS } from './demo-master.js';
import type { DemoPlan } from './demo-plan.js';
import { Prng } from './prng.js';

type Trx = Transaction<Database>;

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

export async function createItemFactsTable(trx: Trx): Promise<void> {
  await sql`create temp table demo_item_facts (j int primary key, item_id bigint not null, kind char(1) not null, kg boolean not null,
    price numeric not null, place_offset int not null, lot_codes text[] not null) on commit drop`.execute(trx);
}

/** Writes one batch of items with everything that hangs off them. `stocked` = the item gets positions. */
export async function insertItems(trx: Trx, items: DemoItem[], positions: number, now: Date): Promise<void> {
  const col = <T>(f: (i: DemoItem) => T) => items.map(f);
  const price = col((i) => i.price);
  const stocked = col((i) => i.j < positions);
  await sql`
    insert into items (code, description, primary_unit, secondary_unit, secondary_conversion_op, secondary_conversion_factor,
      lot_management, serial_management, product_group, brand, abc_class, count_cycle_days, threshold_quantity,
      settlement_price_1, inventory_price, standard_cost, moving_average_price, has_ledger_entries, created_at, updated_at)
    select u.code, u.description, case when u.kg then 'KG' else 'PZ' end, case when u.kg then null else 'S10' end,
      case when u.kg then null else 'x' end, case when u.kg then null else 10 end,
      case when u.kind = 'L' then (case when u.j % 3 = 0 then 'auto' else 'yes' end) else 'no' end, u.kind = 'S',
      u.grp, u.brand, u.abc, case u.abc when 'A' then 30 when 'B' then 90 else 180 end, u.threshold,
      round(u.price * 1.35, 2), round(u.price * 0.95, 2), u.price, case when u.stocked then u.price else 0 end, u.stocked,
      ${now}::timestamptz, ${now}::timestamptz
    from unnest(${col((i) => i.j)}::int[], ${col((i) => i.code)}::text[], ${col((i) => i.description)}::text[], ${col((i) => i.kind)}::text[],
      ${col((i) => i.kg)}::boolean[], ${price}::numeric[], ${col((i) => i.group)}::text[], ${col((i) => i.brand)}::text[],
      ${col((i) => i.abc)}::text[], ${col((i) => i.threshold)}::numeric[], ${stocked}::boolean[])
      as u(j, code, description, kind, kg, price, grp, brand, abc, threshold, stocked)
    order by u.j`.execute(trx);
  // Search codes: the item code itself (main), the EAN-13 of the piece, the GTIN-14 of the S10 pack.
  const sc: { item: string[]; code: string[]; unit: string[]; factor: number[]; main: boolean[]; desc: string[] } = {
    item: [],
    code: [],
    unit: [],
    factor: [],
    main: [],
    desc: [],
  };
  const add = (item: string, code: string, unit: string, factor: number, main: boolean, desc: string) => {
    sc.item.push(item);
    sc.code.push(code);
    sc.unit.push(unit);
    sc.factor.push(factor);
    sc.main.push(main);
    sc.desc.push(desc);
  };
  const terms: { item: string[]; term: string[] } = { item: [], term: [] };
  const lots: { item: string[]; code: string[]; expiry: string[]; production: string[] } = {
    item: [],
    code: [],
    expiry: [],
    production: [],
  };
  for (const i of items) {
    const unit = i.kg ? 'KG' : 'PZ';
    add(i.code, i.code, unit, 1, true, i.description);
    add(i.code, i.ean, unit, 1, false, i.description);
    if (i.packGtin) add(i.code, i.packGtin, 'S10', 10, false, `${i.description}`.slice(0, 40));
    for (const t of searchTerms([i.code, i.description, i.ean, ...(i.packGtin ? [i.packGtin] : [])])) {
      terms.item.push(i.code);
      terms.term.push(t);
    }
    for (const l of i.lots) {
      lots.item.push(i.code);
      lots.code.push(l.code);
      lots.expiry.push(l.expiry);
      lots.production.push(l.production);
    }
  }
  await sql`
    insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
    select i.id, u.code, u.unit, 'x', u.factor, u.main, u.description
    from unnest(${sc.item}::text[], ${sc.code}::text[], ${sc.unit}::text[], ${sc.factor}::numeric[], ${sc.main}::boolean[], ${sc.desc}::text[])
      with ordinality as u(item_code, code, unit, factor, main, description, n)
    join items i on i.code = u.item_code order by u.n`.execute(trx);
  await sql`
    insert into item_search_terms (item_id, term)
    select i.id, u.term from unnest(${terms.item}::text[], ${terms.term}::text[]) as u(item_code, term)
    join items i on i.code = u.item_code`.execute(trx);
  if (lots.item.length > 0) {
    await sql`
      insert into lots (item_id, code, expiry_date, production_date, created_at)
      select i.id, u.code, u.expiry, u.production, ${now}::timestamptz
      from unnest(${lots.item}::text[], ${lots.code}::text[], ${lots.expiry}::date[], ${lots.production}::date[])
        with ordinality as u(item_code, code, expiry, production, n)
      join items i on i.code = u.item_code order by u.n`.execute(trx);
  }
  await sql`
    insert into demo_item_facts (j, item_id, kind, kg, price, place_offset, lot_codes)
    select u.j, i.id, u.kind, u.kg, u.price, u.place_offset, coalesce(string_to_array(nullif(u.lot_codes, ''), ' '), '{}')
    from unnest(${col((i) => i.j)}::int[], ${col((i) => i.code)}::text[], ${col((i) => i.kind)}::text[], ${col((i) => i.kg)}::boolean[],
      ${price}::numeric[], ${col((i) => i.placeOffset)}::int[], ${col((i) => i.lots.map((l) => l.code).join(' '))}::text[])
      as u(j, code, kind, kg, price, place_offset, lot_codes)
    join items i on i.code = u.code`.execute(trx);
}
