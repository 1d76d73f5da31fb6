// The approvals panel: a line waiting for approval with its figures formatted; approving asks for a reason
// before sending and then posts reason and comment; rejecting needs a comment; a refusal shows the translated
// error; decisions list who decided, why and when; nothing to show renders nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n/index';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { ApprovalsPanel } from './ApprovalsPanel';

const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const line = {
  id: '55',
  countListId: '7',
  countListNumber: 'CL-0001',
  lineNo: 3,
  itemCode: 'SCREW',
  itemDescription: 'Screw M8',
  unit: 'PZ',
  warehouseCode: 'WH1',
  zoneCode: 'A',
  binCode: '01-01',
  lot: '',
  serial: '',
  status: 'reported' as const,
  reviewState: 'needs_approval' as const,
  targetQuantity: '1000',
  firstCountQuantity: '800',
  reportedQuantity: '820',
  difference: '-180',
  value: '-360',
  unitPrice: '2',
  reasonCode: null,
  firstCounterName: 'Anna',
};
const decision = {
  id: '1',
  countListItemId: '54',
  countListId: '7',
  countListNumber: 'CL-0001',
  lineNo: 2,
  itemCode: 'NUT',
  itemDescription: 'Nut',
  decision: 'approved' as const,
  reasonCode: 'damaged',
  comment: 'crushed box',
  userId: '9',
  userName: 'Boss',
  decidedAt: '2026-03-15T10:00:00.000Z',
  targetQuantity: '10',
  countedQuantity: '4',
  differenceValue: '-12',
};
const reasons = { items: [{ code: 'damaged', description: 'Damaged goods', active: true }] };

function answer(view: unknown, post?: (c: Call) => unknown) {
  return mockFetch((c) => {
    if (c.method === 'POST') return post ? post(c) : { approval: decision, line: { ...line, reviewState: 'approved' } };
    if (c.path === '/api/reason-codes') return reasons;
    return view;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  void i18n.changeLanguage('en');
});

describe('approvals panel', () => {
  it('shows a pending line with target, counts, difference and value, and the decisions taken', async () => {
    answer({ pending: [line], recounts: [], decided: [decision] });
    renderUi(<ApprovalsPanel inventoryId="9" />);
    const row = await screen.findByTestId('approval-line-55');
    const cells = [...row.querySelectorAll('td')].slice(0, 10).map((c) => c.textContent);
    expect(cells).toEqual([
      'CL-0001',
      '3',
      'SCREW Screw M8',
      'WH1 / A / 01-01',
      '1,000',
      '800',
      '820',
      '-180',
      '-360.00',
      'Anna',
    ]);
    expect(screen.getByTestId('approvals-pending-count').textContent).toBe('1');
    expect(screen.getByTestId('decision-1').textContent).toMatch(/Approved.*damaged.*crushed box.*Boss/);
  });

  it('approving needs a reason first; then reason and comment are posted', async () => {
    const calls = answer({ pending: [line], recounts: [], decided: [] });
    renderUi(<ApprovalsPanel inventoryId="9" />);
    fireEvent.click(await screen.findByTestId('approve-55'));
    expect(await screen.findByText('Choose a reason to approve')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('approval-reason-55'));
    fireEvent.click(await screen.findByText('damaged – Damaged goods'));
    fireEvent.change(screen.getByTestId('approval-comment-55'), { target: { value: ' crushed box ' } });
    fireEvent.click(screen.getByTestId('approve-55'));
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({
        method: 'POST',
        path: '/api/count-list-items/55/approval',
        body: { decision: 'approved', reasonCode: 'damaged', comment: 'crushed box' },
      }),
    );
  });

  it('rejecting needs a comment; a refusal shows the translated sentence', async () => {
    const calls = answer({ pending: [line], recounts: [], decided: [] }, () => [
      409,
      { error: { code: 'review.not_pending', message: 'the line is approved', params: { state: 'approved' } } },
    ]);
    renderUi(<ApprovalsPanel inventoryId="9" />);
    fireEvent.click(await screen.findByTestId('reject-55'));
    expect(await screen.findByText('Say why the count is rejected')).toBeTruthy();
    fireEvent.change(screen.getByTestId('approval-comment-55'), { target: { value: 'count the back shelf' } });
    fireEvent.click(screen.getByTestId('reject-55'));
    expect(await screen.findByText('This line is not waiting for approval (it is approved).')).toBeTruthy();
    expect(sent(calls)[0]).toMatchObject({ body: { decision: 'rejected', comment: 'count the back shelf' } });
  });

  it('lists the lines being recounted with their state, in German too', async () => {
    answer({ pending: [], recounts: [{ ...line, reviewState: 'recount_requested' }], decided: [] });
    renderUi(<ApprovalsPanel inventoryId="9" />);
    expect(await screen.findByTestId('approvals-none')).toBeTruthy();
    expect(screen.getByTestId('approvals-recounts').textContent).toMatch(/Recount/);
    await i18n.changeLanguage('de');
    await waitFor(() => expect(screen.getByTestId('approvals-recounts').textContent).toMatch(/Nachzählung/));
    expect(screen.getByTestId('approvals-recounts').textContent).toMatch(/1\.000/);
  });

  it('renders nothing when no line was ever outside the tolerance', async () => {
    const calls = answer({ pending: [], recounts: [], decided: [] });
    renderUi(<ApprovalsPanel inventoryId="9" />);
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('approvals-panel')).toBeNull();
  });
});
