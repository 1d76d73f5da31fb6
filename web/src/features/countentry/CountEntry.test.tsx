// The count entry grid over a mocked API: Enter saves one report (with a client report id) and moves to the
// next open line, quantities are checked against the unit's decimals, an empty bin is confirmed with itemId
// null and quantity '0', a refused save keeps the typed value with the translated error on its row (and the
// retry reuses the report id), and a blind list (no targets from the API) has no target column.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import type { CountList, CountListItem } from '../../api/models';
import i18n from '../../i18n/index';
import { CountEntry } from './CountEntry';
import { checkQuantity, decAdd } from './entry';

const list = {
  id: '7',
  inventoryId: '3',
  number: 'CL-0001',
  name: '',
  countType: 'bin',
  status: 'open',
  statusReason: null,
  registrationDate: '2026-12-01',
  countDate: null,
  openedAt: null,
  closedAt: null,
  responsibleUserId: null,
  warehouseId: '1',
  openItems: 3,
  reportedItems: 0,
  markedItems: 0,
  reassignable: true,
} as CountList;

const line = (o: Partial<CountListItem>): CountListItem => ({
  id: '0',
  countListId: '7',
  lineNo: 1,
  itemId: '11',
  itemCode: 'SCREW',
  itemDescription: 'Screw M8',
  unit: 'PZ',
  warehouseId: '1',
  zoneId: '2',
  binId: '21',
  binCode: '01-01',
  lot: '',
  serial: '',
  ownerId: '1',
  targetQuantity: '30',
  proposedQuantity: null,
  reportedQuantity: null,
  status: 'open',
  verificationMark: false,
  informational: false,
  addedByCount: false,
  postedQuantity: null,
  unitPrice: null,
  reviewState: 'none',
  reasonCode: null,
  ...o,
});

const lines = [
  line({ id: '101', lineNo: 1 }),
  line({
    id: '102',
    lineNo: 2,
    itemId: '12',
    itemCode: 'OIL',
    itemDescription: 'Oil',
    unit: 'L',
    binId: '22',
    binCode: '01-02',
    targetQuantity: '2.5',
  }),
  line({
    id: '103',
    lineNo: 3,
    itemId: null,
    itemCode: null,
    itemDescription: null,
    unit: null,
    binId: '23',
    binCode: '01-03',
    targetQuantity: null,
  }),
];

