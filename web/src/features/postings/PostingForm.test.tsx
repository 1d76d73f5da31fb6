// The posting form: line checks as the server makes them (quantity, places, lot and serial), the server's
// errors on the line field they name, availability warnings confirmed before the issue is posted, and a
// posting parked by a count list's lock shown as such with the way to the posting error file.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n/index';
import { makeFormat } from '../../components/format';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { PostingForm } from './PostingForm';
import type { Item } from './data';
import {
  type Facts,
  checkPosting,
  emptyLine,
  emptyPosting,
  formPath,
  lineValue,
  postingBody,
  warningText,
  type PostingValues,
} from './posting';

const t = i18n.getFixedT('en');
const item = (o: Partial<Item> = {}): Item =>
  ({
    id: '100',
    code: 'SCREW-M8',
    description: 'Screw',
    primaryUnit: 'PCS',
    lotManagement: 'no',
    serialManagement: false,
    ...o,
  }) as Item;
const facts: Facts = {
  warehouses: new Map([
    ['1', { id: '1', code: 'W1', kind: 'structured' }],
    ['2', { id: '2', code: 'W2', kind: 'unstructured' }],
  ] as never),
  zones: new Map([
    ['10', { id: '10', warehouseId: '1', code: 'A', structured: true }],
    ['11', { id: '11', warehouseId: '1', code: 'B', structured: false }],
  ] as never),
  units: new Map([
    ['PCS', { code: 'PCS', decimals: 0 }],
    ['KG', { code: 'KG', decimals: 3 }],
  ] as never),
};
const values = (line: Partial<PostingValues['lines'][number]>): PostingValues => ({
  ...emptyPosting('2026-12-02'),
  keyCode: 'REC',
  ownerId: '1',
  lines: [{ ...emptyLine(), item: item(), quantity: '5', ...line }],
});

describe('posting line checks', () => {
  it('needs a positive exact quantity within the unit’s decimals', () => {
    const at = (q: string, i = item()) =>
      checkPosting(
        t,
        'receipt',
        values({ quantity: q, item: i, from: { warehouseId: '2', zoneId: null, bin: null } }),
        facts,
      )['lines.0.quantity'];
    expect(at('')).toBe('Required');
    expect(at('abc')).toBe('Enter a number such as 12 or 12.5');
    expect(at('1.5')).toBe('At most 0 decimals');
    expect(at('1.5', item({ primaryUnit: 'KG' }))).toBeUndefined();
    expect(at('0')).toBe('Must be greater than 0');
    expect(at('12')).toBeUndefined();
  });

  it('follows the warehouse structure: zone in structured warehouses, bin in zones with bins', () => {
    const e = (from: PostingValues['lines'][number]['from']) => checkPosting(t, 'receipt', values({ from }), facts);
    expect(e({ warehouseId: null, zoneId: null, bin: null })['lines.0.from.warehouseId']).toBe('Required');
    expect(e({ warehouseId: '1', zoneId: null, bin: null })['lines.0.from.zoneId']).toBe('Required');
    expect(e({ warehouseId: '1', zoneId: '10', bin: null })['lines.0.from.bin']).toBe('Required');
    expect(e({ warehouseId: '1', zoneId: '11', bin: null })).toEqual({});
    expect(e({ warehouseId: '2', zoneId: null, bin: null })).toEqual({});
  });

  it('asks for the lot of lot items (not on issues of auto-lot items) and one piece per serial', () => {
    const from = { warehouseId: '2', zoneId: null, bin: null };
    expect(
      checkPosting(t, 'receipt', values({ from, item: item({ lotManagement: 'yes' }) }), facts)['lines.0.lot'],
    ).toBe('This item is lot-managed: enter the lot');
    expect(
      checkPosting(t, 'receipt', values({ from, item: item({ lotManagement: 'yes' }), lot: 'L1' }), facts)[
        'lines.0.lot'
      ],
    ).toBeUndefined();
    expect(
      checkPosting(t, 'issue', values({ from, item: item({ lotManagement: 'auto' }) }), facts)['lines.0.lot'],
    ).toBeUndefined();
    expect(
      checkPosting(t, 'transfer', values({ from, to: from, item: item({ lotManagement: 'auto' }) }), facts)[
        'lines.0.lot'
      ],
    ).toBeDefined();
    const serial = checkPosting(
      t,
      'receipt',
      values({ from, item: item({ serialManagement: true }), serial: 'SN1', quantity: '2' }),
      facts,
    );
    expect(serial['lines.0.quantity']).toBe('A serial number is one piece: the quantity must be 1');
    expect(
      checkPosting(t, 'receipt', values({ from, item: item({ serialManagement: true }) }), facts)['lines.0.serial'],
    ).toBeDefined();
    expect(checkPosting(t, 'receipt', values({ from, unitPrice: '-1' }), facts)['lines.0.unitPrice']).toBe(
      'Must not be negative',
    );
  });

  it('sends issues negative, maps the server’s fields to the form and computes line values exactly', () => {
    const v = values({ from: { warehouseId: '2', zoneId: null, bin: null } });
    expect(postingBody('issue', '1', v).lines[0]).toMatchObject({
      quantity: '-5',
      warehouseId: '2',
      zoneId: null,
      binId: null,
      ownerId: '1',
    });
    expect(formPath('lines.0.quantity')).toBe('lines.0.quantity');
    expect(formPath('lines.2.binId')).toBe('lines.2.from.bin');
    expect(formPath('lines.1.toZoneId')).toBe('lines.1.to.zoneId');
    expect(formPath('lines.1.fromWarehouseId')).toBe('lines.1.from.warehouseId');
    expect(formPath('lines.0.itemId')).toBe('lines.0.item');
    expect(lineValue('3', '0.1')).toBe('0.3');
    expect(lineValue('12.5', '4.20')).toBe('52.500');
    const w = {
      code: 'ledger.not_available',
      message: '',
      field: 'lines.0.quantity',
      params: {
        itemId: '1',
        itemCode: 'X',
        warehouseId: '2',
        ownerId: '1',
        lot: null,
        mode: 'warning',
        onHand: '1200',
        reserved: '2',
        available: '1198',
        requested: '1500',
      },
    } as const;
    expect(warningText(t, makeFormat('en'), w)).toBe(
      'Item X: 1,500 requested, 1,198 available (on hand 1,200, reserved 2)',
    );
  });
});

