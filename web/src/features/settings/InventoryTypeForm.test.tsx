// The inventory-type form: a method is required; numbering fields are checked as the schema does; the body
// carries a new scheme whole but an existing one by code and differences only; an edit sends what changed;
// the server's error on a nested numbering field is shown on that field.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import type { InventoryType } from '../../api/models';
import { InventoryTypeForm, initialTypeValues, typeBody } from './InventoryTypeForm';
import type { Sequence } from './NumberingSection';

const none = () => undefined;
const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const scheme = (code: string, o: Partial<Sequence> = {}): Sequence => ({
  code,
  prefix: 'CL',
  width: 7,
  nextValue: '31',
  maxItemsPerList: 200,
  nextNumber: 'CL0000031',
  purpose: 'general',
  usedBy: [],
  ...o,
});
const std: InventoryType = {
  id: '4',
  code: 'STD',
  description: 'Annual',
  method: 'stock_taking_day',
  materialType: 'stock_items',
  inventoryNumbering: { code: 'inventory:STD', prefix: 'STD', width: 6, nextValue: 3, maxItemsPerList: null },
  countListNumbering: { code: 'count_list.DEFAULT', prefix: 'CL', width: 7, nextValue: 31, maxItemsPerList: 200 },
  valuationPrice: 'average',
  adjustmentKey: 'ADJ',
  transferKey: 'TRF',
  valueAdjustmentKey: 'VAL',
  reportType: 'single',
  singleReportingRequired: false,
  showSystemQuantities: false,
  keepLocation: true,
  tolerancePercent: null,
  toleranceValue: null,
};

describe('inventory type body', () => {
  it('a new type: new schemes whole, an existing count-list scheme by its code only', () => {
    const v = { ...initialTypeValues(null), code: 'CYC', method: 'continuous' as const };
    v.countListNumbering = { code: 'count_list.DEFAULT', prefix: 'CL', width: 7, nextValue: 31, maxItemsPerList: 200 };
    expect(typeBody(v, null, [scheme('count_list.DEFAULT')])).toMatchObject({
      code: 'CYC',
      method: 'continuous',
      showSystemQuantities: false,
      keepLocation: true,
      reportType: 'single',
      inventoryNumbering: { prefix: 'INV-', width: 6, nextValue: 1 },
      countListNumbering: { code: 'count_list.DEFAULT' },
    });
    expect(typeBody(v, null, [scheme('count_list.DEFAULT')]).countListNumbering).toEqual({
      code: 'count_list.DEFAULT',
    });
  });

  it('an edit sends only what changed; production resources carry no value key', () => {
    const v = initialTypeValues(std);
    expect(typeBody(v, std, [])).toEqual({});
    v.showSystemQuantities = true;
    v.countListNumbering = { ...v.countListNumbering, nextValue: 40 };
    expect(typeBody(v, std, [])).toEqual({
      showSystemQuantities: true,
      countListNumbering: { code: 'count_list.DEFAULT', nextValue: 40 },
    });
    // A tolerance typed with a decimal comma is sent with a point; cleared, it is sent as null (no limit).
    expect(typeBody({ ...initialTypeValues(std), tolerancePercent: '2,5' }, std, [])).toEqual({
      tolerancePercent: '2.5',
    });
    const withValue = { ...std, toleranceValue: '50' };
    expect(typeBody({ ...initialTypeValues(withValue), toleranceValue: ' ' }, withValue, [])).toEqual({
      toleranceValue: null,
    });
    expect(typeBody({ ...initialTypeValues(std), materialType: 'production_resources' }, std, [])).toEqual({
      materialType: 'production_resources',
      valueAdjustmentKey: null,
    });
  });
});

describe('inventory type form', () => {
  it('needs a code and a method; refuses a prefix with spaces and a width over 18 before sending', async () => {
    const calls = mockFetch(() => ({ items: [], nextOffset: null }));
    renderUi(<InventoryTypeForm row={null} canWrite onClose={none} />);
    fireEvent.change(screen.getByTestId('type-inventoryNumbering-prefix'), { target: { value: 'IN V' } });
    fireEvent.change(screen.getByTestId('type-countListNumbering-width'), { target: { value: '19' } });
    fireEvent.click(screen.getByTestId('type-save'));
    expect((await screen.findAllByText('Required')).length).toBe(2);
    expect(screen.getByText('No spaces')).toBeTruthy();
    expect(screen.getByText('A whole number from 1 to 18')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
  });

  it('refuses a negative tolerance before sending', async () => {
    const calls = mockFetch(() => ({ items: [], nextOffset: null }));
    renderUi(<InventoryTypeForm row={std} canWrite onClose={none} />);
    fireEvent.change(screen.getByTestId('type-tolerance-percent'), { target: { value: '-5' } });
    fireEvent.click(screen.getByTestId('type-save'));
    expect(await screen.findByText('Enter a number of at least 0, e.g. 5 or 2.5')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
  });

  it("shows the server's refusal of a numbering field on that field", async () => {
    const calls = mockFetch((c) =>
      c.method === 'PATCH'
        ? [
            400,
            {
              error: {
                code: 'validation.failed',
                message: 'the next number cannot go back below 31',
                field: 'countListNumbering.nextValue',
              },
            },
          ]
        : { items: [], nextOffset: null },
    );
    renderUi(<InventoryTypeForm row={std} canWrite onClose={none} />);
    fireEvent.click(screen.getByTestId('type-show-system'));
    fireEvent.click(screen.getByTestId('type-save'));
    expect(await screen.findByText('the next number cannot go back below 31')).toBeTruthy();
    expect(screen.queryByTestId('type-error')).toBeNull();
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({
        method: 'PATCH',
        path: '/api/inventory-types/4',
        body: { showSystemQuantities: true },
      }),
    );
  });
});
