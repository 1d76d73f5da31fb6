// Verification (SPEC §4.5): which items a verification run reopens. Pure; the service applies it with
// set-based statements and tests compare both on the same data.

export interface VerifyCandidate {
  id: string;
  countListId: string;
  countType: 'article' | 'bin' | 'differences';
  binId: string | null;
  status: 'open' | 'reported' | 'closed';
  verificationMark: boolean;
  informational: boolean;
}

export interface VerifyPlan {
  /** Reported items whose valid reports become invalid and which reopen for a recount. */
  reopen: string[];
  /** Marked items whose list is already closed: candidates for a new list (when asked for). */
  closedMarked: string[];
  /** Every item whose mark is removed. */
  unmark: string[];
}

export function planVerification(items: readonly VerifyCandidate[]): VerifyPlan {
  const marked = items.filter((i) => i.verificationMark);
  // On a bin list the whole bin is recounted: every other item of a marked bin reopens too.
  const bins = new Set(
    marked
      .filter((i) => i.countType === 'bin' && i.binId !== null && i.status !== 'closed')
      .map((i) => `${i.countListId}|${i.binId}`),
  );
  const reopen = items.filter(
    (i) =>
      i.status === 'reported' &&
      !i.informational &&
      (i.verificationMark || (i.binId !== null && bins.has(`${i.countListId}|${i.binId}`))),
  );
  return {
    reopen: reopen.map((i) => i.id),
    closedMarked: marked.filter((i) => i.status === 'closed').map((i) => i.id),
    unmark: marked.map((i) => i.id),
  };
}
