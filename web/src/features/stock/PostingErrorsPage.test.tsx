// The posting error file: key, date, items and quantities come from the parked `posting`; the status filter
// goes to the API; a pending row can be retried (a still-locked posting shows its new reason) or discarded.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import PostingErrorsPage, { postingOf, quantitiesOf } from './PostingErrorsPage';

const line = (itemId: string, quantity: string) => ({
  itemId,
  warehouseId: '3',
  zoneId: null,
  binId: null,
  ownerId: '1',
  quantity,
});
const parked = {
  id: '41',
  siteId: '1',
  posting: { siteId: '1', keyCode: 'ISS', postingDate: '2026-03-02', originType: 'manual', lines: [line('100', '-4')] },
  reasonCode: 'ledger.stock_locked',
  reasonMessage: 'stock is locked by count list CL-0001',
  countListId: '9',
  status: 'pending',
  attempts: 1,
  createdAt: '2026-03-02T10:15:00.000Z',
  resolvedAt: null,
  userId: '2',
};

function api(c: Call): unknown {
  if (c.path === '/api/posting-errors')
    return { items: c.query.get('status') === 'discarded' ? [] : [parked], nextOffset: null };
  if (c.path === '/api/items/100') return { id: '100', code: 'SCREW-M8', description: 'Screw' };
  if (c.path === '/api/warehouses') return { items: [{ id: '3', code: 'W1', name: 'Main' }], nextOffset: null };
  if (c.path === '/api/posting-errors/41/retry')
    return { ...parked, attempts: 2, reasonMessage: 'still locked by CL-0001' };
  if (c.path === '/api/posting-errors/41/discard') return { ...parked, status: 'discarded' };
  return { items: [] };
}

// happy-dom lays nothing out: give elements a size so the virtualised table renders its rows.
beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1200 });
});

describe('posting error file', () => {
  it('reads key, date, items and quantities from the parked posting', () => {
    const p = postingOf(parked);
    expect(p?.keyCode).toBe('ISS');
    expect(quantitiesOf(p)).toBe('-4');
    expect(
      quantitiesOf(
        postingOf({ posting: { ...parked.posting, lines: ['1', '2', '3', '4'].map((q) => line('100', q)) } }),
      ),
    ).toBe('1, 2, 3 …');
    expect(
      quantitiesOf(postingOf({ posting: { ...parked.posting, lines: [line('100', '-1250.5')] } }), (q) => `<${q}>`),
    ).toBe('<-1250.5>');
    expect(postingOf({ posting: 'garbage' })).toBeNull();
  });

  it('shows the parked posting, filters by status, retries and discards with a reason', async () => {
    const calls = mockFetch(api);
    renderUi(<PostingErrorsPage />);
    const table = await screen.findByTestId('posting-errors');
    await waitFor(() => expect(within(table).getByText('SCREW-M8')).toBeTruthy());
    expect(within(table).getByText('ISS')).toBeTruthy();
    expect(within(table).getByText('2 Mar 2026')).toBeTruthy();
    expect(
      within(table).getByText(
        'The stock is locked by an open count list. The posting is posted once the list is closed.',
      ),
    ).toBeTruthy();
    expect(within(table).queryByText(/ledger\.stock_locked/)).toBeNull();
    expect(within(table).getByText('-4')).toBeTruthy();
    expect(within(table).getByText('W1')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/posting-errors')?.query.get('status')).toBe('pending');

    fireEvent.click(within(table).getByRole('button', { name: 'Retry 41' }));
    expect((await screen.findByTestId('pe-error')).textContent).toBe(
      'Still not posted: The stock is locked by an open count list. The posting is posted once the list is closed.',
    );

    fireEvent.click(within(table).getByRole('button', { name: 'Discard 41' }));
    const reason = await screen.findByLabelText(/^Reason/);
    fireEvent.change(reason, { target: { value: 'duplicate issue' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Discard' }).at(-1)!);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/posting-errors/41/discard')).toBe(true));
    expect(calls.find((c) => c.path === '/api/posting-errors/41/discard')?.body).toEqual({ reason: 'duplicate issue' });

    fireEvent.click(screen.getByText('Discarded'));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/api/posting-errors' && c.query.get('status') === 'discarded')).toBe(true),
    );
  });
});
