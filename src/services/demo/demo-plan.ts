// What a demo load will create, decided from the request before anything is written: sizes of the
// warehouse structure, how positions are spread over places. Pure, so the test and the CLI can show it.
import { DomainError } from '../../domain/errors.js';

export interface DemoInput {
  /** Number of items (1 – 2,000,000). */
  items: number;
  /** Counted warehouses (2 – 50): about two thirds structured, the rest unstructured; plus one virtual. */
  warehouses?: number | undefined;
  /** PRNG seed (0 – 2^31−1): the same seed gives the same data on a fresh database. */
  seed?: number | undefined;
  /** Stock positions in total; default about 10 per item. */
  positions?: number | undefined;
}

export interface ZoneSizes {
  highBay: number;
  block: number;
  placesOnly: number;
}

export interface DemoPlan {
  items: number;
  seed: number;
  positions: number;
  structuredWarehouses: number;
  unstructuredWarehouses: number;
  /** Bins per structured warehouse, per zone organisation. */
  bins: ZoneSizes;
  /** Places that can hold stock: every bin, each unstructured (floor) zone, each unstructured warehouse. */
  places: number;
  /** Stride between the places of one item; coprime to `places`, so an item never repeats a place. */
  placeStep: number;
}

export const DEFAULT_POSITIONS_PER_ITEM = 10;
export const MAX_ITEMS = 2_000_000;
export const MAX_POSITIONS = 20_000_000;
/** High-bay geometry: places per level, levels per row, rows per aisle (the aisle count follows the size). */
export const HIGH_BAY = { places: 10, levels: 5, rows: 20 } as const;
/** Block zones: places per row. */
export const BLOCK_PLACES_PER_ROW = 40;

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('validation.failed', `${field} must be a whole number from ${min} to ${max}`, {
      field,
      params: { min, max },
    });
  }
  return value;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function planDemo(input: DemoInput): DemoPlan {
  const items = wholeNumber(input.items, 'items', 1, MAX_ITEMS);
  const warehouses = wholeNumber(input.warehouses ?? 4, 'warehouses', 2, 50);
  const seed = wholeNumber(input.seed ?? 1, 'seed', 0, 2 ** 31 - 1);
  const positions = wholeNumber(input.positions ?? items * DEFAULT_POSITIONS_PER_ITEM, 'positions', 0, MAX_POSITIONS);
  const unstructuredWarehouses = Math.max(1, Math.floor(warehouses / 3));
  const structuredWarehouses = warehouses - unstructuredWarehouses;
  // About 2.5 positions per bin leaves a realistic share of empty bins (for "empty bins" count lists).
  const perWarehouse = Math.max(60, Math.ceil(positions / 2.5 / structuredWarehouses));
  const highBay = Math.max(20, Math.round(perWarehouse * 0.6));
  const block = Math.max(20, Math.round(perWarehouse * 0.25));
  const placesOnly = Math.max(10, perWarehouse - highBay - block);
  const places = structuredWarehouses * (highBay + block + placesOnly + 1) + unstructuredWarehouses;
  const perItem = Math.ceil(positions / items);
  if (perItem > places) {
    throw new DomainError(
      'validation.failed',
      `positions ${positions} need ${perItem} places per item but the demo warehouses have ${places}; give more items or fewer positions`,
      {
        field: 'positions',
        params: { perItem, places },
      },
    );
  }
  const placeStep = [7919, 104_729, 1_299_709, 15_485_863].find((p) => gcd(p, places) === 1 && p % places !== 0) ?? 1;
  return {
    items,
    seed,
    positions,
    structuredWarehouses,
    unstructuredWarehouses,
    bins: { highBay, block, placesOnly },
    places,
    placeStep,
  };
}
