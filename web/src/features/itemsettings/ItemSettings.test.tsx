// Item master settings forms over a mocked API: each refuses on the field what the request schema refuses (and
// sends nothing), puts the server's error on the field it names, and sends the body the API takes. Plus the
// client check digits, the rule form ↔ rule conversion and the "try a scan" box.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi } from '../../test/render';
import { gtinCheckDigit as checkDigit, isValidGtin } from '../../../../src/domain/barcode/gtin';
import { gtinProblem, nextEan } from './gtin';
import { ClassModal } from './ItemClasses';
import { Gs1Settings } from './Gs1Settings';
import { LotClassModal, lotDatePart } from './LotSerialClasses';
import { PriceListModal } from './PriceLists';
import { RuleEditor, formToRule, ruleToForm, blankRule } from './RuleEditor';
import { TryScan, lookupCodes, scanText } from './TryScan';

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('GS1 check digits', () => {
  it.each([
    ['4006381333931', true],
    ['4006381333932', false],
    ['96385074', true],
    ['96385075', false],
    ['036000291452', true],
    ['10614141000415', true],
    ['ABC', false],
  ])('%s valid: %s', (code, ok) => expect(isValidGtin(code)).toBe(ok));
  it('names the digit a wrong code needs, and ignores codes that are not GTIN-shaped', () => {
    expect(gtinProblem('4006381333932')).toEqual({ kind: 'ean13', expected: '1' });
    expect(gtinProblem('96385070')).toEqual({ kind: 'ean8', expected: '4' });
    expect(gtinProblem('4006381333931')).toBeNull();
    expect(gtinProblem('SCREW-M8')).toBeNull();
    expect(gtinProblem('12345')).toBeNull();
    expect(checkDigit('400638133393')).toBe(1);
  });
  it('the next EAN: prefix + padded counter + check digit, null when it does not fit', () => {
    expect(nextEan('ean13', '400638', '133393')).toBe('4006381333931');
    expect(nextEan('ean13', '4006381', '7')).toBe(`40063810000${7}${checkDigit('400638100007')}`);
    expect(nextEan('ean8', '963850', '7')).toBe('96385074');
    expect(nextEan('ean13', '400638', '1234567')).toBeNull();
  });
});

