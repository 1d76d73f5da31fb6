import { describe, expect, it } from 'vitest';
import {
  MAX_PRINT_LINES,
  decidePrint,
  emptyBins,
  planPrint,
  type PrintItem,
  type PrintListInput,
  type PrintOptions,
  type PrintUsage,
} from '../../../../src/domain/inventory/printing.js';
import { DomainError } from '../../../../src/domain/errors.js';

type I = PrintItem & { id: string };
const it_ = (id: string, o: Partial<I> = {}): I => ({
  id,
  lineNo: Number(id),
  status: 'open',
  verificationMark: false,
  informational: false,
  targetQuantity: '10.000',
  itemId: `ITEM${id}`,
  binId: null,
  ...o,
});
const list = (items: I[], o: Partial<PrintListInput<I>> = {}): PrintListInput<I> => ({
  id: 'L1',
  number: 'L0001',
  countType: 'article',
  showSystemQuantities: true,
  reportType: 'single',
  items,
  ...o,
});

// One list with every kind of item: open, open+marked, reported, reported+marked, closed, informational.
const mixed = [
  it_('1'),
  it_('2', { verificationMark: true }),
  it_('3', { status: 'reported' }),
  it_('4', { status: 'reported', verificationMark: true }),
  it_('5', { status: 'closed' }),
  it_('6', { informational: true }),
];

const printed = (usage: PrintUsage, printReported: boolean) =>
  planPrint([list(mixed)], { usage, printReported }).lists[0]?.lines.map((l) => l.item.id);

describe('which items print', () => {
  it.each<[PrintUsage, boolean, string[] | undefined]>([
    ['count', false, ['1']],
    ['count', true, ['1', '3', '5']],
    ['verification', false, ['2']],
    ['verification', true, ['2', '4']],
    ['none', false, ['1', '2']],
    ['none', true, ['1', '2', '3', '4', '5']],
    ['blank', false, []],
    ['blank', true, []],
  ])('usage %s, print reported %s → %j (never informational)', (usage, reported, ids) => {
    expect(printed(usage, reported)).toEqual(ids);
  });

  it('prints in line order whatever order the items come in', () => {
    const plan = planPrint([list([it_('3'), it_('1'), it_('2')])], { usage: 'count' });
    expect(plan.lists[0]!.lines.map((l) => l.item.lineNo)).toEqual([1, 2, 3]);
  });
});

describe('which lists print, and the warnings', () => {
  const cases: [string, PrintListInput<I>, PrintOptions, string | null][] = [
    [
      'count needs an open item without verification',
      list([it_('1', { verificationMark: true }), it_('2', { status: 'reported' })]),
      { usage: 'count' },
      'print.no_open_items',
    ],
    [
      'count: reported items alone do not qualify even when printed',
      list([it_('1', { status: 'reported' })]),
      { usage: 'count', printReported: true },
      'print.no_open_items',
    ],
    [
      'verification needs an open marked item',
      list([it_('1'), it_('2', { status: 'reported', verificationMark: true })]),
      { usage: 'verification' },
      'print.no_marked_items',
    ],
    [
      'none with only reported items and the flag off',
      list([it_('1', { status: 'reported' })]),
      { usage: 'none' },
      'print.no_items',
    ],
    [
      'none with only reported items and the flag on',
      list([it_('1', { status: 'reported' })]),
      { usage: 'none', printReported: true },
      null,
    ],
    [
      'only informational items: never, not even blank',
      list([it_('1', { informational: true })]),
      { usage: 'blank' },
      'print.only_informational',
    ],
    [
      'only informational items, usage count',
      list([it_('1', { informational: true })]),
      { usage: 'count' },
      'print.only_informational',
    ],
    [
      'differences list with items: blank pages only',
      list([it_('1')], { countType: 'differences' }),
      { usage: 'count' },
      'print.differences_blank_only',
    ],
    [
      'differences list, usage none',
      list([it_('1')], { countType: 'differences' }),
      { usage: 'none' },
      'print.differences_blank_only',
    ],
    [
      'differences list as blank pages',
      list([it_('1')], { countType: 'differences' }),
      { usage: 'blank', blankPages: 3 },
      null,
    ],
    ['an empty list prints blank pages', list([]), { usage: 'blank' }, null],
    ['an empty list has nothing to count', list([]), { usage: 'count' }, 'print.no_open_items'],
    ['bin list with an open item', list([it_('1')], { countType: 'bin' }), { usage: 'count' }, null],
  ];
  it.each(cases)('%s', (_name, l, o, code) => {
    const plan = planPrint([l], o);
    expect(plan.warnings.map((w) => w.code)).toEqual(code ? [code] : []);
    expect(plan.lists).toHaveLength(code ? 0 : 1);
    if (code)
      expect(plan.warnings[0]).toMatchObject({
        listId: 'L1',
        listNumber: 'L0001',
        message: expect.stringContaining('L0001'),
      });
  });

  it('hints at print reported items when reported items would qualify', () => {
    const plan = planPrint([list([it_('1', { status: 'reported', verificationMark: true })])], {
      usage: 'verification',
    });
    expect(plan.warnings[0]!.message).toContain('1 such item(s) are already reported');
  });

  it('blank pages: default one page, the requested number otherwise, no items and no targets', () => {
    expect(planPrint([list(mixed)], { usage: 'blank' }).lists[0]).toEqual({
      listId: 'L1',
      showTargets: false,
      blankPages: 1,
      lines: [],
    });
    expect(planPrint([list(mixed)], { usage: 'blank', blankPages: 999 }).lists[0]!.blankPages).toBe(999);
  });
});

