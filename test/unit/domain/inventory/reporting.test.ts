import { describe, expect, it } from 'vitest';
import { applyReport, decideMode, targetView } from '../../../../src/domain/inventory/reporting.js';

const plain = { decimals: 0, serial: false };

describe('reporting rules', () => {
  it.each([
    [null, '5', 'add', '5'],
    ['5', '3', 'add', '8'],
    ['5', '3', 'replace', '3'],
    ['5', '-2', 'add', '3'],
    ['0', '0', 'replace', '0'],
  ] as const)('previous %s, report %s (%s) → %s', (prev, q, mode, result) => {
    expect(applyReport(prev, q, mode, plain).resulting).toBe(result);
  });

  it.each([
    [null, '-1', 'replace', 'quantity.invalid'],
    ['2', '-3', 'add', 'count.negative_result'],
    [null, '1.5', 'replace', 'quantity.too_many_decimals'],
    [null, '2', 'replace', 'count.serial_quantity'],
    ['1', '1', 'add', 'count.serial_quantity'],
    [null, '1e3', 'replace', 'quantity.invalid'],
  ] as const)('previous %s, report %s (%s) → %s', (prev, q, mode, code) => {
    const rules = code === 'count.serial_quantity' ? { decimals: 0, serial: true } : plain;
    expect(() => applyReport(prev, q, mode, rules)).toThrow(expect.objectContaining({ code }));
  });

  it('keeps exact decimals', () => {
    expect(applyReport('0.1', '0.2', 'add', { decimals: 3, serial: false }).resulting).toBe('0.3');
  });

  it('asks add-or-replace only on a repeat report without a mode (handheld), preselecting the report type', () => {
    expect(decideMode(undefined, false, 'single', 'ask')).toEqual({ mode: 'replace' });
    expect(decideMode(undefined, true, 'cumulative', 'ask')).toEqual({ decisionNeeded: true, suggestedMode: 'add' });
    expect(decideMode(undefined, true, 'cumulative', 'report_type')).toEqual({ mode: 'add' });
    expect(decideMode('replace', true, 'cumulative', 'ask')).toEqual({ mode: 'replace' });
  });

  it.each([
    [false, 'single', true, 'article', false, { targetQuantity: null, proposedQuantity: null }],
    [false, 'single', false, 'article', false, { targetQuantity: '7', proposedQuantity: null }],
    [true, 'single', true, 'article', false, { targetQuantity: '7', proposedQuantity: '7' }],
    [true, 'cumulative', true, 'article', false, { targetQuantity: '7', proposedQuantity: '0' }],
    [true, 'single', true, 'bin', true, { targetQuantity: null, proposedQuantity: null }],
    [false, 'single', true, 'differences', false, { targetQuantity: '7', proposedQuantity: '0' }],
  ] as const)(
    'show %s, %s, counter %s, %s list, empty bin %s',
    (show, reportType, counter, countType, emptyBin, expected) => {
      expect(
        targetView({
          target: '7',
          showSystemQuantities: show,
          reportType,
          readerIsCounter: counter,
          countType,
          emptyBin,
        }),
      ).toEqual(expected);
    },
  );
});
