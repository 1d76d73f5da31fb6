import { describe, expect, it } from 'vitest';
import {
  normaliseStructure,
  sortPositions,
  splitIntoLists,
  type SortFields,
  type StructureLevel,
} from '../../../../src/domain/inventory/structure.js';

const pos = (whCode: string, itemCode: string, o: Partial<SortFields> = {}): SortFields => ({
  whCode,
  wzZoneCode: null,
  zoneCode: null,
  itemCode,
  aisle: null,
  rowNo: null,
  levelNo: null,
  place: null,
  binCode: null,
  lot: '',
  serial: '',
  ...o,
});
const lists = (
  ps: SortFields[],
  structure: StructureLevel[],
  maxItems: number | null = null,
  maxLists = 0,
  unit: 'position' | 'bin' = 'position',
) => {
  const sorted = sortPositions(ps, structure);
  const split = splitIntoLists(sorted, structure, { maxItems, maxLists, unit });
  const out: string[][] = [];
  sorted.forEach((p, i) => {
    const a = split.assignments[i];
    if (a)
      (out[a.list - 1] ??= []).push(
        `${p.whCode}-${p.itemCode}${p.lot ? `/${p.lot}` : ''}${p.binCode ? `@${p.binCode}` : ''}`,
      );
  });
  return out;
};

describe('the seed example (SPEC §4.4)', () => {
  const positions = [pos('001', '100'), pos('002', '100'), pos('001', '200')];
  it('order article, warehouse/zone gives 3 lists', () => {
    expect(
      lists(positions, [
        { criterion: 'article', newList: false, groupChange: 2 },
        { criterion: 'warehouse_zone', newList: false, groupChange: 1 },
      ]),
    ).toEqual([['001-100'], ['002-100'], ['001-200']]);
  });
  it('order warehouse/zone, article gives 2 lists', () => {
    expect(
      lists(positions, [
        { criterion: 'warehouse_zone', newList: false, groupChange: 1 },
        { criterion: 'article', newList: false, groupChange: 2 },
      ]),
    ).toEqual([['001-100', '001-200'], ['002-100']]);
  });
});

describe('splitIntoLists', () => {
  const many = ['A', 'B', 'C', 'D', 'E'].flatMap((i) => [pos('001', i), pos('002', i)]);
  const flat: StructureLevel[] = [
    { criterion: 'warehouse_zone', newList: false, groupChange: 0 },
    { criterion: 'article', newList: false, groupChange: 0 },
  ];
  it.each([
    ['no structure: one list', flat, null, 0, [10]],
    ['max items 4', flat, 4, 0, [4, 4, 2]],
    ['max items 4, max lists 2', flat, 4, 2, [4, 4]],
    [
      'new list per warehouse',
      [{ criterion: 'warehouse_zone', newList: true, groupChange: 0 }, flat[1]!],
      null,
      0,
      [5, 5],
    ],
    [
      'new list per warehouse + max 3',
      [{ criterion: 'warehouse_zone', newList: true, groupChange: 0 }, flat[1]!],
      3,
      0,
      [3, 2, 3, 2],
    ],
    [
      'article group change 2 (counts warehouse × article values)',
      [flat[0]!, { criterion: 'article', newList: false, groupChange: 2 }],
      null,
      0,
      [2, 2, 2, 2, 2],
    ],
    [
      'new list per warehouse, article group change 2',
      [
        { criterion: 'warehouse_zone', newList: true, groupChange: 0 },
        { criterion: 'article', newList: false, groupChange: 2 },
      ],
      null,
      0,
      [2, 2, 1, 2, 2, 1],
    ],
    [
      'warehouse group change 1 equals the new-list flag',
      [{ criterion: 'warehouse_zone', newList: false, groupChange: 1 }, flat[1]!],
      null,
      0,
      [5, 5],
    ],
    [
      'article first, new list per article',
      [{ criterion: 'article', newList: true, groupChange: 0 }, flat[0]!],
      null,
      0,
      [2, 2, 2, 2, 2],
    ],
  ] as const)('%s', (_name, structure, maxItems, maxLists, sizes) => {
    expect(lists(many, [...structure], maxItems, maxLists).map((l) => l.length)).toEqual(sizes);
  });

  it('counts bins, not positions, on bin lists', () => {
    const b = (code: string, item: string) => pos('001', item, { zoneCode: 'Z', place: code, binCode: code });
    const ps = [b('01', 'A'), b('01', 'B'), b('01', 'C'), b('02', 'A'), b('03', 'A')];
    const s = normaliseStructure('bin', undefined);
    expect(lists(ps, s, 2, 0, 'bin')).toEqual([['001-A@01', '001-B@01', '001-C@01', '001-A@02'], ['001-A@03']]);
  });

  it('sorts nulls first and by byte order', () => {
    const s = normaliseStructure('article', undefined);
    expect(lists([pos('b', '1'), pos('B', '1'), pos('a', '1', { wzZoneCode: 'Z' }), pos('a', '1')], s)[0]).toEqual([
      'B-1',
      'a-1',
      'a-1',
      'b-1',
    ]);
  });
});

describe('normaliseStructure', () => {
  it('appends missing criteria in default order', () => {
    expect(
      normaliseStructure('bin', [{ criterion: 'aisle', newList: true, groupChange: 0 }]).map((l) => l.criterion),
    ).toEqual(['aisle', 'warehouse', 'zone', 'row', 'level', 'place']);
  });
  it.each([
    ['article', [{ criterion: 'aisle', newList: false, groupChange: 0 }], 'structure.0.criterion'],
    [
      'article',
      [
        { criterion: 'article', newList: false, groupChange: 0 },
        { criterion: 'article', newList: false, groupChange: 1 },
      ],
      'structure.1.criterion',
    ],
    ['bin', [{ criterion: 'warehouse', newList: false, groupChange: -1 }], 'structure.0.groupChange'],
    ['differences', [{ criterion: 'place', newList: false, groupChange: 0 }], 'structure.0.criterion'],
  ] as const)('refuses %s %j', (type, levels, field) => {
    expect(() => normaliseStructure(type, [...levels])).toThrow(
      expect.objectContaining({ code: 'generation.structure_invalid', field }),
    );
  });
});
