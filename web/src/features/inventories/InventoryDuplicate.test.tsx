// The inventory page's Duplicate action: it asks the API for the copy and opens the copy's page.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { Notifications } from '@mantine/notifications';
import { mockFetch, renderUi } from '../../test/render';
import InventoryPage from './InventoryPage';

const inventory = (id: string, number: string) => ({
  id,
  siteId: '1',
  typeId: '3',
  typeCode: 'YEAR',
  method: 'stock_taking_day',
  materialType: 'stock_items',
  number,
  status: id === '7' ? 'has_count_lists' : 'created',
  description: 'Year end',
  ownerId: '2',
  fiscalYear: 2026,
  countListSequenceCode: 'count_list:YEAR',
  stockTakingDate: '2026-12-31',
  valuationPrice: 'average',
  adjustmentKey: 'ADJ',
  transferKey: 'TRF',
  valueAdjustmentKey: null,
  reportType: 'single',
  singleReportingRequired: false,
  showSystemQuantities: false,
  keepLocation: false,
  costCentre: null,
  responsibleUserId: null,
  openedAt: null,
  closedAt: null,
  createdBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  generationParams: { countType: 'article', maxItemsPerList: 2 },
});

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

describe('InventoryPage: Duplicate', () => {
  it('posts the duplicate and opens the copy', async () => {
    const calls = mockFetch((c) => {
      if (c.method === 'POST' && c.path === '/api/inventories/7/duplicate') return [201, inventory('8', 'GI-0002')];
      if (c.path === '/api/inventories/7') return inventory('7', 'GI-0001');
      // Panels of other features on the page answer as having nothing to show.
      if (c.path.endsWith('/approvals') || c.path.endsWith('/sample'))
        return [404, { error: { code: 'not_found', message: 'none' } }];
      if (c.path === '/api/inventories/7/count-lists')
        return { items: [], nextOffset: null, statusCounts: {}, generation: null };
      return { items: [], nextOffset: null };
    });
    renderUi(
      <>
        <Notifications />
        <Routes location="/inventories/7">
          <Route path="/inventories/:id" element={<InventoryPage />} />
        </Routes>
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </>,
    );
    fireEvent.click(await screen.findByTestId('inv-duplicate'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/inventories/8'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/inventories/7/duplicate']);
    expect(await screen.findByText('Inventory GI-0002 created as a copy')).toBeTruthy();
  });
});
