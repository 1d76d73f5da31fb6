// The place forms over a mocked API: client checks mirror the request schemas (nothing is sent while a field
// is wrong), the request carries exactly the form's fields, and the server's error lands on the field it names.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import i18n from '../../i18n/index';
import { CodeNameForm } from './CodeNameTab';
import { WarehouseForm, warehouseBody, warehouseRules } from './WarehousesTab';
import { ZoneForm } from './ZonesTab';
import { BinForm, binBody, checkBin } from './BinForm';

const none = () => undefined;
const sites = { items: [{ id: '1', code: 'MIL', name: 'Milano' }], nextOffset: null };
const users = {
  items: [{ id: '7', username: 'rossi', displayName: 'Maria Rossi', role: 'manager', siteId: null, active: true }],
  nextOffset: null,
};
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

function lists(c: Call): unknown {
  if (c.path === '/api/sites') return sites;
  if (c.path === '/api/users') return users;
  if (c.path === '/api/warehouses') return warehouses;
  if (c.path === '/api/zones') return zones;
  return { items: [], nextOffset: null };
}
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
/** The error text Mantine shows under the input (its aria-describedby …-error element), or null. */
function fieldError(testId: string): string | null {
  const input = screen.getByTestId(testId);
  const id = (input.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
/** The server's error on a field: translated by its code (the code itself never shown). */
async function serverErrorOn(testId: string, code: string) {
  await waitFor(() => expect(fieldError(testId)).toBeTruthy());
  expect(fieldError(testId)).not.toContain(code);
}
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('site and stock owner form', () => {
  it('refuses an empty name and a code with spaces on the fields, then sends code and name', async () => {
    const calls = mockFetch((c) => (c.method === 'POST' ? [201, { id: '2', code: 'ACME', name: 'Acme' }] : lists(c)));
    renderUi(<CodeNameForm path="/api/owners" record={null} onClose={none} />);
    change('owner-code', 'AC ME');
    fireEvent.click(screen.getByTestId('owner-save'));
    expect(await screen.findByText('Not valid: 1–20 letters, digits, _ . -')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
    expect(writes(calls)).toHaveLength(0);
    change('owner-code', 'ACME');
    change('owner-name', ' Acme ');
    fireEvent.click(screen.getByTestId('owner-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({
      method: 'POST',
      path: '/api/owners',
      body: { code: 'ACME', name: 'Acme' },
    });
  });

  it('shows a duplicate code from the server on the code field and sends only what changed on edit', async () => {
    const calls = mockFetch((c) =>
      c.method === 'PATCH'
        ? [
            409,
            { error: { code: 'conflict.duplicate', message: 'a site with this code already exists', field: 'code' } },
          ]
        : lists(c),
    );
    renderUi(<CodeNameForm path="/api/sites" record={{ id: '1', code: 'MIL', name: 'Milano' }} onClose={none} />);
    change('site-code', 'ROM');
    fireEvent.click(screen.getByTestId('site-save'));
    await serverErrorOn('site-code', 'conflict.duplicate');
    expect(screen.queryByTestId('site-form-error')).toBeNull();
    expect(writes(calls)[0]).toMatchObject({ method: 'PATCH', path: '/api/sites/1', body: { code: 'ROM' } });
  });
});

describe('delete', () => {
  it('asks first, then shows the server refusal (still in use) in the dialog', async () => {
    const calls = mockFetch((c) =>
      c.method === 'DELETE'
        ? [
            409,
            {
              error: {
                code: 'conflict.in_use',
                message: 'site 1 is still used by warehouses, users or inventories; remove those first',
              },
            },
          ]
        : lists(c),
    );
    let closed = false;
    renderUi(
      <CodeNameForm
        path="/api/sites"
        record={{ id: '1', code: 'MIL', name: 'Milano' }}
        onClose={() => {
          closed = true;
        }}
      />,
    );
    fireEvent.click(screen.getByTestId('site-delete'));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('site-delete-confirm'));
    const error = await screen.findByTestId('site-delete-error');
    expect(error.textContent).toBeTruthy();
    expect(error.textContent).not.toContain('conflict.in_use');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/sites/1']);
    expect(closed).toBe(false);
  });
});

describe('warehouse form', () => {
  it('takes the only site, checks code and cost centre, and sends every field', async () => {
    const calls = mockFetch((c) => (c.method === 'POST' ? [201, warehouses.items[0]] : lists(c)));
    renderUi(<WarehouseForm record={null} onClose={none} />);
    await waitFor(() => expect((screen.getByTestId('warehouse-site') as HTMLInputElement).value).toBe('MIL · Milano'));
    change('warehouse-code', 'W/1');
    fireEvent.click(screen.getByTestId('warehouse-save'));
    await waitFor(() => expect(fieldError('warehouse-code')).toBe('Not valid: 1–20 letters, digits, _ . -'));
    expect(fieldError('warehouse-name')).toBe('Required');
    expect(writes(calls)).toHaveLength(0);
    change('warehouse-code', 'WH2');
    change('warehouse-name', 'Overflow');
    change('warehouse-cost-centre', '');
    fireEvent.click(screen.getByTestId('warehouse-allow-negative'));
    fireEvent.click(screen.getByTestId('warehouse-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      siteId: '1',
      code: 'WH2',
      name: 'Overflow',
      kind: 'structured',
      physical: 'internal',
      responsibleUserId: null,
      allowNegative: true,
      costCentre: null,
    });
  });

  it('shows the refused kind change on the kind field', async () => {
    mockFetch((c) =>
      c.method === 'PATCH'
        ? [
            409,
            {
              error: {
                code: 'conflict.in_use',
                message: 'warehouse WH1 has zones; delete them before changing its kind',
                field: 'kind',
              },
            },
          ]
        : lists(c),
    );
    renderUi(<WarehouseForm record={warehouses.items[0] as never} onClose={none} />);
    fireEvent.click(screen.getByTestId('warehouse-kind'));
    fireEvent.click(await screen.findByRole('option', { name: 'Unstructured' }));
    fireEvent.click(screen.getByTestId('warehouse-save'));
    await serverErrorOn('warehouse-kind', 'conflict.in_use');
  });

  it('builds the request: trimmed, an empty cost centre is none; a cost centre has at most 20 characters', () => {
    const rule = warehouseRules(i18n.t).costCentre;
    expect(rule('C'.repeat(21))).toBe('At most 20 characters');
    expect(rule('C'.repeat(20))).toBeNull();
    expect(
      warehouseBody({
        siteId: '1',
        code: ' W ',
        name: ' N ',
        kind: 'virtual',
        physical: 'external',
        responsibleUserId: '7',
        allowNegative: false,
        costCentre: ' ',
      }),
    ).toEqual({
      code: 'W',
      name: 'N',
      kind: 'virtual',
      physical: 'external',
      responsibleUserId: '7',
      allowNegative: false,
      costCentre: null,
    });
  });
});

describe('zone form', () => {
  it('refuses bins in an inventory-differences zone on the field, then sends an unstructured differences zone', async () => {
    const calls = mockFetch((c) => (c.method === 'POST' ? [201, zones.items[0]] : lists(c)));
    renderUi(<ZoneForm record={null} defaultWarehouseId="3" onClose={none} />);
    change('zone-code', 'DIFF');
    change('zone-name', 'Differences');
    fireEvent.click(screen.getByTestId('zone-usage'));
    fireEvent.click(await screen.findByRole('option', { name: 'Inventory differences' }));
    expect(await screen.findByText('An inventory-differences zone has no bins: switch “Has bins” off')).toBeTruthy();
    fireEvent.click(screen.getByTestId('zone-save'));
    expect(writes(calls)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('zone-structured'));
    await waitFor(() => expect(screen.queryByText(/has no bins: switch/)).toBeNull());
    fireEvent.click(screen.getByTestId('zone-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      warehouseId: '3',
      code: 'DIFF',
      name: 'Differences',
      organisation: 'high_bay',
      structured: false,
      usage: 'inventory_differences',
    });
  });

  it('shows the server refusal of a second differences zone on the usage field', async () => {
    mockFetch((c) =>
      c.method === 'POST'
        ? [
            409,
            {
              error: {
                code: 'conflict.duplicate',
                message: 'zone D1 is already the inventory-differences zone of this warehouse',
                field: 'usage',
              },
            },
          ]
        : lists(c),
    );
    renderUi(<ZoneForm record={null} defaultWarehouseId="3" onClose={none} />);
    change('zone-code', 'D2');
    change('zone-name', 'Differences 2');
    fireEvent.click(screen.getByTestId('zone-structured'));
    fireEvent.click(screen.getByTestId('zone-usage'));
    fireEvent.click(await screen.findByRole('option', { name: 'Inventory differences' }));
    fireEvent.click(screen.getByTestId('zone-save'));
    await serverErrorOn('zone-usage', 'conflict.duplicate');
    expect(screen.queryByTestId('zone-form-error')).toBeNull();
  });
});

describe('bin form', () => {
  it('asks for the elements of a high-bay zone, shows the derived code and sends upper-case elements', async () => {
    const bin = {
      id: '50',
      siteId: '1',
      warehouseId: '3',
      zoneId: '9',
      code: 'A-07-10-021',
      aisle: 'A',
      row: '07',
      level: '10',
      place: '021',
      barcode: null,
      blocked: false,
    };
    const calls = mockFetch((c) => (c.method === 'POST' ? [201, bin] : lists(c)));
    renderUi(<BinForm record={null} defaultWarehouseId="3" defaultZoneId="9" onClose={none} />);
    await screen.findByTestId('bin-level');
    change('bin-row', '07');
    change('bin-place', '02 1');
    fireEvent.click(screen.getByTestId('bin-save'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(screen.getByText('1–10 letters or digits')).toBeTruthy();
    expect(writes(calls)).toHaveLength(0);
    change('bin-aisle', 'a');
    change('bin-level', '10');
    change('bin-place', '021');
    expect(screen.getByTestId('bin-code-preview').textContent).toBe('A-07-10-021');
    fireEvent.click(screen.getByTestId('bin-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      zoneId: '9',
      aisle: 'A',
      row: '07',
      level: '10',
      place: '021',
      barcode: null,
      blocked: false,
    });
  });

  it('edits: sends only the changed elements and flags', async () => {
    const bin = {
      id: '50',
      siteId: '1',
      warehouseId: '3',
      zoneId: '9',
      code: '07-10-021',
      aisle: null,
      row: '07',
      level: '10',
      place: '021',
      barcode: null,
      blocked: false,
    };
    const calls = mockFetch((c) =>
      c.method === 'PATCH' ? { ...bin, level: '11', code: '07-11-021', blocked: true } : lists(c),
    );
    renderUi(<BinForm record={bin} defaultWarehouseId={null} defaultZoneId={null} onClose={none} />);
    await screen.findByTestId('bin-level');
    change('bin-level', '11');
    expect(screen.getByTestId('bin-code-preview').textContent).toBe('07-11-021');
    fireEvent.click(screen.getByTestId('bin-blocked'));
    fireEvent.click(screen.getByTestId('bin-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/bins/50',
      body: { level: '11', blocked: true },
    });
    expect(Object.keys(writes(calls)[0]!.body as object).sort()).toEqual(['blocked', 'level']);
  });

  it('checks the elements per organisation', () => {
    const v = { warehouseId: '3', zoneId: '9', aisle: '', row: '', level: '', place: '5', barcode: '', blocked: false };
    expect(Object.keys(checkBin('high_bay', v))).toEqual(['row', 'level']);
    expect(Object.keys(checkBin('block', v))).toEqual(['row']);
    expect(checkBin('places_only', v)).toEqual({});
    expect(checkBin('places_only', { ...v, place: '' })).toEqual({ place: { key: 'form.required' } });
    expect(binBody('block', { ...v, row: ' 3 ', level: '9' })).toEqual({
      aisle: null,
      row: '3',
      level: null,
      place: '5',
      barcode: null,
      blocked: false,
    });
  });
});
