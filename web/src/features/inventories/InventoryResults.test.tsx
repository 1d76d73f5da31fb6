// Outcomes of closing an inventory returned directly (HTTP 200): per-list outcomes, parked postings and value
// adjustments are shown, not just "done"; the generation result names what was made and what was left out.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { mockFetch, renderUi } from '../../test/render';
import type { CloseInventoryResult } from '../../api/models';
import { CloseResultPanel, GenerationResultPanel, closeSummary, isCloseResult } from './InventoryResults';

const result: CloseInventoryResult = {
  inventoryId: '7',
  status: 'closed',
  lists: [
    { countListId: '1', countListNumber: 'CL-0001', status: 'closed', postedLines: 3, parked: [] },
    {
      countListId: '2',
      countListNumber: 'CL-0002',
      status: 'closed_with_errors',
      postedLines: 1,
      parked: [{ postingErrorId: '40', reason: 'ledger.stock_locked' }],
    },
  ],
  valueAdjustments: [
    {
      itemId: '100',
      netQuantity: '1234.5',
      averagePrice: '0.10',
      valuationPrice: '0.125',
      value: '154.3125',
      place: { warehouseId: '3', zoneId: null, binId: null, ownerId: '1' },
    },
  ],
  valueAdjustmentParked: false,
};

describe('inventory results', () => {
  it('tells a close result from a job reference and sums it up', () => {
    expect(isCloseResult(result)).toBe(true);
    expect(isCloseResult({ jobId: '12' })).toBe(false);
    expect(closeSummary(result)).toEqual({
      lists: 2,
      closed: 1,
      withErrors: 1,
      failed: 0,
      postedLines: 4,
      parked: 1,
      valueAdjustments: 1,
    });
  });

  it('shows per-list outcomes, parked postings and value adjustments', async () => {
    mockFetch((c) => (c.path === '/api/items/100' ? { id: '100', code: 'SCREW-M8', description: '' } : {}));
    renderUi(<CloseResultPanel result={result} onClose={() => undefined} />);
    const panel = screen.getByTestId('close-result');
    expect(panel.getAttribute('data-parked')).toBe('1');
    expect(panel.textContent).toContain('2 lists: 1 closed, 1 with errors, 0 failed; 4 lines posted');
    const lists = within(panel).getByTestId('close-result-lists');
    expect(within(lists).getByText('CL-0002')).toBeTruthy();
    expect(within(lists).getByText('Closed with errors')).toBeTruthy();
    expect(
      within(lists).getByText(
        'The stock is locked by an open count list. The posting is posted once the list is closed.',
      ),
    ).toBeTruthy();
    expect(panel.textContent).not.toContain('ledger.stock_locked');
    expect(panel.textContent).toContain('1 posting waits in the posting error file');
    expect(within(panel).getByTestId('close-result-va').textContent).toBe('1 value adjustment posted');
    expect(await within(panel).findByText('SCREW-M8')).toBeTruthy();
    // Quantities and amounts in the UI language, every decimal kept; amounts with at least two decimals.
    for (const v of ['1,234.5', '0.10', '0.125', '154.3125']) expect(within(panel).getByText(v)).toBeTruthy();
  });

  it('generation: lists and items made, positions left out', () => {
    renderUi(
      <GenerationResultPanel
        onClose={() => undefined}
        result={{
          lists: [
            {
              id: '1',
              number: 'CL-0003',
              items: 12,
              informational: 2,
              warehouseId: '3',
              responsibleUserId: null,
              counterUserIds: [],
            },
          ],
          positions: 12,
          informational: 2,
          skipped: 3,
          skippedOnOtherList: 3,
          skippedOverMaxLists: 0,
        }}
      />,
    );
    const panel = screen.getByTestId('gen-result');
    expect(panel.textContent).toContain('1 list with 12 items generated');
    expect(panel.textContent).toContain('3 positions left out: already on another open list');
    expect(panel.textContent).toContain('CL-0003 (12 +2 info)');
  });
});
