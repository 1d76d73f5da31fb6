// Bins in bulk: the ranges are checked as the server expands them (zero padding from "From", letters, order,
// at most 100,000 bins), previewed with the server's dry run before anything is created, and created in one
// request whose result is shown; the server's range error lands on the range field it names.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { BinRangeDialog } from './BinRangeDialog';
import { binCode, checkBulk, checkRange, emptyRanges } from './binRanges';

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
function fieldError(testId: string): string | null {
  const id = (screen.getByTestId(testId).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
function fill(r: Record<string, [string, string]>) {
  for (const [name, [from, to]] of Object.entries(r)) {
    change(`range-${name}-from`, from);
    change(`range-${name}-to`, to);
  }
}

describe('bin ranges (as the server expands them)', () => {
  it.each([
    [{ from: '01', to: '12' }, { ok: { count: 12, first: '01', last: '12' } }],
    [{ from: '001', to: '50' }, { ok: { count: 50, first: '001', last: '050' } }],
    [{ from: '1', to: '10' }, { ok: { count: 10, first: '1', last: '10' } }],
    [{ from: 'a', to: 'd' }, { ok: { count: 4, first: 'A', last: 'D' } }],
    [{ from: '5', to: '5' }, { ok: { count: 1, first: '5', last: '5' } }],
    [{ from: '10', to: '01' }, { errors: { to: { key: 'placesUi.range.before', params: { from: '10' } } } }],
    [{ from: 'D', to: 'A' }, { errors: { to: { key: 'placesUi.range.before', params: { from: 'D' } } } }],
    [{ from: 'A', to: '9' }, { errors: { to: { key: 'placesUi.range.kind' } } }],
    [{ from: 'AA', to: 'AC' }, { errors: { to: { key: 'placesUi.range.kind' } } }],
    [{ from: '0', to: '100000' }, { errors: { to: { key: 'placesUi.range.tooLarge', params: { max: 100000 } } } }],
    [{ from: '1-2', to: '3' }, { errors: { from: { key: 'placesUi.range.element' } } }],
    [{ from: '1', to: '' }, { errors: { to: { key: 'form.required' } } }],
  ])('%o → %o', (r, expected) => {
    expect(checkRange(r, true)).toEqual(expected);
  });

  it('an empty optional aisle is left out; the total is the product; over 100,000 is refused', () => {
    const r = {
      ...emptyRanges(),
      row: { from: '01', to: '10' },
      level: { from: '1', to: '5' },
      place: { from: '001', to: '020' },
    };
    expect(checkBulk('high_bay', r)).toMatchObject({
      total: 1000,
      first: '01-1-001',
      last: '10-5-020',
      tooMany: false,
      errors: {},
    });
    expect(checkBulk('high_bay', r).body).toEqual({
      row: { from: '01', to: '10' },
      level: { from: '1', to: '5' },
      place: { from: '001', to: '020' },
    });
    // A block zone has no level: it is neither checked nor sent.
    expect(checkBulk('block', { ...r, level: { from: 'x-', to: '' } })).toMatchObject({
      total: 200,
      first: '01-001',
      last: '10-020',
      errors: {},
    });
    const big = checkBulk('high_bay', { ...r, aisle: { from: 'A', to: 'Z' }, place: { from: '001', to: '400' } });
    expect(big).toMatchObject({ total: 26 * 10 * 5 * 400, tooMany: true });
    expect(big.errors['ranges.place.to']).toEqual({ key: 'placesUi.range.tooMany', params: { max: 100000 } });
    expect(checkBulk('high_bay', { ...r, level: { from: '', to: '' } }).errors).toEqual({
      'ranges.level.from': { key: 'form.required' },
      'ranges.level.to': { key: 'form.required' },
    });
    expect(binCode({ aisle: 'a', row: '07', level: null, place: '021' })).toBe('A-07-021');
  });
});

describe('bins in bulk dialog', () => {
  it('previews with a dry run, creates in one request after the preview and shows the result', async () => {
    const calls = mockFetch((c) => {
      if (c.method !== 'POST') return lists(c);
      const body = c.body as { dryRun?: boolean };
      const r = { requested: 500, created: 480, skipped: 20, firstCode: '01-01-1-001', lastCode: '02-01-5-050' };
      return body.dryRun ? { ...r, sample: ['01-01-1-001', '01-01-3-026', '02-01-5-050'] } : [201, r];
    });
    renderUi(<BinRangeDialog defaultWarehouseId="3" defaultZoneId="9" onClose={() => undefined} />);
    await screen.findByTestId('range-level-from');
    fill({ aisle: ['01', '02'], row: ['01', '01'], level: ['1', '5'], place: ['001', '050'] });
    expect(screen.getByTestId('range-count').textContent).toBe('= 500 bins: 01-01-1-001 … 02-01-5-050');
    expect((screen.getByTestId('range-create') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('range-skip-existing'));
    fireEvent.click(screen.getByTestId('range-preview-button'));
    const preview = await screen.findByTestId('range-preview');
    expect(preview.textContent).toContain('To create: 480 · first 01-01-1-001 · last 02-01-5-050');
    expect(preview.textContent).toContain('Already existing, kept: 20');
    expect(screen.getByTestId('range-sample').textContent).toContain('01-01-3-026');
    expect(posts(calls)[0]!.body).toEqual({
      zoneId: '9',
      skipExisting: true,
      dryRun: true,
      ranges: {
        aisle: { from: '01', to: '02' },
        row: { from: '01', to: '01' },
        level: { from: '1', to: '5' },
        place: { from: '001', to: '050' },
      },
    });
    // A changed range needs a new preview.
    change('range-place-to', '051');
    expect(screen.queryByTestId('range-preview')).toBeNull();
    expect((screen.getByTestId('range-create') as HTMLButtonElement).disabled).toBe(true);
    change('range-place-to', '050');
    fireEvent.click(screen.getByTestId('range-preview-button'));
    await screen.findByTestId('range-preview');
    fireEvent.click(screen.getByTestId('range-create'));
    const result = await screen.findByTestId('range-result');
    expect(result.getAttribute('data-created')).toBe('480');
    expect(result.textContent).toContain('Created: 480');
    const creation = posts(calls).filter((c) => !(c.body as { dryRun?: boolean }).dryRun);
    expect(creation).toHaveLength(1);
    expect(creation[0]!.body).toMatchObject({ zoneId: '9', skipExisting: true });
    expect(creation[0]!.body).not.toHaveProperty('dryRun');
  });

  it('refuses more than 100,000 bins and wrong ranges on the fields without asking the server', async () => {
    const calls = mockFetch(lists);
    renderUi(<BinRangeDialog defaultWarehouseId="3" defaultZoneId="9" onClose={() => undefined} />);
    await screen.findByTestId('range-level-from');
    fill({ row: ['01', '99'], level: ['1', '9'], place: ['001', '200'] });
    expect(screen.getByTestId('range-count').textContent).toBe('At most 100,000 bins in one go');
    fireEvent.click(screen.getByTestId('range-preview-button'));
    await waitFor(() => expect(fieldError('range-place-to')).toBe('At most 100,000 bins in one go'));
    fill({ row: ['10', '01'], level: ['A', '9'] });
    fireEvent.click(screen.getByTestId('range-preview-button'));
    await waitFor(() => expect(fieldError('range-row-to')).toBe('Must not be before 10'));
    expect(fieldError('range-level-to')).toBe('Both numbers (01–12) or both single letters (A–F)');
    expect(posts(calls)).toHaveLength(0);
  });

  it('puts the server refusal of existing bins next to "skip existing"', async () => {
    mockFetch((c) =>
      c.method === 'POST'
        ? [
            409,
            {
              error: {
                code: 'conflict.duplicate',
                message: 'bins already exist: 01-1-001',
                field: 'ranges',
                params: { existing: ['01-1-001'] },
              },
            },
          ]
        : lists(c),
    );
    renderUi(<BinRangeDialog defaultWarehouseId="3" defaultZoneId="9" onClose={() => undefined} />);
    await screen.findByTestId('range-level-from');
    fill({ row: ['01', '02'], level: ['1', '2'], place: ['001', '002'] });
    fireEvent.click(screen.getByTestId('range-preview-button'));
    const checkboxError = () =>
      screen
        .getByTestId('range-skip-existing')
        .closest('.mantine-Checkbox-root')
        ?.querySelector('.mantine-Checkbox-error')?.textContent;
    await waitFor(() =>
      expect(checkboxError()).toBe(
        'Some bins already exist (01-1-001): tick this to keep them and create only the others',
      ),
    );
    expect(screen.queryByTestId('range-preview')).toBeNull();
  });
});
