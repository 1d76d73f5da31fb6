// Undo of a count report: the line replays its other valid reports, in order, as if the undone one never was.
import { describe, expect, it } from 'vitest';
import { type LineReport, replayReports, undoReport } from '../../../../src/domain/inventory/reporting.js';

const r = (id: string, mode: LineReport['mode'], quantity: string, valid = true): LineReport => ({
  id,
  mode,
  quantity,
  valid,
});

describe('replayReports', () => {
  it.each<[string, LineReport[], string | null]>([
    ['no reports: open', [], null],
    ['only invalid reports: open', [r('1', 'add', '5', false)], null],
    ['adds sum up', [r('1', 'add', '5'), r('2', 'add', '3')], '8'],
    ['a replace restarts the sum', [r('1', 'add', '5'), r('2', 'replace', '2'), r('3', 'add', '1.5')], '3.5'],
    ['mark-all sets the quantity like a replace', [r('1', 'add', '5'), r('2', 'mark_all', '30')], '30'],
    ['invalid reports are skipped', [r('1', 'add', '5'), r('2', 'add', '3', false)], '5'],
    ['a replace of 0 is a count of zero, not open', [r('1', 'replace', '0')], '0'],
  ])('%s', (_name, reports, expected) => {
    expect(replayReports(reports)).toBe(expected);
  });
});

describe('undoReport', () => {
  it('undoing the only report opens the line (not a count of 0)', () => {
    expect(undoReport([r('1', 'add', '12')], '1')).toEqual({ reportedQuantity: null });
  });
  it('undoing an add of a cumulative line keeps the others', () => {
    expect(undoReport([r('1', 'add', '12'), r('2', 'add', '3')], '2')).toEqual({ reportedQuantity: '12' });
    expect(undoReport([r('1', 'add', '12'), r('2', 'add', '3')], '1')).toEqual({ reportedQuantity: '3' });
  });
  it('undoing a replace brings back what was counted before it', () => {
    expect(undoReport([r('1', 'add', '12'), r('2', 'replace', '20')], '2')).toEqual({ reportedQuantity: '12' });
  });
  it('refuses when a later negative correction relied on the undone report', () => {
    expect(() => undoReport([r('1', 'add', '5'), r('2', 'add', '-3')], '1')).toThrow(
      expect.objectContaining({ code: 'count.negative_result' }),
    );
  });
});
