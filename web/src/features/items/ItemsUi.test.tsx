// The item screens' checks over a mocked API: a search code with a wrong check digit is refused at the field,
// the 40-character description is counted and refused when longer (never cut), "Generate EAN-13" without a GS1
// prefix says where to set it, and the import shows the rejected-row report the server gives.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n/index';
import { mockFetch, renderUi } from '../../test/render';
import { setFetch } from '../../test/setup';
import { SearchCodes, checkSearchCode } from './SearchCodes';
import { ItemCreateModal, checkCreate, type CreateForm } from './ItemCreateModal';
import { ItemImportModal } from './ItemImportModal';
import { importUrl } from './importFiles';

const t = i18n.t.bind(i18n);
const item = {
  id: '5',
  code: 'SCREW-M8',
  description: 'Screw M8',
  supplementaryDescription: '',
  printSupplementaryDescription: false,
  primaryUnit: 'PZ',
  secondaryUnit: null,
  secondaryConversionOp: null,
  secondaryConversionFactor: null,
  lotManagement: 'no',
  serialManagement: false,
  serialClass: null,
  productGroup: null,
  brand: null,
  family: null,
  homogeneousCategory: null,
  stockAccountClassification: null,
  classification1: null,
  classification2: null,
  classification3: null,
  classification4: null,
  classification5: null,
  countCycleDays: 0,
  thresholdQuantity: '0',
  movementCountThreshold: 0,
  abcClass: null,
  settlementPrice1: '0',
  settlementPrice2: '0',
  settlementPrice3: '0',
  settlementPrice4: '0',
  settlementPrice5: '0',
  inventoryPrice: '0',
  standardCost: '0',
  movingAveragePrice: '0.10',
  includeInInventory: true,
  hasLedgerEntries: false,
  validFrom: null,
  validTo: null,
  createdAt: '',
  updatedAt: '',
} as const;
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('search codes', () => {
  it('a 13-digit code with a wrong check digit is refused at the field, naming the right digit; nothing is sent', async () => {
    const calls = mockFetch(() => ({ items: [] }));
    renderUi(<SearchCodes item={item} />);
    change('sc-code', '4006381333932');
    fireEvent.click(screen.getByTestId('sc-add'));
    expect(await screen.findByText('Wrong check digit for an EAN-13: the last digit should be 1')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
  it('a carton code: EAN-13 in the carton unit with its factor is sent as one search code', async () => {
    const calls = mockFetch((c) =>
      c.path === '/api/units'
        ? {
            items: [
              { code: 'PZ', description: '', decimals: 0 },
              { code: 'CT', description: '', decimals: 0 },
            ],
          }
        : { items: [] },
    );
    renderUi(<SearchCodes item={item} />);
    change('sc-code', '4006381333931');
    change('sc-factor', '12');
    fireEvent.click(screen.getByTestId('sc-add'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        code: '4006381333931',
        unit: 'PZ',
        conversionOp: 'x',
        conversionFactor: '12',
        description: undefined,
      }),
    );
  });
  it('checks code, factor and description as the server does', () => {
    const base = { code: '96385074', unit: 'CT', conversionOp: 'x', conversionFactor: '12', description: '' } as const;
    expect(checkSearchCode(t, base)).toEqual({});
    expect(checkSearchCode(t, { ...base, code: '96385075' }).code).toBe(
      'Wrong check digit for an EAN-8: the last digit should be 4',
    );
    expect(checkSearchCode(t, { ...base, code: 'INTERNAL-42' })).toEqual({});
    expect(checkSearchCode(t, { ...base, conversionFactor: '0' }).conversionFactor).toBe('Must be greater than 0');
    expect(checkSearchCode(t, { ...base, description: 'x'.repeat(41) }).description).toBe(
      '41 characters: at most 40 fit',
    );
  });
});

describe('new item', () => {
  const answer = (c: { path: string }) =>
    c.path === '/api/units' ? { items: [{ code: 'PZ', description: 'Piece', decimals: 0 }] } : { items: [] };

  it('counts the description and refuses 41 characters instead of cutting them; nothing is sent', async () => {
    const calls = mockFetch(answer);
    renderUi(<ItemCreateModal opened onClose={() => undefined} onCreated={() => undefined} />);
    const text = 'Hexagon head screw M8 x 40 zinc plated DIN';
    change('new-item-description', text);
    expect((screen.getByTestId('new-item-description') as HTMLInputElement).value).toBe(text);
    expect(screen.getByTestId('description-counter').textContent).toBe(`${text.length}/40`);
    fireEvent.click(screen.getByTestId('new-item-save'));
    expect((await screen.findAllByText(`${text.length} characters: at most 40 fit`)).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
  it('"Generate EAN-13" without a GS1 prefix says how to set it and sends nothing', async () => {
    const calls = mockFetch(answer);
    renderUi(<ItemCreateModal opened onClose={() => undefined} onCreated={() => undefined} />);
    change('new-item-description', 'Screw');
    fireEvent.click(screen.getByTestId('new-item-barcode'));
    fireEvent.click(await screen.findByRole('option', { name: 'Generate EAN-13' }));
    const hint = await screen.findByTestId('new-item-gs1-hint');
    expect(hint.textContent).toContain('To generate an EAN-13, first set your GS1 company prefix.');
    expect(hint.querySelector('a')?.getAttribute('href')).toBe('/item-settings/gs1');
    fireEvent.click(screen.getByTestId('new-item-save'));
    expect(await screen.findByText('No GS1 company prefix is set')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    const errors = checkCreate(
      t,
      {
        code: '',
        itemClass: null,
        template: null,
        description: 'Screw',
        primaryUnit: 'PZ',
        lotManagement: 'no',
        serialManagement: false,
        serialClass: null,
        barcode: 'ean13',
        codeType: 'code128',
      },
      new Set(),
    );
    expect(errors).toEqual({ barcode: 'No GS1 company prefix is set' });
  });
  it('checks the code as a barcode when the item code is one', () => {
    const f: CreateForm = {
      code: '4006381333932',
      itemClass: null,
      template: null,
      description: 'Screw',
      primaryUnit: 'PZ',
      lotManagement: 'no',
      serialManagement: false,
      serialClass: null,
      barcode: 'item_code',
      codeType: 'ean13',
    };
    expect(checkCreate(t, f, new Set()).code).toBe('Wrong check digit: it should be 1');
    expect(checkCreate(t, { ...f, code: '4006381333931' }, new Set())).toEqual({});
    expect(checkCreate(t, { ...f, codeType: 'ean8' }, new Set()).code).toBe(
      'A EAN8 has 8 digits with a correct check digit',
    );
    expect(checkCreate(t, { ...f, barcode: 'ean13', code: '' }, new Set(['ean13']))).toEqual({});
    expect(
      checkCreate(t, { ...f, barcode: 'none', description: '', template: 'TPL', primaryUnit: null }, new Set()),
    ).toEqual({});
  });
});

describe('item import', () => {
  it('uploads the CSV as text/csv with the dry-run option and shows every rejected row with line, column, field and reason', async () => {
    const seen: Array<{ url: string; type: string | null; body: string }> = [];
    setFetch((async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), type: new Headers(init?.headers).get('content-type'), body: String(init?.body) });
      return new Response(
        JSON.stringify({
          status: 'validated',
          total: 2,
          imported: 0,
          rejected: [
            {
              line: 3,
              column: 'C',
              field: 'primaryUnit',
              code: 'reference.unknown',
              message: 'unit XX does not exist',
            },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof fetch);
    renderUi(<ItemImportModal opened onClose={() => undefined} />);
    const file = new File(['code,description,primaryUnit\nA,Screw,PZ\nB,Nut,XX\n'], 'items.csv', { type: 'text/csv' });
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [file] } });
    fireEvent.click(await screen.findByTestId('import-run'));
    const report = await screen.findByTestId('import-rejected');
    expect(seen[0]).toEqual({
      url: '/api/item-master/import/items?dryRun=true',
      type: 'text/csv',
      body: 'code,description,primaryUnit\nA,Screw,PZ\nB,Nut,XX\n',
    });
    const cells = [...report.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells.slice(0, 3)).toEqual(['3', 'C', 'primaryUnit']);
    expect(cells[3]).toContain('unit XX does not exist');
    expect(screen.getByTestId('import-summary').textContent).toBe('2 rows checked: 1 would be rejected');
  });
  it('builds the import URL with its options', () => {
    expect(importUrl('search-codes', { dryRun: false, allOrNothing: true })).toBe(
      '/api/item-master/import/search-codes?allOrNothing=true',
    );
    expect(importUrl('items', { dryRun: false, allOrNothing: false })).toBe('/api/item-master/import/items');
  });
});