describe('targets', () => {
  it.each<[string, Partial<PrintListInput<I>>, Partial<I>, boolean, string | null]>([
    ['shown and normalised', {}, {}, true, '10'],
    ['blind inventory: no column, no value', { showSystemQuantities: false }, {}, false, null],
    ['blind bin list', { showSystemQuantities: false, countType: 'bin' }, {}, false, null],
    [
      'empty bin on a bin list: no target',
      { countType: 'bin' },
      { binId: 'B1', itemId: null, targetQuantity: null },
      true,
      null,
    ],
    [
      'bin list, nothing expected in the bin: no target, not even 0',
      { countType: 'bin' },
      { binId: 'B1', targetQuantity: '0.000' },
      true,
      null,
    ],
    ['article list, target 0 prints 0', {}, { targetQuantity: '0.000' }, true, '0'],
    ['item not yet opened (no target read)', {}, { targetQuantity: null }, true, null],
    ['fraction', {}, { targetQuantity: '2.500' }, true, '2.5'],
  ])('%s', (_name, lo, io, column, target) => {
    const p = planPrint([list([it_('1', io)], lo)], { usage: 'count' }).lists[0]!;
    expect(p.showTargets).toBe(column);
    expect(p.lines[0]!.target).toBe(target);
  });
});

describe('empty bins on bin lists', () => {
  it('a bin is empty when no item in it is expected; other bins keep their targets, zeros included', () => {
    const l = list(
      [
        it_('1', { binId: 'B1', targetQuantity: '0' }),
        it_('2', { binId: 'B1', itemId: null, targetQuantity: null }),
        it_('3', { binId: 'B2', targetQuantity: '0' }),
        it_('4', { binId: 'B2', targetQuantity: '5' }),
      ],
      { countType: 'bin' },
    );
    expect(planPrint([l], { usage: 'count' }).lists[0]!.lines.map((x) => x.target)).toEqual([null, null, '0', '5']);
    expect([...emptyBins(l)]).toEqual(['B1']);
    expect(emptyBins({ ...l, countType: 'article' }).size).toBe(0);
  });
});

describe('options and the decision', () => {
  it.each<[PrintOptions, string]>([
    [{ usage: 'count', blankPages: 2 }, 'blankPages'],
    [{ usage: 'blank', blankPages: 0 }, 'blankPages'],
    [{ usage: 'blank', blankPages: 1000 }, 'blankPages'],
    [{ usage: 'blank', blankPages: 1.5 }, 'blankPages'],
  ])('refuses %j', (o, field) => {
    expect(() => planPrint([list(mixed)], o)).toThrow(expect.objectContaining({ code: 'validation.failed', field }));
  });

  it('refuses a run over the blank-page limit (999 pages for three lists is fine, for four it is not)', () => {
    const lists = (n: number) => Array.from({ length: n }, (_, i) => list([], { id: `L${i}`, number: `L000${i}` }));
    expect(planPrint(lists(3), { usage: 'blank', blankPages: 999 }).lists).toHaveLength(3);
    expect(() => planPrint(lists(4), { usage: 'blank', blankPages: 999 })).toThrow(
      expect.objectContaining({ code: 'print.too_large' }),
    );
  });

  it('refuses a run over the line limit', () => {
    const many = Array.from({ length: MAX_PRINT_LINES + 1 }, (_, i) => it_(String(i + 1)));
    expect(() => planPrint([list(many)], { usage: 'count' })).toThrow(
      expect.objectContaining({ code: 'print.too_large' }),
    );
  });

  const good = list([it_('1')], { id: 'L1', number: 'L0001' });
  const skipped = list([it_('1', { informational: true })], { id: 'L2', number: 'L0002' });

  it('without warnings: print', () => {
    expect(decidePrint(planPrint([good], { usage: 'count' }), false)).toMatchObject({ status: 'print', warnings: [] });
  });
  it('warnings not confirmed: stop and return them', () => {
    const d = decidePrint(planPrint([good, skipped], { usage: 'count' }), false);
    expect(d).toEqual({
      status: 'warnings',
      warnings: [expect.objectContaining({ listId: 'L2', code: 'print.only_informational' })],
    });
  });
  it('warnings auto-confirmed: print the rest, keep the warnings', () => {
    const d = decidePrint(planPrint([good, skipped], { usage: 'count' }), true);
    expect(d.status).toBe('print');
    expect(d.status === 'print' && d.lists.map((l) => l.listId)).toEqual(['L1']);
    expect(d.warnings).toHaveLength(1);
  });
  it.each([false, true])('nothing to print is an error with the warnings (auto-confirm %s)', (auto) => {
    try {
      decidePrint(planPrint([skipped], { usage: 'count' }), auto);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('print.nothing_to_print');
      expect((e as DomainError).params?.warnings).toHaveLength(1);
    }
  });
});

describe('dates on printed documents', () => {
  it("writes a date day first with the language's separator, and a moment in UTC", async () => {
    const { documentDate, documentTimestamp } = await import('../../../../src/domain/inventory/printing.js');
    expect(documentDate('2026-03-31', 'de')).toBe('31.03.2026');
    expect(documentDate('2026-03-31', 'pl')).toBe('31.03.2026');
    expect(documentDate('2026-03-31', 'it')).toBe('31/03/2026');
    expect(documentDate('2026-03-31', 'en')).toBe('31/03/2026');
    expect(documentTimestamp(new Date('2026-12-03T14:05:09Z'), 'de')).toBe('03.12.2026 14:05 UTC');
  });
});