describe('item class form', () => {
  it('refuses an empty code and a prefix with spaces on the field, and sends nothing', async () => {
    const calls = mockFetch(() => ({ items: [] }));
    renderUi(<ClassModal current={null} onClose={() => undefined} />);
    change('class-prefix', 'R M');
    fireEvent.click(screen.getByTestId('class-save'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(screen.getByText('Not valid: no spaces')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
  it('sends the class and shows the server error on the field it names', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? [409, { error: { code: 'conflict.duplicate', message: 'item class RM already exists', field: 'code' } }]
        : { items: [] },
    );
    renderUi(<ClassModal current={null} onClose={() => undefined} />);
    change('class-code', 'RM');
    change('class-prefix', 'RM-');
    expect(screen.getByTestId('class-preview').textContent).toBe('RM-000001');
    fireEvent.click(screen.getByTestId('class-save'));
    await waitFor(() => expect(screen.getByTestId('class-code').getAttribute('aria-invalid')).toBe('true'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'RM',
      description: '',
      prefix: 'RM-',
      width: 6,
      nextValue: '1',
      isDefault: false,
    });
    expect(screen.queryByTestId('class-error')).toBeNull();
  });
});

describe('GS1 prefix', () => {
  it('refuses a one-digit prefix, then saves the prefix with the next reference and previews the EAN', async () => {
    const calls = mockFetch((c) =>
      c.method === 'PUT'
        ? { kind: 'ean13', companyPrefix: '400638', itemReferenceDigits: 6, nextValue: '133393' }
        : { items: [] },
    );
    renderUi(<Gs1Settings />);
    await screen.findByText('EAN-13');
    change('gs1-ean13-prefix', '4');
    fireEvent.click(screen.getByTestId('gs1-ean13-save'));
    expect(await screen.findByText('Enter 2 to 11 digits')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    change('gs1-ean13-prefix', '400638');
    change('gs1-ean13-next', '133393');
    expect(screen.getByTestId('gs1-ean13-preview').textContent).toBe('4006381333931');
    fireEvent.click(screen.getByTestId('gs1-ean13-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/item-master/barcode-settings/ean13');
    expect(put.body).toEqual({ companyPrefix: '400638', nextValue: '133393' });
  });
  it('a reference that does not fit the digits the prefix leaves is refused', async () => {
    const calls = mockFetch(() => ({ items: [] }));
    renderUi(<Gs1Settings />);
    await screen.findByText('EAN-8');
    change('gs1-ean8-prefix', '963850');
    change('gs1-ean8-next', '12');
    fireEvent.click(screen.getByTestId('gs1-ean8-save'));
    expect(await screen.findByText('The item reference must fit in 1 digits')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });
});

describe('lot class and price list forms', () => {
  it('a lot class counter of 13 digits is refused; a valid one is sent with its date part', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? { code: 'L', description: '', prefix: 'L', datePattern: 'YYMMDD', width: 4, nextValue: '1' }
        : { items: [] },
    );
    renderUi(<LotClassModal kind="lot" onClose={() => undefined} />);
    change('lot-class-code', 'L');
    change('lot-class-prefix', 'L');
    change('lot-class-width', '13');
    fireEvent.click(screen.getByTestId('lot-class-save'));
    expect(await screen.findByText('Enter 1 to 12 digits')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    change('lot-class-width', '4');
    fireEvent.click(screen.getByTestId('lot-class-save'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        code: 'L',
        description: '',
        prefix: 'L',
        width: 4,
        datePattern: 'YYMMDD',
      }),
    );
    expect(lotDatePart('YYDDD', new Date(Date.UTC(2026, 1, 1)))).toBe('26032');
  });
  it('a currency that is not ISO 4217 is refused on the field', async () => {
    const calls = mockFetch(() => ({ items: [] }));
    renderUi(<PriceListModal current={null} onClose={() => undefined} />);
    change('price-list-code', 'RETAIL');
    change('price-list-currency', 'EU');
    fireEvent.click(screen.getByTestId('price-list-save'));
    expect(await screen.findByText('Enter an ISO 4217 currency code such as EUR')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('barcode rule form', () => {
  it('turns rows into the rule (1-based positions on screen, 0-based in the rule) and back', () => {
    const f = {
      ...blankRule(),
      name: 'inhouse',
      kind: 'fixed' as const,
      prefix: 'INV',
      totalLength: 17,
      quantityDecimals: 1,
      fields: [
        { field: 'lot' as const, position: 10, length: 4 },
        { field: 'itemCode' as const, position: 4, length: 6 },
        { field: 'quantity' as const, position: 14, length: 4 },
      ],
    };
    const rule = formToRule(f);
    expect(rule).toEqual({
      kind: 'fixed',
      prefix: 'INV',
      length: 17,
      quantityDecimals: 1,
      fields: [
        { field: 'itemCode', start: 3, length: 6 },
        { field: 'lot', start: 9, length: 4 },
        { field: 'quantity', start: 13, length: 4 },
      ],
    });
    expect(ruleToForm({ id: '1', siteId: '1', name: 'inhouse', position: 0, active: true, rule }).fields[0]).toEqual({
      field: 'itemCode',
      position: 4,
      length: 6,
    });
    expect(
      formToRule({
        ...blankRule(),
        fields: [
          { field: 'itemCode', position: '', length: '' },
          { field: 'skip', position: '', length: '' },
        ],
      }),
    ).toEqual({ kind: 'separator', separator: '/', fields: ['itemCode', null] });
  });
  it('a field mapped twice and a missing name are refused; the server error on rule.separator lands on that field', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? [
            400,
            {
              error: {
                code: 'validation.failed',
                message: 'barcode rule: separator must be one character',
                field: 'rule.separator',
              },
            },
          ]
        : { items: [] },
    );
    renderUi(<RuleEditor siteId="1" current={null} onClose={() => undefined} />);
    fireEvent.click(screen.getByTestId('rule-add-field'));
    fireEvent.click(screen.getByTestId('rule-save'));
    expect(await screen.findByText('This field is already mapped')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete' })[1]!);
    change('rule-name', 'slash');
    fireEvent.click(screen.getByTestId('rule-save'));
    await waitFor(() => expect(screen.getByTestId('rule-separator').getAttribute('aria-invalid')).toBe('true'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      siteId: '1',
      name: 'slash',
      active: true,
      rule: { kind: 'separator', separator: '/', fields: ['itemCode'] },
    });
    expect(screen.queryByTestId('rule-error')).toBeNull();
  });
});

describe('try a scan', () => {
  it('shows the GS1 elements, the fields and the item the GTIN finds', async () => {
    const calls = mockFetch((c) => {
      if (c.path === '/api/barcodes/decode') {
        return {
          ok: true,
          symbology: null,
          type: 'gs1',
          gtin14: '04006381333931',
          elements: [
            { ai: '01', title: 'GTIN', raw: '04006381333931' },
            { ai: '10', title: 'BATCH/LOT', raw: 'L42' },
            { ai: '17', title: 'USE BY OR EXPIRY', raw: '261231', value: '2026-12-31' },
          ],
          fields: { gtin: '04006381333931', lot: 'L42', expiry: '2026-12-31' },
        };
      }
      if (c.path === '/api/items')
        return {
          items:
            c.query.get('q') === '4006381333931'
              ? [{ id: '5', code: 'SCREW-CT', description: 'Screws carton', primaryUnit: 'PZ' }]
              : [],
        };
      return { items: [] };
    });
    renderUi(<TryScan siteId="1" />);
    change('try-scan-input', '(01)04006381333931(10)L42{GS}(17)261231');
    expect((await screen.findByTestId('try-scan-result')).getAttribute('data-type')).toBe('gs1');
    expect(screen.getByText('BATCH/LOT')).toBeTruthy();
    expect(screen.getByTestId('try-scan-field-lot').textContent).toContain('L42');
    expect(screen.getByTestId('try-scan-field-expiry').textContent).toContain('31 Dec 2026');
    await waitFor(() => expect(screen.getByTestId('try-scan-item').textContent).toContain('SCREW-CT · Screws carton'));
    expect(calls.find((c) => c.path === '/api/barcodes/decode')?.body).toEqual({
      text: '(01)04006381333931(10)L42\u001d(17)261231',
      siteId: '1',
    });
  });
  it('shows a decode error translated, with its message and position', async () => {
    mockFetch(() => ({
      ok: false,
      error: { code: 'barcode.bad_check_digit', message: 'check digit should be 1', position: 12 },
    }));
    renderUi(<TryScan siteId={null} />);
    change('try-scan-input', '4006381333932');
    const err = await screen.findByTestId('try-scan-error');
    expect(err.textContent).toContain('Wrong check digit');
    expect(err.textContent).toContain('check digit should be 1');
  });
  it('looks a GTIN up in its printed forms', () => {
    expect(scanText('a{GS}b')).toBe('a\u001db');
    expect(
      lookupCodes({
        ok: true,
        symbology: null,
        type: 'gtin',
        gtin14: '00000096385074',
        elements: [],
        fields: { gtin: '00000096385074' },
      })?.codes,
    ).toEqual(['00000096385074', '0000096385074', '000096385074', '96385074']);
    expect(
      lookupCodes({ ok: true, symbology: null, type: 'rule', elements: [], fields: { itemCode: 'ART-1' }, rule: 'r' }),
    ).toEqual({ codes: ['ART-1'], field: 'any' });
  });
});
