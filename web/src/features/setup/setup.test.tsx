// The set-up steps over a mocked API: each step's client rules stop bad input before anything is sent,
// unticked proposals are neither checked nor sent, and a refused row comes back on the row it belongs to
// (the server counts only the rows sent, the screen shows them all).
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi } from '../../test/render';
import i18n from '../../i18n/index';
import { CodeNameStep } from './CodeNameStep';
import { UnitsStep } from './UnitsStep';
import { WarehouseStep, warehouseBody, type WarehouseValues } from './WarehouseStep';
import { typeBody, typeRows } from './TypesStep';
import { keysRequest } from './KeysStep';

const noop = () => undefined;
const sites = { items: [{ id: '1', code: 'HQ', name: 'Head office' }], nextOffset: null };
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const invalid = (testId: string) => screen.getByTestId(testId).getAttribute('aria-invalid') === 'true';

describe('site step', () => {
  it('refuses a code with spaces and an empty name; nothing is sent', async () => {
    const calls = mockFetch(() => ({}));
    renderUi(<CodeNameStep kind="site" existing={0} onDone={noop} onSkip={noop} />);
    type('setup-site-code', 'H Q');
    fireEvent.click(screen.getByTestId('setup-site-create'));
    expect(await screen.findByText('Not valid: 1–20 letters, digits, _ . -')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('creates the site and puts a duplicate code on the code field', async () => {
    const calls = mockFetch(() => [
      409,
      { error: { code: 'conflict.duplicate', message: 'site HQ already exists', field: 'code' } },
    ]);
    renderUi(<CodeNameStep kind="site" existing={0} onDone={noop} onSkip={noop} />);
    type('setup-site-code', 'HQ');
    type('setup-site-name', 'Head office');
    fireEvent.click(screen.getByTestId('setup-site-create'));
    await waitFor(() => expect(invalid('setup-site-code')).toBe(true));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/sites', body: { code: 'HQ', name: 'Head office' } });
  });
});

describe('warehouse step', () => {
  const base: WarehouseValues = {
    warehouse: { siteId: '1', code: 'W1', name: 'Main', kind: 'structured', physical: 'internal' },
    zones: [{ code: 'A', name: 'Racks', organisation: 'high_bay', structured: true }],
    diff: { enabled: true, code: 'DIFF', name: 'Differences' },
  };

  it('sends the differences zone last, unstructured; an unstructured warehouse sends no zones', () => {
    expect(warehouseBody(base).zones).toEqual([
      { code: 'A', name: 'Racks', organisation: 'high_bay', structured: true, usage: 'normal' },
      {
        code: 'DIFF',
        name: 'Differences',
        organisation: 'places_only',
        structured: false,
        usage: 'inventory_differences',
      },
    ]);
    expect(warehouseBody({ ...base, warehouse: { ...base.warehouse, kind: 'unstructured' } }).zones).toEqual([]);
  });

  it('a zone code listed twice is marked before sending', async () => {
    const calls = mockFetch(() => sites);
    renderUi(<WarehouseStep siteId="1" existing={0} onDone={noop} onSkip={noop} />);
    type('setup-warehouse-code', 'W1');
    type('setup-warehouse-name', 'Main');
    type('setup-zone-code-0', 'DIFF');
    type('setup-zone-name-0', 'Racks');
    fireEvent.click(screen.getByTestId('setup-warehouse-create'));
    expect(await screen.findByText('This code is listed twice')).toBeTruthy();
    expect(invalid('setup-diff-code')).toBe(true);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('a refusal of the differences zone (sent last) is shown on its own fields', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? [409, { error: { code: 'conflict.duplicate', message: 'zones.1: zone exists', field: 'zones.1.code' } }]
        : sites,
    );
    renderUi(<WarehouseStep siteId="1" existing={0} onDone={noop} onSkip={noop} />);
    type('setup-warehouse-code', 'W1');
    type('setup-warehouse-name', 'Main');
    type('setup-zone-code-0', 'A');
    type('setup-zone-name-0', 'Racks');
    fireEvent.click(screen.getByTestId('setup-warehouse-create'));
    await waitFor(() => expect(invalid('setup-diff-code')).toBe(true));
    expect(invalid('setup-zone-code-0')).toBe(false);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/setup/warehouse');
    expect((post?.body as { zones: unknown[] }).zones).toHaveLength(2);
  });
});

describe('units step', () => {
  const proposals = [
    { code: 'PCS', description: 'Piece', decimals: 0, exists: false },
    { code: 'KG', description: 'Kilogram', decimals: 3, exists: true },
    { code: 'L', description: 'Litre', decimals: 3, exists: false },
  ];

  it('an existing unit is neither ticked nor sent; a refused row comes back on its own row', async () => {
    const calls = mockFetch(() => [
      409,
      { error: { code: 'conflict.duplicate', message: 'unit L already exists', field: 'units.1.code' } },
    ]);
    renderUi(<UnitsStep proposals={proposals} onDone={noop} onSkip={noop} />);
    expect((screen.getByTestId('setup-unit-pick-1') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByTestId('setup-units-create'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      units: [
        { code: 'PCS', description: 'Piece', decimals: 0 },
        { code: 'L', description: 'Litre', decimals: 3 },
      ],
    });
    await waitFor(() => expect(invalid('setup-unit-code-2')).toBe(true));
    expect(invalid('setup-unit-code-0')).toBe(false);
  });

  it('checks ticked rows only: a bad code and 7 decimals are stopped, an unticked bad row is not', async () => {
    const calls = mockFetch(() => ({ units: [] }));
    renderUi(<UnitsStep proposals={proposals} onDone={noop} onSkip={noop} />);
    type('setup-unit-code-0', 'P C');
    type('setup-unit-decimals-2', '7');
    fireEvent.click(screen.getByTestId('setup-units-create'));
    expect(await screen.findByText('Not valid: 1–10 letters, digits, _ or %')).toBeTruthy();
    expect(screen.getByText('A whole number from 0 to 6')).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByTestId('setup-unit-pick-0'));
    fireEvent.click(screen.getByTestId('setup-unit-pick-2'));
    expect(screen.getByTestId('setup-units-create').hasAttribute('disabled')).toBe(true);
  });
});

describe('keys and inventory types', () => {
  it('only ticked keys are sent, with their form rows', () => {
    const rows = [
      { selected: true, exists: false, code: 'RCP', description: 'Receipt ', kind: 'receipt' as const },
      { selected: false, exists: true, code: 'ISS', description: 'Issue', kind: 'issue' as const },
      { selected: true, exists: false, code: ' ADJ', description: '', kind: 'adjustment' as const },
    ];
    expect(keysRequest({ rows })).toEqual({
      indexes: [0, 2],
      body: {
        keys: [
          { code: 'RCP', description: 'Receipt', kind: 'receipt' },
          { code: 'ADJ', description: '', kind: 'adjustment' },
        ],
      },
    });
  });

  it('a type takes the proposed keys when they exist with the right kind, else the first of that kind, and names its schemes after its code', () => {
    const p = {
      code: 'STD',
      description: 'Annual stock-taking day',
      method: 'stock_taking_day' as const,
      reportType: 'single' as const,
      exists: false,
      inventoryNumbering: { code: 'inventory:STD', prefix: 'STD-', width: 6, maxItemsPerList: null },
      countListNumbering: { code: 'count_list:STD', prefix: 'STD-L', width: 6, maxItemsPerList: 200 },
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'VAL',
    };
    const keys = [
      { code: 'DIFF', description: '', kind: 'adjustment' as const },
      { code: 'TRF', description: '', kind: 'transfer' as const },
    ];
    const [row] = typeRows(i18n.t.bind(i18n), [p], keys);
    expect(row).toMatchObject({ adjustmentKey: 'DIFF', transferKey: 'TRF', valueAdjustmentKey: null, selected: true });
    expect(typeBody({ ...row!, code: 'ANNUAL', maxItemsPerList: '' })).toMatchObject({
      code: 'ANNUAL',
      method: 'stock_taking_day',
      showSystemQuantities: false,
      inventoryNumbering: { code: 'inventory:ANNUAL', prefix: 'STD-', width: 6 },
      countListNumbering: { code: 'count_list:ANNUAL', prefix: 'STD-L', width: 6, maxItemsPerList: null },
    });
  });
});
