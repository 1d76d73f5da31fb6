// The bins list: filters go to the server (100,000 bins are never loaded to filter), selected rows are
// blocked in one request.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { BinsTab } from './BinsTab';

const warehouses = {
  items: [
    {
      id: '3',
      siteId: '1',
      code: 'WH1',
      name: 'Main',
      kind: 'structured',
      physical: 'internal',
      responsibleUserId: null,
      allowNegative: false,
      costCentre: null,
    },
  ],
  nextOffset: null,
};
const zones = {
  items: [
    {
      id: '9',
      siteId: '1',
      warehouseId: '3',
      code: 'HB',
      name: 'High bay',
      organisation: 'high_bay',
      structured: true,
      usage: 'normal',
    },
  ],
  nextOffset: null,
};
const lists = (c: Call): unknown =>
  c.path === '/api/warehouses' ? warehouses : c.path === '/api/zones' ? zones : { items: [], nextOffset: null };
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

// happy-dom lays nothing out: give elements a size so the virtualised table renders its rows.
beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1200 });
});

describe('bins list', () => {
  it('filters on the server and blocks the selected bins in one request', async () => {
    const bins = ['01-1-001', '01-1-002', '01-1-003'].map((code, i) => ({
      id: String(100 + i),
      siteId: '1',
      warehouseId: '3',
      zoneId: '9',
      code,
      aisle: null,
      row: '01',
      level: '1',
      place: code.slice(-3),
      barcode: null,
      blocked: false,
    }));
    const calls = mockFetch((c) => {
      if (c.path === '/api/bins/blocked') return { changed: 2 };
      if (c.path === '/api/bins') return { items: bins, nextOffset: null };
      return lists(c);
    });
    renderUi(<BinsTab warehouseId="3" onWarehouse={() => undefined} />);
    await screen.findByTestId('bin-row-01-1-002');
    change('bin-search', '01-1');
    await waitFor(() =>
      expect(
        calls.some(
          (c) => c.path === '/api/bins' && c.query.get('codePrefix') === '01-1' && c.query.get('warehouseId') === '3',
        ),
      ).toBe(true),
    );
    await screen.findByTestId('bin-row-01-1-002');
    fireEvent.click(screen.getByRole('checkbox', { name: '100' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '102' }));
    expect(screen.getByTestId('bin-block-selected').textContent).toBe('Block selected (2)');
    fireEvent.click(screen.getByTestId('bin-block-selected'));
    await waitFor(() => expect(screen.getByTestId('bin-block-selected').textContent).toBe('Block selected (0)'));
    expect(posts(calls)).toEqual([
      expect.objectContaining({ path: '/api/bins/blocked', body: { ids: ['100', '102'], blocked: true } }),
    ]);
  });
});