const warning = {
  code: 'ledger.not_available',
  message: 'x',
  field: 'lines.0.quantity',
  params: {
    itemId: '100',
    itemCode: 'SCREW-M8',
    warehouseId: '2',
    ownerId: '1',
    lot: null,
    mode: 'warning',
    onHand: '4',
    reserved: '2',
    available: '2',
    requested: '3',
  },
};
function api(over: (c: Call) => unknown = () => undefined) {
  return (c: Call): unknown => {
    const o = over(c);
    if (o !== undefined) return o;
    if (c.path === '/api/auth/me')
      return { id: '1', username: 'admin', displayName: 'Admin', role: 'admin', siteId: null, active: true };
    if (c.path === '/api/sites') return { items: [{ id: '1', code: 'S1', name: 'Site' }] };
    if (c.path === '/api/transaction-keys')
      return {
        items: [
          {
            code: c.query.get('kind') === 'issue' ? 'ISS' : 'REC',
            description: 'Key',
            kind: c.query.get('kind'),
            isMain: true,
          },
        ],
      };
    if (c.path === '/api/owners') return { items: [{ id: '1', code: 'OWN', name: 'Owner' }] };
    if (c.path === '/api/warehouses')
      return {
        items: [{ id: '2', siteId: '1', code: 'W2', name: 'Store', kind: 'unstructured', physical: 'internal' }],
      };
    if (c.path === '/api/zones') return { items: [] };
    if (c.path === '/api/units') return { items: [{ code: 'PCS', description: 'Pieces', decimals: 0 }] };
    if (c.path === '/api/items') return { items: [item()] };
    if (c.path === '/api/stock/ledger')
      return {
        items: [
          {
            id: '900',
            siteId: '1',
            keyCode: 'ISS',
            itemId: '100',
            warehouseId: '2',
            zoneId: null,
            binId: null,
            lot: '',
            serial: '',
            ownerId: '1',
            quantity: '-3',
            value: '-1234.5',
            unitPrice: '411.5',
            postingDate: '2026-12-02',
            originType: 'manual',
            originId: null,
            transferGroup: null,
            costCentre: null,
            userId: '1',
            createdAt: '',
          },
        ],
      };
    return { items: [] };
  };
}

