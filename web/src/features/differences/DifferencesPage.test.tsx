// The differences report screen: rows with exact values, the totals, sort and filter requests to the server,
// the ledger entries of a closed line.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { DifferencesReportView, threshold } from './DifferencesPage';

const line = (id: string, o: Record<string, unknown>) => ({
  id,
  countListId: '11',
  countListNumber: 'L0001',
  countListStatus: 'completely_reported',
  lineNo: Number(id),
  itemId: `10${id}`,
  itemCode: `ITEM-${id}`,
  itemDescription: `Item ${id}`,
  itemGroup: null,
  unit: 'PZ',
  warehouseId: '2',
  warehouseCode: 'W1',
  zoneId: '3',
  zoneCode: 'Z1',
  binId: '4',
  binCode: '01-01',
  lot: '',
  serial: '',
  target: '10',
  counted: '7',
  difference: '-3',
  unitPrice: '2',
  value: '-6',
  percent: '-30',
  status: 'reported',
  valueSource: 'planned',
  ledgerEntryIds: [],
  ...o,
});
const totals = (t: Record<string, string>) => ({
  lines: 2,
  differenceLines: 2,
  positiveValue: '1234.5',
  negativeValue: '-6',
  netValue: '1228.5',
  ...t,
});

function api(c: Call): unknown {
  if (c.path === '/api/inventories/5')
    return { id: '5', siteId: '1', number: 'INV-7', status: 'closed', valuationPrice: 'inventory' };
  if (c.path === '/api/inventories/5/count-lists')
    return { items: [{ id: '11', number: 'L0001', name: '' }], nextOffset: null };
  if (c.path === '/api/warehouses') return { items: [{ id: '2', code: 'W1', name: 'Main' }], nextOffset: null };
  if (c.path === '/api/stock/ledger') {
    return {
      items: [
        {
          id: '900',
          keyCode: 'TRF',
          postingDate: '2026-03-14',
          zoneId: '3',
          binId: '4',
          quantity: '3',
          unitPrice: '4',
          value: '12',
          warehouseCode: 'W1',
          zoneCode: 'Z1',
          binCode: '01-01',
        },
        {
          id: '901',
          keyCode: 'TRF',
          postingDate: '2026-03-14',
          zoneId: '9',
          binId: null,
          quantity: '-3',
          unitPrice: '4',
          value: '-12',
          warehouseCode: 'W1',
          zoneCode: 'DIFF',
          binCode: null,
        },
      ],
    };
  }
  if (c.path === '/api/inventories/5/differences') {
    return {
      inventory: {
        inventoryId: '5',
        inventoryNumber: 'INV-7',
        status: 'closed',
        method: 'stock_taking_day',
        valuationPrice: 'inventory',
      },
      items: [
        line('1', {}),
        line('2', {
          target: '5',
          counted: '8',
          difference: '3',
          unitPrice: '411.5',
          value: '1234.5',
          percent: '60',
          status: 'closed',
          valueSource: 'ledger',
          ledgerEntryIds: ['900', '901'],
        }),
        line('3', { status: 'closed', countListStatus: 'manually_closed' }),
      ],
      nextOffset: null,
      totals: {
        ...totals({}),
        valueAdjustment: '3',
        valueAdjustmentEntryIds: ['950'],
        byWarehouse: [{ ...totals({}), warehouseId: '2', warehouseCode: 'W1' }],
        byZone: [{ ...totals({}), warehouseId: '2', warehouseCode: 'W1', zoneId: '3', zoneCode: 'Z1' }],
        byItemGroup: [
          { ...totals({}), itemGroup: null },
          { ...totals({}), itemGroup: 'BOLTS' },
        ],
      },
    };
  }
  return { items: [] };
}

beforeAll(() => {
  for (const p of ['offsetHeight', 'clientHeight'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 600 });
  for (const p of ['offsetWidth', 'clientWidth'])
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 1200 });
});

const reportCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/inventories/5/differences');

