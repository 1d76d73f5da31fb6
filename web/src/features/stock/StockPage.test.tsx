// The stock screen's ledger tab: item and place by their codes as the API names them (never "#id"), the origin
// as its document's number linked to the count list or inventory, and sorting asked of the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import StockPage from './StockPage';

const entry = (id: string, o: Record<string, unknown>) => ({
  id,
  siteId: '1',
  keyCode: 'ADJ',
  itemId: '100',
  warehouseId: '3',
  zoneId: '4',
  binId: '228',
  lot: '',
  serial: '',
  ownerId: '1',
  quantity: '-2',
  value: '-10',
  unitPrice: '5',
  postingDate: '2026-03-14',
  originType: 'manual',
  originId: null,
  transferGroup: null,
  costCentre: null,
  userId: null,
  createdAt: '2026-03-14T10:00:00.000Z',
  itemCode: 'SCREW-M8',
  itemDescription: 'Screw M8',
  unit: 'PZ',
  warehouseCode: 'W1',
  zoneCode: 'Z-A',
  binCode: '01-02-3',
  originNumber: null,
  originInventoryId: null,
  ...o,
});
const entries = [
  entry('1', { originType: 'count_list', originId: '11', originNumber: '2026-0001', originInventoryId: '5' }),
  entry('2', {
    originType: 'inventory',
    originId: '5',
    originNumber: 'INV-2026-0001',
    zoneId: null,
    zoneCode: null,
    binId: null,
    binCode: null,
    quantity: '0',
  }),
  entry('3', { originType: 'manual', originId: 'DN-77' }),
];

function api(c: Call): unknown {
  if (c.path === '/api/stock/ledger') return { items: entries, nextOffset: null };
  if (c.path === '/api/warehouses') return { items: [{ id: '3', code: 'W1', name: 'Main' }], nextOffset: null };
  return { items: [], nextOffset: null };
}

beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1400 });
});

const ledgerCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/stock/ledger');

describe('stock ledger tab', () => {
  it('shows codes instead of ids and the origin by its document number, linked', async () => {
    mockFetch(api);
    renderUi(<StockPage />);
    fireEvent.click(screen.getByRole('tab', { name: 'Ledger entries' }));
    const table = await screen.findByTestId('ledger');
    await waitFor(() => expect(within(table).getByTestId('ledger-place-1').textContent).toBe('W1 / Z-A / 01-02-3'));
    expect(within(table).getByTestId('ledger-place-2').textContent).toBe('W1');
    expect(table.textContent).not.toContain('#228');
    expect(within(table).getAllByText('SCREW-M8')).toHaveLength(3);
    const list = within(table).getByTestId('ledger-origin-1');
    expect([list.textContent, list.getAttribute('href')]).toEqual(['Count list 2026-0001', '/count-lists/11']);
    const inv = within(table).getByTestId('ledger-origin-2');
    expect([inv.textContent, inv.getAttribute('href')]).toEqual(['Inventory INV-2026-0001', '/inventories/5']);
    // A manual posting's origin id is free text: shown, not linked.
    expect(within(table).getByText('Manual posting DN-77')).toBeTruthy();
    expect(within(table).queryByTestId('ledger-origin-3')).toBeNull();
  });

  it('sorts on the server by date, item, place, quantity and value', async () => {
    const calls = mockFetch(api);
    renderUi(<StockPage />);
    fireEvent.click(screen.getByRole('tab', { name: 'Ledger entries' }));
    await screen.findByTestId('ledger-place-1');
    expect([ledgerCalls(calls)[0]!.query.get('sort'), ledgerCalls(calls)[0]!.query.get('dir')]).toEqual([
      'entry',
      'asc',
    ]);
    for (const [key, dir] of [
      ['date', 'desc'],
      ['item', 'asc'],
      ['place', 'asc'],
      ['quantity', 'desc'],
      ['value', 'desc'],
    ] as const) {
      fireEvent.click(screen.getByTestId(`ledger-sort-${key}`));
      await waitFor(() =>
        expect(ledgerCalls(calls).some((c) => c.query.get('sort') === key && c.query.get('dir') === dir)).toBe(true),
      );
    }
    fireEvent.click(screen.getByTestId('ledger-sort-value'));
    await waitFor(() =>
      expect(ledgerCalls(calls).some((c) => c.query.get('sort') === 'value' && c.query.get('dir') === 'asc')).toBe(
        true,
      ),
    );
  });
});
