// Reservations: "reserved quantity not available" shown plainly, release from it, and the create form's checks
// with the server's refusal (not available) on the quantity.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n/index';
import { mockFetch, renderUi, type Call } from '../../test/render';
import ReservationsPage from './ReservationsPage';
import { checkReservation } from './ReservationForm';

const t = i18n.getFixedT('en');
const res = (id: string, status: string) => ({
  id,
  siteId: '1',
  itemId: '100',
  warehouseId: '2',
  zoneId: null,
  binId: null,
  lot: '',
  serial: '',
  ownerId: '1',
  quantity: '1200',
  status,
  reference: 'SO-1',
});

function api(c: Call): unknown {
  if (c.path === '/api/auth/me')
    return { id: '1', username: 'admin', displayName: 'Admin', role: 'admin', siteId: null, active: true };
  if (c.path === '/api/sites') return { items: [{ id: '1', code: 'S1', name: 'Site' }] };
  if (c.path === '/api/owners') return { items: [{ id: '1', code: 'OWN', name: 'Owner' }] };
  if (c.path === '/api/warehouses')
    return { items: [{ id: '2', siteId: '1', code: 'W2', name: 'Store', kind: 'unstructured' }] };
  if (c.path === '/api/items/100') return { id: '100', code: 'SCREW-M8', description: 'Screw' };
  if (c.path === '/api/reservations') return { items: [res('7', 'not_available'), res('8', 'open')], nextOffset: null };
  if (c.path === '/api/reservations/7/cancel') return res('7', 'cancelled');
  return { items: [] };
}

beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1200 });
});

describe('reservations', () => {
  it('checks the create form as the server does', () => {
    const units = new Map([['PCS', { code: 'PCS', description: '', decimals: 0 }]]);
    const base = {
      item: null,
      warehouseId: null,
      zoneId: null,
      bin: null,
      lot: '',
      serial: '',
      ownerId: null,
      quantity: '',
      reference: '',
    };
    expect(checkReservation(t, base, units)).toEqual({
      item: 'Required',
      warehouseId: 'Required',
      ownerId: 'Required',
      quantity: 'Required',
    });
    const item = { id: '1', code: 'X', primaryUnit: 'PCS' } as never;
    expect(checkReservation(t, { ...base, item, warehouseId: '2', ownerId: '1', quantity: '0.5' }, units)).toEqual({
      quantity: 'At most 0 decimals',
    });
    expect(
      checkReservation(t, { ...base, item, warehouseId: '2', ownerId: '1', quantity: '-2' }, units).quantity,
    ).toBeDefined();
    expect(
      checkReservation(
        t,
        { ...base, item, warehouseId: '2', ownerId: '1', quantity: '2', reference: 'x'.repeat(81) },
        units,
      ),
    ).toEqual({ reference: 'At most 80 characters' });
  });

  it('shows reserved quantity not available and releases it', async () => {
    const calls = mockFetch(api);
    renderUi(<ReservationsPage />);
    const table = await screen.findByTestId('reservations');
    await waitFor(() =>
      expect(within(table).getByTestId('res-status-7').textContent).toBe('Reserved quantity not available'),
    );
    await waitFor(() => expect(within(table).getAllByText('SCREW-M8')).toHaveLength(2));
    expect(within(table).getAllByText('1,200')).toHaveLength(2);
    expect(within(table).queryByRole('button', { name: 'Fulfil reservation 7' })).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Release reservation 7' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/reservations/7/cancel')).toBe(true),
    );
    expect(calls.find((c) => c.path === '/api/reservations')?.query.get('status')).toBe('open');
  });
});
