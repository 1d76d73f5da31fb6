// The item editor rendered over a mocked API: changes go to the right endpoint (core fields → /api/items/:id,
// item-master fields → /api/item-master/items/:id), only what changed is sent, and switching serial management
// on without a serial class is stopped with the server's rule shown next to the field. Plus the request bodies
// of the create form and of a price row.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { ItemEditor, checkItemDraft } from './ItemEditor';
import { priceBody } from './ItemPriceRows';
import { createBody } from './ItemCreateModal';

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
  hasLedgerEntries: true,
  validFrom: null,
  validTo: null,
  createdAt: '',
  updatedAt: '',
};
const master = {
  itemClass: null,
  lotConsumption: 'fifo',
  lotClass: null,
  lotAvailabilityCheck: 'blocking',
  serialClass: null,
  minStock: '0',
  maxStock: '0',
  reorderPoint: '0',
  reorderLot: '0',
  minReorderQuantity: '0',
  supplyLeadDays: 0,
  accountingCategory: null,
  vatCode: null,
  analyticCostItem: null,
  analyticRevenueItem: null,
  costCentre: null,
  availabilityCheck: 'none',
  preferredWarehouseId: null,
  netWeight: null,
  grossWeight: null,
  packageType: null,
  notes: '',
};

function api(c: Call): unknown {
  if (c.path === '/api/item-master/items/5')
    return c.method === 'GET'
      ? { item, master, alternatives: [], warehousePlanning: [] }
      : { item, master, alternatives: [], warehousePlanning: [] };
  if (c.path === '/api/items/5') return item;
  return { items: [], nextOffset: null };
}

describe('item editor', () => {
  it('sends the changed core field to the item API and the changed planning field to the item-master API', async () => {
    const calls = mockFetch(api);
    renderUi(<ItemEditor itemId="5" onClose={() => undefined} />);
    await screen.findByTestId('item-editor');
    // The primary unit is locked once the item has stock movements.
    expect(screen.getByText('Locked: the item has stock movements')).toBeTruthy();
    fireEvent.change(screen.getByTestId('item-description'), { target: { value: 'Hex screw M8' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Planning' }));
    fireEvent.change((await screen.findAllByLabelText('Reorder point'))[0]!, { target: { value: '40' } });
    fireEvent.click(screen.getByTestId('item-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.find((c) => c.method === 'PATCH' && c.path === '/api/items/5')?.body).toEqual({
      description: 'Hex screw M8',
    });
    expect(calls.find((c) => c.method === 'PATCH' && c.path === '/api/item-master/items/5')?.body).toEqual({
      reorderPoint: '40',
    });
  });

  it('serial management needs a serial class: shown at the field, nothing sent', async () => {
    const calls = mockFetch(api);
    renderUi(<ItemEditor itemId="5" onClose={() => undefined} />);
    await screen.findByTestId('item-editor');
    fireEvent.click(screen.getByRole('tab', { name: 'Lots / serials' }));
    fireEvent.click(await screen.findByRole('switch', { name: 'Serial numbers' }));
    expect(screen.getAllByText('Serial-managed items need a serial class').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('item-save'));
    expect((await screen.findByTestId('item-form-error')).textContent).toBe('Serial-managed items need a serial class');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('checks the serial class rule on the draft over the stored item', () => {
    expect(checkItemDraft({ serialManagement: false, serialClass: null }, { serialManagement: true })).toBe(
      'itemEdit.serialClassRequired',
    );
    expect(
      checkItemDraft({ serialManagement: false, serialClass: null }, { serialManagement: true, serialClass: 'SN' }),
    ).toBeNull();
    expect(checkItemDraft({ serialManagement: true, serialClass: 'SN' }, { serialClass: null })).toBe(
      'itemEdit.serialClassRequired',
    );
    expect(checkItemDraft({ serialManagement: true, serialClass: 'SN' }, { description: 'x' })).toBeNull();
  });

  it('creation sends only what was filled in, so the template and item class supply the rest', () => {
    const base = {
      code: '',
      itemClass: null,
      template: null,
      description: '',
      primaryUnit: null,
      lotManagement: 'no',
      serialManagement: false,
      serialClass: null,
      barcode: 'none',
      codeType: 'code128',
    } as const;
    expect(
      createBody({ ...base, itemClass: 'RM', description: ' Steel ', primaryUnit: 'KG', barcode: 'ean13' }),
    ).toEqual({
      item: { description: 'Steel', primaryUnit: 'KG' },
      master: { itemClass: 'RM' },
      barcode: { mode: 'ean13' },
    });
    expect(
      createBody({
        ...base,
        code: 'X1',
        template: 'TPL',
        serialManagement: true,
        serialClass: 'SN',
        barcode: 'item_code',
        codeType: 'gtin14',
      }),
    ).toEqual({
      item: { code: 'X1', serialManagement: true, serialClass: 'SN' },
      template: 'TPL',
      barcode: { mode: 'item_code', type: 'gtin14' },
    });
  });

  it('a price row: empty "up to" is the open-ended last tier, discounts are a list', () => {
    expect(
      priceBody({
        id: null,
        priceListId: '2',
        unit: 'PZ',
        currency: 'eur',
        validFrom: '2026-01-01',
        validTo: '',
        tiers: [
          { upTo: '10', price: '1.50', discounts: '10, 5' },
          { upTo: '', price: '1.20', discounts: '' },
        ],
      }),
    ).toEqual({
      priceListId: '2',
      unit: 'PZ',
      currency: 'EUR',
      validFrom: '2026-01-01',
      validTo: null,
      tiers: [
        { upTo: '10', price: '1.50', discounts: ['10', '5'] },
        { upTo: null, price: '1.20', discounts: [] },
      ],
    });
  });
});