function api(opts: { rows?: CountListItem[]; reportType?: string; report?: (c: Call) => unknown } = {}) {
  return (c: Call): unknown => {
    if (c.path === '/api/inventories/3')
      return { id: '3', reportType: opts.reportType ?? 'single', showSystemQuantities: false };
    if (c.path === '/api/units')
      return {
        items: [
          { code: 'PZ', decimals: 0 },
          { code: 'L', decimals: 2 },
        ],
        nextOffset: null,
      };
    if (c.path === '/api/count-lists/7/items') return { items: opts.rows ?? lines, nextOffset: null };
    if (c.path === '/api/count-lists/7/reports' && c.method === 'POST') {
      if (opts.report) return opts.report(c);
      const b = c.body as { itemId: string | null; binId: string; quantity: string };
      const row = (opts.rows ?? lines).find((r) => r.itemId === b.itemId && r.binId === b.binId)!;
      return {
        status: 'recorded',
        added: false,
        duplicate: false,
        report: {},
        item: { ...row, status: 'reported', reportedQuantity: b.quantity },
      };
    }
    return { items: [], nextOffset: null };
  };
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/count-lists/7/reports');

describe('count entry grid', () => {
  it('Enter saves the line with a client report id and the report type’s mode, and moves to the next open line', async () => {
    const calls = mockFetch(api());
    renderUi(<CountEntry list={list} />);
    const qty = await screen.findByTestId('entry-qty-1');
    await waitFor(() => expect(screen.getByTestId('count-entry').getAttribute('data-ready')).toBe('true'));
    qty.focus();
    fireEvent.change(qty, { target: { value: '29' } });
    fireEvent.keyDown(qty, { key: 'Enter' });
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({
      itemId: '11',
      warehouseId: '1',
      zoneId: '2',
      binId: '21',
      quantity: '29',
      mode: 'replace',
    });
    expect(String((posts(calls)[0]!.body as { clientReportId: string }).clientReportId)).toMatch(/^bo-/);
    expect(document.activeElement).toBe(screen.getByTestId('entry-qty-2'));
    await waitFor(() => expect(screen.getByTestId('entry-row-1').getAttribute('data-state')).toBe('saved'));
    expect(screen.getByTestId('entry-reported-1').textContent).toBe('29');
    expect(screen.getByTestId('entry-progress').getAttribute('data-done')).toBe('1');
    // A repeat entry on the reported line replaces the count, and the row says so.
    fireEvent.change(screen.getByTestId('entry-qty-1'), { target: { value: '3' } });
    expect(screen.getByTestId('entry-state-1').textContent).toBe('Replaces 29');
  });

  it('cumulative: the entry is added and the running total previewed', async () => {
    const rows = [line({ id: '101', lineNo: 1, status: 'reported', reportedQuantity: '10' })];
    const calls = mockFetch(api({ rows, reportType: 'cumulative' }));
    renderUi(<CountEntry list={list} />);
    await waitFor(() => expect(screen.getByTestId('entry-mode').textContent).toMatch(/Cumulative/));
    const qty = screen.getByTestId('entry-qty-1');
    fireEvent.change(qty, { target: { value: '5' } });
    expect(screen.getByTestId('entry-reported-1').textContent).toBe('10 → 15');
    fireEvent.keyDown(qty, { key: 'Enter' });
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ quantity: '5', mode: 'add' });
  });

  it('checks the unit’s decimals before sending: 1.5 pieces is refused, 2.25 litres taken', async () => {
    const calls = mockFetch(api());
    renderUi(<CountEntry list={list} />);
    const qty = await screen.findByTestId('entry-qty-1');
    await waitFor(() => expect(screen.getByTestId('count-entry').getAttribute('data-ready')).toBe('true'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/units')).toBe(true));
    await new Promise((r) => setTimeout(r, 0));
    fireEvent.change(qty, { target: { value: '1.5' } });
    fireEvent.keyDown(qty, { key: 'Enter' });
    expect(await screen.findByText('At most 0 decimals')).toBeTruthy();
    fireEvent.change(qty, { target: { value: '12,5' } });
    fireEvent.keyDown(qty, { key: 'Enter' });
    expect(await screen.findByText('Enter a number such as 12 or 12.5')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
    const oil = screen.getByTestId('entry-qty-2');
    fireEvent.change(oil, { target: { value: '2.25' } });
    fireEvent.keyDown(oil, { key: 'Enter' });
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ itemId: '12', quantity: '2.25' });
  });

  it('an empty bin is confirmed with itemId null and quantity 0', async () => {
    const calls = mockFetch(api());
    renderUi(<CountEntry list={list} />);
    fireEvent.click(await screen.findByTestId('entry-empty-3'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ itemId: null, binId: '23', quantity: '0' });
    await waitFor(() => expect(screen.getByTestId('entry-empty-3').textContent).toBe('Confirmed empty'));
  });

  it('a refused save keeps the typed value with the translated error on its row; the retry reuses the report id', async () => {
    let n = 0;
    const calls = mockFetch(
      api({
        report: (c) =>
          ++n === 1
            ? [
                409,
                {
                  error: {
                    code: 'count.list_closed',
                    message: 'count list CL-0001 is closed',
                    params: { countListNumber: 'CL-0001' },
                  },
                },
              ]
            : {
                status: 'recorded',
                added: false,
                duplicate: false,
                report: {},
                item: { ...lines[0]!, status: 'reported', reportedQuantity: (c.body as { quantity: string }).quantity },
              },
      }),
    );
    renderUi(<CountEntry list={list} />);
    const qty = await screen.findByTestId('entry-qty-1');
    fireEvent.change(qty, { target: { value: '28' } });
    fireEvent.keyDown(qty, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('entry-row-1').getAttribute('data-state')).toBe('error'));
    expect((screen.getByTestId('entry-qty-1') as HTMLInputElement).value).toBe('28');
    const text = screen.getByTestId('entry-row-1').textContent ?? '';
    expect(text).not.toContain('count.list_closed');
    expect(text).toContain('Count list CL-0001 is closed and can no longer be changed.');
    fireEvent.keyDown(screen.getByTestId('entry-qty-1'), { key: 'Enter' });
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    const [a, b] = posts(calls).map((c) => (c.body as { clientReportId: string }).clientReportId);
    expect(b).toBe(a);
    await waitFor(() => expect(screen.getByTestId('entry-row-1').getAttribute('data-state')).toBe('saved'));
  });

  it('blind: with no targets from the API there is no target column', async () => {
    mockFetch(api({ rows: lines.map((r) => ({ ...r, targetQuantity: null })) }));
    renderUi(<CountEntry list={list} />);
    await screen.findByTestId('entry-qty-1');
    expect(screen.queryByTestId('entry-target-header')).toBeNull();
    expect(screen.queryByText('Target')).toBeNull();
    expect(screen.queryByText('30')).toBeNull();
  });

  it('shows the targets a manager receives', async () => {
    mockFetch(api());
    renderUi(<CountEntry list={list} />);
    expect((await screen.findByTestId('entry-target-1')).textContent).toBe('30');
  });

  it('Escape clears the entry; arrow down moves to the next line', async () => {
    mockFetch(api());
    renderUi(<CountEntry list={list} />);
    const qty = (await screen.findByTestId('entry-qty-1')) as HTMLInputElement;
    fireEvent.change(qty, { target: { value: '9' } });
    fireEvent.keyDown(qty, { key: 'Escape' });
    expect(qty.value).toBe('');
    qty.focus();
    fireEvent.keyDown(qty, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('entry-qty-2'));
  });
});

describe('count entry rules', () => {
  const t = i18n.t.bind(i18n);
  it('adds exactly', () => {
    expect(decAdd('0.1', '0.2')).toBe('0.3');
    expect(decAdd('10', '-3.5')).toBe('6.5');
    expect(decAdd('1.50', '0')).toBe('1.5');
    expect(decAdd('-1', '1')).toBe('0');
    expect(decAdd('3', '-5')).toBe('-2');
  });
  it('refuses a cumulative correction below zero and a serial other than 0 or 1', () => {
    expect(checkQuantity(t, '-5', { decimals: 0, mode: 'add', serial: false, previous: '3' })).toMatch(/below zero/);
    expect(checkQuantity(t, '-2', { decimals: 0, mode: 'add', serial: false, previous: '3' })).toBeNull();
    expect(checkQuantity(t, '-2', { decimals: 0, mode: 'replace', serial: false, previous: '3' })).toBe(
      'Must not be negative',
    );
    expect(checkQuantity(t, '2', { decimals: 0, mode: 'replace', serial: true, previous: null })).toMatch(/0 or 1/);
  });
});