async function choose(testId: string, option: string | RegExp) {
  const input = await screen.findByTestId(testId);
  const opt = await waitFor(() => {
    fireEvent.click(input);
    return screen.getByRole('option', { name: option, hidden: true });
  });
  fireEvent.click(opt);
}
async function fillIssue() {
  await choose('posting-key', 'ISS · Key');
  await waitFor(() => expect((screen.getByTestId('posting-owner') as HTMLInputElement).value).toBe('OWN · Owner'));
  await choose('line-0-item', 'SCREW-M8 · Screw');
  await choose('line-0-warehouse', 'W2 · Store');
  fireEvent.change(screen.getByTestId('line-0-quantity'), { target: { value: '3' } });
}

describe('posting form', () => {
  it('refuses an incomplete receipt on its fields and sends nothing', async () => {
    const calls = mockFetch(api());
    renderUi(<PostingForm kind="receipt" />);
    fireEvent.change(await screen.findByTestId('line-0-quantity'), { target: { value: '1,5' } });
    fireEvent.click(screen.getByTestId('posting-submit'));
    expect(await screen.findByText('Enter a number such as 12 or 12.5')).toBeTruthy();
    expect(screen.getAllByText('Required')).toHaveLength(3); // key, item, warehouse
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('has availability warnings confirmed before posting an issue, then shows the entries', async () => {
    const calls = mockFetch(
      api((c) => {
        if (c.path === '/api/postings/issue/check') return { warnings: [warning] };
        if (c.path === '/api/postings/issue')
          return [201, { status: 'posted', entryIds: ['900'], warnings: [warning] }];
        return undefined;
      }),
    );
    renderUi(<PostingForm kind="issue" />);
    await fillIssue();
    fireEvent.click(screen.getByTestId('posting-submit'));
    const list = await screen.findByTestId('posting-warnings');
    expect(list.textContent).toContain('Item SCREW-M8: 3 requested, 2 available (on hand 4, reserved 2)');
    expect(calls.some((c) => c.path === '/api/postings/issue')).toBe(false);
    expect(calls.find((c) => c.path === '/api/postings/issue/check')?.body).toMatchObject({
      siteId: '1',
      keyCode: 'ISS',
      lines: [{ itemId: '100', warehouseId: '2', ownerId: '1', quantity: '-3' }],
    });
    fireEvent.click(screen.getByTestId('posting-confirm'));
    const entries = await screen.findByTestId('posting-entries');
    await waitFor(() => expect(within(entries).getAllByTestId('posting-entry')).toHaveLength(1));
    expect(within(entries).getByText('-1,234.50')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/stock/ledger')?.query.get('ids')).toBe('900');
  });

  it('puts the server’s error on the line field it names', async () => {
    mockFetch(
      api((c) =>
        c.path === '/api/postings/issue/check'
          ? [
              422,
              { error: { code: 'ledger.negative_stock', message: 'only 2 on hand', field: 'body.lines.0.quantity' } },
            ]
          : undefined,
      ),
    );
    renderUi(<PostingForm kind="issue" />);
    await fillIssue();
    fireEvent.click(screen.getByTestId('posting-submit'));
    await waitFor(() => expect(screen.getByTestId('line-0-quantity').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByTestId('posting-error')).toBeNull();
  });

  it('shows a parked posting with its reason and the way to the posting error file', async () => {
    mockFetch(
      api((c) =>
        c.path === '/api/postings/issue/check'
          ? { warnings: [] }
          : c.path === '/api/postings/issue'
            ? [202, { status: 'parked', postingErrorId: '41', reason: 'ledger.stock_locked', warnings: [] }]
            : undefined,
      ),
    );
    renderUi(<PostingForm kind="issue" />);
    await fillIssue();
    fireEvent.click(screen.getByTestId('posting-submit'));
    const parked = await screen.findByTestId('posting-parked');
    expect(parked.textContent).toContain('locked by an open count list');
    expect(parked.textContent).not.toContain('ledger.stock_locked');
    expect(within(parked).getByTestId('posting-errors-link').getAttribute('href')).toBe('/posting-errors');
  });
});
