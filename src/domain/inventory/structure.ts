// The structure table of count-list generation (SPEC §4.4): ordered criteria, each with a sort position, a
// "new list" flag and a group change N. This file owns the splitting rule; the SQL in
// services/inventory/generation.repository.ts expresses the same rule with window functions and is tested against
// `splitIntoLists` on the same data.
//
// The rule, hierarchical so that it is expressible set-based (and reproduces the seed example exactly):
// positions are sorted by the criteria in table order, then by bin, item, lot, serial. Level by level, from
// the top, a "list group" is refined:
//   - new list at level k: positions whose criteria 1..k differ are in different groups;
//   - group change N at level k: inside the group formed by the levels above, the distinct values of
//     criteria 1..k are numbered in sort order (dense rank) and every N of them form a group.
// Finally at most `maxItems` positions (bin lists: bins) of a group go on one list. Lists are numbered in
// sort order; with `maxLists` > 0 the positions of later lists are not generated.
import { DomainError } from '../errors.js';
import type { CountType } from './vocabulary.js';
export type ArticleCriterion = 'warehouse_zone' | 'article';
export type BinCriterion = 'warehouse' | 'zone' | 'aisle' | 'row' | 'level' | 'place';
export type Criterion = ArticleCriterion | BinCriterion;

export interface StructureLevel {
  criterion: Criterion;
  /** A change of value at this level starts a new list. */
  newList: boolean;
  /** Start a new list after this many distinct values of this level (0 = no limit). */
  groupChange: number;
}

export const CRITERIA: Record<CountType, readonly Criterion[]> = {
  article: ['warehouse_zone', 'article'],
  bin: ['warehouse', 'zone', 'aisle', 'row', 'level', 'place'],
  differences: ['warehouse_zone', 'article'],
};

/**
 * Validates a structure table for a count type. Criteria not given keep their default order after the
 * given ones, without flags; a criterion may appear once.
 */
export function normaliseStructure(
  countType: CountType,
  levels: readonly StructureLevel[] | undefined,
): StructureLevel[] {
  const allowed = CRITERIA[countType];
  const given = levels ?? [];
  const seen = new Set<Criterion>();
  given.forEach((l, i) => {
    if (!allowed.includes(l.criterion)) {
      throw new DomainError(
        'generation.structure_invalid',
        `${countType} lists are structured by ${allowed.join(', ')}; not by ${l.criterion}`,
        { field: `structure.${i}.criterion` },
      );
    }
    if (seen.has(l.criterion)) {
      throw new DomainError('generation.structure_invalid', `criterion ${l.criterion} appears twice`, {
        field: `structure.${i}.criterion`,
      });
    }
    if (!Number.isInteger(l.groupChange) || l.groupChange < 0) {
      throw new DomainError('generation.structure_invalid', 'group change is a whole number ≥ 0 (0 = no limit)', {
        field: `structure.${i}.groupChange`,
      });
    }
    seen.add(l.criterion);
  });
  const rest = allowed.filter((c) => !seen.has(c)).map((criterion) => ({ criterion, newList: false, groupChange: 0 }));
  return [...given.map((l) => ({ criterion: l.criterion, newList: l.newList, groupChange: l.groupChange })), ...rest];
}

/** What a position offers for sorting and splitting. Null sorts first. */
export interface SortFields {
  whCode: string;
  /** Zone code for the warehouse/zone criterion: the zone when the warehouse is structured, else null. */
  wzZoneCode: string | null;
  zoneCode: string | null;
  itemCode: string | null;
  aisle: string | null;
  rowNo: string | null;
  levelNo: string | null;
  place: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
}

/** The sort-field names of each criterion, in order (the SQL builder maps them to columns). */
export const CRITERION_FIELDS: Record<Criterion, readonly (keyof SortFields)[]> = {
  warehouse_zone: ['whCode', 'wzZoneCode'],
  article: ['itemCode'],
  warehouse: ['whCode'],
  zone: ['zoneCode'],
  aisle: ['aisle'],
  row: ['rowNo'],
  level: ['levelNo'],
  place: ['place'],
};