describe('differences report', () => {
  it('shows the lines with their values and the totals', async () => {
    mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    const table = await screen.findByTestId('differences');
    await waitFor(() => expect(within(table).getByTestId('diff-row-2').textContent).toBe('ITEM-2'));
    expect(within(table).getByTestId('diff-value-2').textContent).toBe('1,234.50');
    expect(within(table).getByTestId('diff-value-1').textContent).toBe('-6.00');
    expect(within(table).getByText('60')).toBeTruthy();
    expect(within(table).getAllByText('W1 / Z1 / 01-01')).toHaveLength(3);
    expect(within(table).getByText('Manually closed')).toBeTruthy();
    expect(screen.getByTestId('diff-total-lines').textContent).toBe('2');
    expect(screen.getByTestId('diff-total-positive').textContent).toBe('1,234.50');
    expect(screen.getByTestId('diff-total-negative').textContent).toBe('-6.00');
    expect(screen.getByTestId('diff-total-net').textContent).toBe('1,228.50');
    expect(screen.getByTestId('diff-total-adjustment').textContent).toBe('3.00');
    expect(within(screen.getByTestId('diff-by-warehouse')).getByText('W1')).toBeTruthy();
    expect(
      screen.getByText('Inventory INV-7 · Stock-taking day · valuation: Inventory price', { exact: false }),
    ).toBeTruthy();
  });

  it('asks the server to sort and filter', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    await screen.findByTestId('diff-row-1');
    const firstCall = reportCalls(calls)[0]!;
    expect([firstCall.query.get('sort'), firstCall.query.get('dir'), firstCall.query.get('onlyDifferences')]).toEqual([
      'place',
      'asc',
      'true',
    ]);
    fireEvent.click(screen.getByTestId('diff-sort-value'));
    await waitFor(() =>
      expect(reportCalls(calls).some((c) => c.query.get('sort') === 'value' && c.query.get('dir') === 'desc')).toBe(
        true,
      ),
    );
    fireEvent.click(screen.getByTestId('diff-sort-value'));
    await waitFor(() =>
      expect(reportCalls(calls).some((c) => c.query.get('sort') === 'value' && c.query.get('dir') === 'asc')).toBe(
        true,
      ),
    );
    fireEvent.click(screen.getByTestId('diff-only'));
    await waitFor(() => expect(reportCalls(calls).some((c) => c.query.get('onlyDifferences') === 'false')).toBe(true));
    fireEvent.change(screen.getByTestId('diff-filter-q'), { target: { value: 'ITEM' } });
    await waitFor(() => expect(reportCalls(calls).some((c) => c.query.get('q') === 'ITEM')).toBe(true), {
      timeout: 2000,
    });
  });

  it('shows the ledger entries a closed line posted, the differences-zone leg marked', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    fireEvent.click(await screen.findByTestId('diff-ledger-2'));
    const entries = await screen.findByTestId('diff-ledger-entries');
    await waitFor(() => expect(within(entries).getByText('900')).toBeTruthy());
    expect(within(entries).getByText('Differences zone')).toBeTruthy();
    expect(within(entries).getByText('W1 / Z1 / 01-01')).toBeTruthy();
    expect(within(entries).getByText('W1 / DIFF')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/stock/ledger')?.query.get('ids')).toBe('900,901');
  });

  it('downloads the CSV with the same filters', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    await screen.findByTestId('diff-row-1');
    fireEvent.click(screen.getByTestId('diff-sort-difference'));
    await waitFor(() => expect(reportCalls(calls).some((c) => c.query.get('sort') === 'difference')).toBe(true));
    fireEvent.click(screen.getByTestId('diff-csv'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/inventories/5/differences.csv')).toBe(true));
    const csv = calls.find((c) => c.path === '/api/inventories/5/differences.csv')!;
    expect([csv.query.get('sort'), csv.query.get('dir'), csv.query.get('limit')]).toEqual(['difference', 'desc', null]);
  });

  it('downloads XLSX and PDF with the same filters, in the UI language', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    await screen.findByTestId('diff-row-1');
    fireEvent.click(screen.getByTestId('diff-xlsx'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/inventories/5/differences.xlsx')).toBe(true));
    fireEvent.click(screen.getByTestId('diff-pdf'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/inventories/5/differences.pdf')).toBe(true));
    for (const f of ['xlsx', 'pdf']) {
      const c = calls.find((x) => x.path === `/api/inventories/5/differences.${f}`)!;
      expect([
        c.query.get('sort'),
        c.query.get('language'),
        c.query.get('onlyDifferences'),
        c.query.get('limit'),
      ]).toEqual(['place', 'en', 'true', null]);
    }
  });

  it('filters by product group and thresholds; a threshold that is not a number is shown and not sent', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" />);
    await screen.findByTestId('diff-row-1');
    fireEvent.change(screen.getByTestId('diff-min-value'), { target: { value: '12,5' } });
    await waitFor(() => expect(reportCalls(calls).some((c) => c.query.get('minValue') === '12.5')).toBe(true), {
      timeout: 2000,
    });
    fireEvent.change(screen.getByTestId('diff-min-percent'), { target: { value: 'x5' } });
    expect(await screen.findByText('A number ≥ 0')).toBeTruthy();
    fireEvent.change(screen.getByTestId('diff-min-percent'), { target: { value: '5' } });
    await waitFor(
      () =>
        expect(
          reportCalls(calls).some((c) => c.query.get('minPercent') === '5' && c.query.get('minValue') === '12.5'),
        ).toBe(true),
      { timeout: 2000 },
    );
    expect(reportCalls(calls).some((c) => c.query.get('minPercent') === 'x5')).toBe(false);
    const option = await waitFor(() => {
      fireEvent.click(screen.getByTestId('diff-filter-group'));
      return screen.getByRole('option', { name: 'BOLTS', hidden: true });
    });
    fireEvent.click(option);
    await waitFor(() => expect(reportCalls(calls).some((c) => c.query.get('itemGroup') === 'BOLTS')).toBe(true));
  });

  it('opens on one count list when asked (the report per list)', async () => {
    const calls = mockFetch(api);
    renderUi(<DifferencesReportView inventoryId="5" initialCountListId="11" />);
    await screen.findByTestId('diff-row-1');
    expect(reportCalls(calls)[0]!.query.get('countListId')).toBe('11');
    fireEvent.click(screen.getByTestId('diff-csv'));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/inventories/5/differences.csv')?.query.get('countListId')).toBe('11'),
    );
  });

  it.each([
    ['', undefined],
    ['7', '7'],
    ['0,25', '0.25'],
    [' 3.5 ', '3.5'],
    ['-1', null],
    ['1e3', null],
    ['abc', null],
  ] as const)('threshold(%j) → %j', (text, out) => expect(threshold(text)).toBe(out));
});
