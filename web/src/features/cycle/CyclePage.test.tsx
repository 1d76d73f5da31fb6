// Cycle counting: the due list shows each position's status chip and the status counts, generating the lists
// of today's capacity calls the continuous inventory's route, and the KPI tab shows the figures per class.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import CyclePage from './CyclePage';

const dueItem = (id: string, itemCode: string, dueStatus: string, nextDue: string | null) => ({
  id,
  itemId: id,
  itemCode,
  itemDescription: `Item ${itemCode}`,
  warehouseId: '2',
  warehouseCode: 'W1',
  zoneCode: null,
  binCode: null,
  lot: '',
  serial: '',
  quantity: '5',
  lastCountedDate: nextDue ? '2026-01-30' : null,
  countCycleDays: 0,
  planClass: 'A',
  dueStatus,
  nextDue,
});
const counts = { never_counted: 1, overdue: 0, due_this_week: 1, due_this_month: 0, not_due: 3 };

function api(c: Call): unknown {
  if (c.path === '/api/auth/me')
    return { id: '1', username: 'mgr', displayName: 'Manager', role: 'manager', siteId: '1', active: true };
  if (c.path === '/api/sites') return { items: [{ id: '1', code: 'S1', name: 'Site' }] };
  if (c.path === '/api/warehouses')
    return { items: [{ id: '2', siteId: '1', code: 'W1', name: 'Store', kind: 'unstructured' }] };
  if (c.path === '/api/inventories')
    return {
      items: [{ id: '9', number: 'CY-001', description: 'Cycle 2026', method: 'continuous', status: 'created' }],
      nextOffset: null,
    };
  if (c.path === '/api/count-plans/due')
    return {
      asOf: '2026-03-02',
      counts,
      nextOffset: null,
      items: [dueItem('10', 'N1', 'never_counted', null), dueItem('11', 'A1', 'due_this_week', '2026-03-02')],
    };
  if (c.path === '/api/inventories/9/count-lists/generate/due')
    return {
      lists: [{}],
      positions: 2,
      informational: 0,
      skipped: 0,
      skippedOnOtherList: 0,
      skippedOverMaxLists: 0,
      capacity: 2,
      listedEarlierToday: 0,
      capacityLeft: 2,
    };
  if (c.path === '/api/count-kpis')
    return {
      siteId: '1',
      from: '2025-04-01',
      to: '2026-03-02',
      asOf: '2026-03-02',
      classes: ['A', 'B', 'C', 'S'].map((planClass) => ({
        planClass,
        positions: planClass === 'A' ? 4 : 0,
        onTime: planClass === 'A' ? 3 : 0,
        onTimePercent: planClass === 'A' ? '75.0' : null,
        counted: planClass === 'A' ? 2 : 0,
        noDifference: planClass === 'A' ? 1 : 0,
        withinTolerance: planClass === 'A' ? 1 : 0,
        accuracyPercent: planClass === 'A' ? '50.0' : null,
      })),
      months: [{ month: '2026-03', planClass: 'A', gains: '0', losses: '4.5', net: '-4.5' }],
      totals: { gains: '0', losses: '4.5', net: '-4.5' },
    };
  return { items: [] };
}

beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1200 });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

describe('cycle counting page', () => {
  it('shows the due list with status chips and generates the lists of today’s capacity', async () => {
    const calls = mockFetch(api);
    renderUi(<CyclePage />);
    const table = await screen.findByTestId('due-list');
    await waitFor(() => expect(within(table).getByTestId('due-status-N1').textContent).toBe('Never counted'));
    expect(within(table).getByTestId('due-status-A1').textContent).toBe('Due this week');
    await waitFor(() => expect(screen.getByTestId('due-chip-not_due').textContent).toContain('(3)'));
    const due = calls.find((c) => c.path === '/api/count-plans/due' && c.query.get('limit') !== '1');
    expect(due?.query.get('status')).toBe('never_counted,overdue,due_this_week,due_this_month');
    fireEvent.click(screen.getByTestId('due-inventory'));
    fireEvent.click(await screen.findByText('CY-001 · Cycle 2026'));
    fireEvent.click(screen.getByTestId('due-generate'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/inventories/9/count-lists/generate/due')).toBe(
        true,
      ),
    );
  });

  it('shows the KPIs per class', async () => {
    mockFetch(api);
    renderUi(<CyclePage />);
    fireEvent.click(await screen.findByTestId('cycle-tab-kpi'));
    const row = await screen.findByTestId('kpi-row-A');
    expect(row.textContent).toContain('75 % (3)');
    expect(row.textContent).toContain('50 % (1)');
    expect(screen.getByTestId('kpi-totals').textContent).toContain('4.50');
  });
});