/** Fields after the criteria that make the order total (a position is unique by them). */
export const TIEBREAK_FIELDS: readonly (keyof SortFields)[] = ['binCode', 'itemCode', 'lot', 'serial'];

/** The full ordering: the criteria's fields in table order, then the tiebreak. */
export function orderFields(structure: readonly StructureLevel[]): (keyof SortFields)[] {
  return [...structure.flatMap((l) => CRITERION_FIELDS[l.criterion]), ...TIEBREAK_FIELDS];
}

/** Byte-order comparison with nulls first: the same order as SQL `collate "C" nulls first`. */
export function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function sortPositions<T extends SortFields>(
  positions: readonly T[],
  structure: readonly StructureLevel[],
): T[] {
  const fields = orderFields(structure);
  return [...positions].sort((p, q) => {
    for (const f of fields) {
      const c = compareValues(p[f], q[f]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

export interface SplitOptions {
  /** Positions per list (bin lists: bins per list); null = unlimited. */
  maxItems: number | null;
  /** 0 = unlimited. */
  maxLists: number;
  /** What maxItems counts: positions, or distinct bins (bin lists count whole bins). */
  unit: 'position' | 'bin';
}

export interface Split {
  /** Per input position (same index): its list (1-based) and line (1-based), or null when beyond maxLists. */
  assignments: ({ list: number; line: number } | null)[];
  listCount: number;
  /** Positions not generated because of maxLists. */
  overMaxLists: number;
}

const keyOf = (p: SortFields, fields: readonly (keyof SortFields)[]) => JSON.stringify(fields.map((f) => p[f]));

/** Assigns list breaks to positions already sorted with `sortPositions`. Pure reference of the SQL. */
export function splitIntoLists(
  sorted: readonly SortFields[],
  structure: readonly StructureLevel[],
  options: SplitOptions,
): Split {
  // Each position's group key grows level by level, exactly like the SQL's partition list.
  const groups: string[][] = sorted.map(() => []);
  const prefix: (keyof SortFields)[] = [];
  for (const level of structure) {
    prefix.push(...CRITERION_FIELDS[level.criterion]);
    if (level.newList) sorted.forEach((p, i) => groups[i]!.push(keyOf(p, prefix)));
    if (level.groupChange > 0) chunkByRank(sorted, groups, (p) => keyOf(p, prefix), level.groupChange);
  }
  if (options.maxItems !== null) {
    const unitKey =
      options.unit === 'bin'
        ? (p: SortFields) => keyOf(p, [...prefix, 'binCode'])
        : (_p: SortFields, i: number) => String(i);
    chunkByRank(sorted, groups, unitKey, options.maxItems);
  }
  const listOf = new Map<string, number>();
  const lineCount = new Map<number, number>();
  let overMaxLists = 0;
  const assignments = sorted.map((_, i) => {
    const g = JSON.stringify(groups[i]);
    let list = listOf.get(g);
    if (list === undefined) listOf.set(g, (list = listOf.size + 1));
    if (options.maxLists > 0 && list > options.maxLists) {
      overMaxLists++;
      return null;
    }
    const line = (lineCount.get(list) ?? 0) + 1;
    lineCount.set(list, line);
    return { list, line };
  });
  const listCount = options.maxLists > 0 ? Math.min(listOf.size, options.maxLists) : listOf.size;
  return { assignments, listCount, overMaxLists };
}

/** Inside each current group, numbers the distinct values of `key` in order and appends ⌊(rank−1)/n⌋. */
function chunkByRank(
  sorted: readonly SortFields[],
  groups: string[][],
  key: (p: SortFields, i: number) => string,
  n: number,
): void {
  const ranks = new Map<string, { last: string; rank: number }>();
  sorted.forEach((p, i) => {
    const g = JSON.stringify(groups[i]);
    const k = key(p, i);
    const r = ranks.get(g);
    // Equal keys are adjacent in sort order, so a dense rank only needs the previous key of the group.
    const rank = r === undefined ? 1 : r.last === k ? r.rank : r.rank + 1;
    ranks.set(g, { last: k, rank });
    groups[i]!.push(String(Math.floor((rank - 1) / n)));
  });
}
