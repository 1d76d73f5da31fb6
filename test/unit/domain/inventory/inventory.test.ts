import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  checkHeaderChanges,
  checkKeyKinds,
  formatNumber,
  type HeaderState,
  INVENTORY_STATUSES,
  INVENTORY_TRANSITIONS,
  type InventoryCommand,
  type InventoryStatus,
  type KeyKind,
  transition,
} from '../../../../src/domain/inventory/inventory.js';

describe('inventory state machine', () => {
  const legal = new Set(INVENTORY_STATUSES.flatMap((f) => INVENTORY_TRANSITIONS[f].map((t) => `${f}>${t}`)));
  const pairs = INVENTORY_STATUSES.flatMap((f) => INVENTORY_STATUSES.map((t) => [f, t] as const));

  it.each(pairs.filter(([f, t]) => legal.has(`${f}>${t}`)))('allows %s → %s', (from, to) => {
    expect(transition(from, to)).toBe(to);
  });

  it.each(pairs.filter(([f, t]) => !legal.has(`${f}>${t}`)))('refuses %s → %s with a code', (from, to) => {
    expect(() => transition(from, to)).toThrow(
      expect.objectContaining({ code: from === 'closed' ? 'inventory.closed' : 'inventory.illegal_transition' }),
    );
  });

  const commands: [InventoryStatus, InventoryCommand, InventoryStatus | string][] = [
    ['created', 'listsAdded', 'has_count_lists'],
    ['has_count_lists', 'listsAdded', 'has_count_lists'],
    ['open', 'listsAdded', 'open'],
    ['closed', 'listsAdded', 'inventory.closed'],
    ['has_count_lists', 'listsRemoved', 'created'],
    ['open', 'listsRemoved', 'open'],
    ['closed', 'listsRemoved', 'inventory.closed'],
    ['created', 'start', 'open'],
    ['has_count_lists', 'start', 'open'],
    ['open', 'start', 'inventory.illegal_transition'],
    ['closed', 'start', 'inventory.closed'],
    ['open', 'close', 'closed'],
    ['created', 'close', 'inventory.illegal_transition'],
    ['has_count_lists', 'close', 'inventory.illegal_transition'],
    ['closed', 'close', 'inventory.closed'],
  ];
  it.each(commands)('%s + %s → %s', (from, command, expected) => {
    if (expected.includes('.'))
      expect(() => applyCommand(from, command)).toThrow(expect.objectContaining({ code: expected }));
    else expect(applyCommand(from, command)).toBe(expected);
  });
});

const header: HeaderState = {
  status: 'created',
  method: 'stock_taking_day',
  materialType: 'stock_items',
  typeId: '1',
  description: '',
  ownerId: '1',
  fiscalYear: 2026,
  countListSequenceCode: 'CL',
  stockTakingDate: '2026-03-31',
  valuationPrice: 'average',
  adjustmentKey: 'ADJ',
  transferKey: 'TRF',
  valueAdjustmentKey: 'REV',
  reportType: 'single',
  singleReportingRequired: false,
  showSystemQuantities: false,
  costCentre: null,
  responsibleUserId: null,
};

describe('header changes', () => {
  it.each([
    ['type after first save', {}, { typeId: '2' }, false, 'inventory.type_locked'],
    ['owner once started', { status: 'open' }, { ownerId: '2' }, false, 'inventory.owner_locked'],
    [
      "owner before start, with lists (their lines list that owner's stock)",
      {},
      { ownerId: '2' },
      true,
      'inventory.owner_locked',
    ],
    ['valuation price with lists', {}, { valuationPrice: 'inventory' }, true, 'inventory.valuation_locked'],
    ['adjustment key with lists', {}, { adjustmentKey: 'ADJ2' }, true, 'inventory.keys_locked'],
    ['transfer key with lists', {}, { transferKey: null }, true, 'inventory.keys_locked'],
    ['value key with lists', {}, { valueAdjustmentKey: 'X' }, true, 'inventory.keys_locked'],
    ['stock-taking date with lists', {}, { stockTakingDate: '2026-04-01' }, true, 'inventory.stock_taking_date_locked'],
    ['fiscal year with lists', {}, { fiscalYear: 2027 }, true, 'inventory.fiscal_year_locked'],
    ['anything when closed', { status: 'closed' }, { responsibleUserId: '5' }, false, 'inventory.closed'],
    ['stock-taking date removed', {}, { stockTakingDate: null }, false, 'inventory.stock_taking_date_required'],
    [
      'value key on production resources',
      { materialType: 'production_resources', valueAdjustmentKey: null },
      { valueAdjustmentKey: 'REV' },
      false,
      'inventory.value_key_not_allowed',
    ],
  ] as const)('refuses %s', (_n, state, changes, hasLists, code) => {
    expect(() => checkHeaderChanges({ ...header, ...state } as HeaderState, changes as never, hasLists)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it.each([
    ['owner before start, before any list', {}, { ownerId: '2' }, false],
    ['responsible employee while open', { status: 'open' }, { responsibleUserId: '7' }, true],
    ['valuation before lists', {}, { valuationPrice: 'settlement_3' }, false],
    ['same values on a closed inventory (no change)', { status: 'closed' }, { ownerId: '1' }, true],
  ] as const)('allows %s', (_n, state, changes, hasLists) => {
    expect(() => checkHeaderChanges({ ...header, ...state } as HeaderState, changes as never, hasLists)).not.toThrow();
  });
});

describe('key kinds and numbers', () => {
  const kinds = new Map<string, KeyKind>([
    ['ADJ', 'adjustment'],
    ['TRF', 'transfer'],
    ['REV', 'revaluation'],
    ['IN', 'receipt'],
  ]);
  it.each([
    [{ adjustmentKey: 'IN' }, 'inventory.key_kind', 'adjustmentKey'],
    [{ transferKey: 'ADJ' }, 'inventory.key_kind', 'transferKey'],
    [{ valueAdjustmentKey: 'TRF' }, 'inventory.key_kind', 'valueAdjustmentKey'],
    [{ adjustmentKey: 'NOPE' }, 'reference.unknown', 'adjustmentKey'],
  ] as const)('refuses %j', (keys, code, field) => {
    expect(() => checkKeyKinds(keys, kinds)).toThrow(expect.objectContaining({ code, field }));
  });
  it('accepts the right kinds', () => {
    expect(() =>
      checkKeyKinds({ adjustmentKey: 'ADJ', transferKey: 'TRF', valueAdjustmentKey: 'REV' }, kinds),
    ).not.toThrow();
  });
  it('pads numbers without ever cutting them', () => {
    expect(formatNumber('INV-', 4, 7)).toBe('INV-0007');
    expect(formatNumber('', 2, 12345)).toBe('12345');
  });
});
