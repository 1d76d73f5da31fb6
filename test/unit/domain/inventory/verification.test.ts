import { describe, expect, it } from 'vitest';
import { planVerification, type VerifyCandidate } from '../../../../src/domain/inventory/verification.js';

const item = (id: string, o: Partial<VerifyCandidate> = {}): VerifyCandidate => ({
  id,
  countListId: 'L1',
  countType: 'article',
  binId: null,
  status: 'reported',
  verificationMark: false,
  informational: false,
  ...o,
});

describe('verification plan', () => {
  it('reopens marked reported items; open marked items just lose the mark', () => {
    const plan = planVerification([
      item('1', { verificationMark: true }),
      item('2', { verificationMark: true, status: 'open' }),
      item('3'),
    ]);
    expect(plan).toEqual({ reopen: ['1'], closedMarked: [], unmark: ['1', '2'] });
  });

  it('on a bin list reopens the other items of the marked bin, not of other bins or lists', () => {
    const plan = planVerification([
      item('1', { countType: 'bin', binId: 'B1', verificationMark: true }),
      item('2', { countType: 'bin', binId: 'B1' }),
      item('3', { countType: 'bin', binId: 'B2' }),
      item('4', { countType: 'bin', binId: 'B1', countListId: 'L2' }),
    ]);
    expect(plan.reopen).toEqual(['1', '2']);
  });

  it('marked items of closed lists are candidates for a new list', () => {
    expect(planVerification([item('1', { status: 'closed', verificationMark: true })]).closedMarked).toEqual(['1']);
  });
});
