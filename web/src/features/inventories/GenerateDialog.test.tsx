// The generation dialog rendered: the structure table of bin lists (default order, move up/down, new-list
// flag, group change) and what it sends to the preview; classification filters of article lists.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { GenerateDialog } from './GenerateDialog';

const preview = {
  lists: [
    {
      id: null,
      number: null,
      items: 3,
      informational: 0,
      warehouseId: '1',
      responsibleUserId: null,
      counterUserIds: [],
    },
  ],
  positions: 3,
  informational: 0,
  skipped: 0,
  skippedOnOtherList: 0,
  skippedOverMaxLists: 0,
};

function api(c: Call): unknown {
  if (c.path.endsWith('/count-lists/generate/preview')) return preview;
  if (c.path === '/api/classifications') {
    return {
      items: [
        { kind: 'stock_account_classification', code: 'RAW', description: 'Raw materials' },
        { kind: 'classification_1', code: 'C1A', description: '' },
      ],
      nextOffset: null,
    };
  }
  if (c.path === '/api/warehouses')
    return {
      items: [
        { id: '1', code: 'W1', name: 'Main' },
        { id: '2', code: 'W2', name: 'Second' },
      ],
      nextOffset: null,
    };
  if (c.path === '/api/zones') {
    return {
      items: [
        { id: '10', warehouseId: '1', code: 'A', structured: true, usage: null },
        { id: '20', warehouseId: '2', code: 'A', structured: true, usage: null },
      ],
      nextOffset: null,
    };
  }
  return { items: [], nextOffset: null };
}

const order = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('[data-criterion]')].map((r) => r.getAttribute('data-criterion'));

describe('GenerateDialog', () => {
  it('bin lists: the structure table starts in the default order; move up/down reorder it; the preview sends the table', async () => {
    const calls = mockFetch(api);
    renderUi(
      <GenerateDialog inventoryId="7" countType="bin" onClose={() => undefined} onGenerated={() => undefined} />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    const table = within(dialog).getByTestId('structure-table');
    expect(order(table)).toEqual(['warehouse', 'zone', 'aisle', 'row', 'level', 'place']);
    // The first row cannot move up, the last cannot move down.
    expect(within(table).getByRole('button', { name: 'Move up warehouse' })).toHaveProperty('disabled', true);
    expect(within(table).getByRole('button', { name: 'Move down place' })).toHaveProperty('disabled', true);

    fireEvent.click(within(table).getByRole('button', { name: 'Move up row' }));
    expect(order(table)).toEqual(['warehouse', 'zone', 'row', 'aisle', 'level', 'place']);
    fireEvent.click(within(table).getByRole('button', { name: 'Move down warehouse' }));
    expect(order(table)).toEqual(['zone', 'warehouse', 'row', 'aisle', 'level', 'place']);
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent),
    ).toEqual(['1', '2', '3', '4', '5', '6']);

    fireEvent.click(within(table).getByRole('checkbox', { name: 'New list zone' }));
    fireEvent.change(within(table).getByRole('textbox', { name: 'Group change aisle' }), { target: { value: '4' } });

    fireEvent.click(within(dialog).getByTestId('gen-preview-btn'));
    const shown = await screen.findByTestId('gen-preview');
    expect(shown.getAttribute('data-lists')).toBe('1');
    const sent = calls.find((c) => c.method === 'POST' && c.path === '/api/inventories/7/count-lists/generate/preview');
    expect(sent?.body).toMatchObject({
      countType: 'bin',
      stockConsideration: 'occupied_and_empty_bins',
      structure: [
        { criterion: 'zone', newList: true, groupChange: 0 },
        { criterion: 'warehouse', newList: false, groupChange: 0 },
        { criterion: 'row', newList: false, groupChange: 0 },
        { criterion: 'aisle', newList: false, groupChange: 4 },
        { criterion: 'level', newList: false, groupChange: 0 },
        { criterion: 'place', newList: false, groupChange: 0 },
      ],
    });
    // Bin lists take no item filters.
    expect(within(dialog).queryByTestId('gen-classifications')).toBeNull();
    expect(Object.keys(sent!.body as object)).not.toContain('classification1');
    // The longest test of the file: on a loaded machine it needs more than the default 5 s.
  }, 20_000);

  it('article lists: warehouse/zone then article, and the classification filters are offered', async () => {
    mockFetch(api);
    renderUi(
      <GenerateDialog inventoryId="7" countType="article" onClose={() => undefined} onGenerated={() => undefined} />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    expect(order(within(dialog).getByTestId('structure-table'))).toEqual(['warehouse_zone', 'article']);
    const filters = within(dialog).getByTestId('gen-classifications');
    await waitFor(() => expect(within(filters).getByText('Stock account classification')).toBeTruthy());
    for (const label of [
      'Classification 1',
      'Classification 2',
      'Classification 3',
      'Classification 4',
      'Classification 5',
    ])
      expect(within(filters).getByText(label)).toBeTruthy();
  });

  it('the zones filter names each zone with its warehouse (the same zone code in two warehouses)', async () => {
    mockFetch(api);
    renderUi(
      <GenerateDialog inventoryId="7" countType="bin" onClose={() => undefined} onGenerated={() => undefined} />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    const input = within(dialog).getByRole('textbox', { name: 'Zones' });
    fireEvent.click(input);
    // The options as rendered in the dropdown (hidden: happy-dom does not lay the opened popover out).
    await waitFor(() =>
      expect(screen.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(
        expect.arrayContaining(['W1 / A', 'W2 / A']),
      ),
    );
  });

  it('shows the refusal of lists nobody may count translated, and sends the counters picked for every list', async () => {
    let refuse = true;
    const calls = mockFetch((c) => {
      if (c.path.endsWith('/count-lists/generate/preview') && refuse) {
        return [
          422,
          {
            error: {
              code: 'generation.no_responsible_inventory',
              message: 'nobody could count the lists',
              field: 'responsibleOrigin',
              params: { inventoryNumber: 'INV-0007' },
            },
          },
        ];
      }
      if (c.path === '/api/users')
        return {
          items: [{ id: '5', username: 'carla', displayName: 'Carla', role: 'counter', siteId: null, active: true }],
          nextOffset: null,
        };
      return api(c);
    });
    renderUi(
      <GenerateDialog inventoryId="7" countType="article" onClose={() => undefined} onGenerated={() => undefined} />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    fireEvent.click(within(dialog).getByTestId('gen-preview-btn'));
    expect((await screen.findByTestId('gen-error')).textContent).toBe(
      "Nobody could count these lists: their responsible employee comes from inventory INV-0007, which has none. Set the inventory's responsible employee, choose another origin or assign counters.",
    );
    refuse = false;
    const input = within(dialog).getByTestId('gen-counters');
    const opt = await waitFor(() => {
      fireEvent.click(input);
      return screen.getByRole('option', { name: 'Carla', hidden: true });
    });
    fireEvent.click(opt);
    fireEvent.click(within(dialog).getByTestId('gen-preview-btn'));
    await screen.findByTestId('gen-preview');
    const sent = calls.filter((c) => c.method === 'POST').at(-1);
    expect(sent?.body).toMatchObject({ countType: 'article', responsibleOrigin: 'inventory', counterUserIds: ['5'] });
  });

  it('a large generation answers with a job: the dialog hands the job id on instead of a result', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST' && c.path === '/api/inventories/7/count-lists/generate'
        ? [202, { jobId: 'job_42', resumed: false, chunks: 3, positions: 60000 }]
        : api(c),
    );
    const jobs: string[] = [];
    const results: unknown[] = [];
    let closed = false;
    renderUi(
      <GenerateDialog
        inventoryId="7"
        countType="article"
        onClose={() => (closed = true)}
        onGenerated={(r) => results.push(r)}
        onJob={(j) => jobs.push(j)}
      />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    fireEvent.click(within(dialog).getByTestId('gen-run'));
    await waitFor(() => expect(jobs).toEqual(['job_42']));
    expect(results).toEqual([]);
    expect(closed).toBe(true);
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/count-lists/generate'))).toBe(true);
  });

  it("fills itself in from the inventory's last generation of the same count type (a duplicate carries it)", async () => {
    const calls = mockFetch(api);
    const last = {
      countType: 'article',
      maxItemsPerList: 7,
      name: 'Aisle walk',
      structure: [
        { criterion: 'article', newList: false, groupChange: 2 },
        { criterion: 'warehouse_zone', newList: true, groupChange: 0 },
      ],
    };
    const { unmount } = renderUi(
      <GenerateDialog
        inventoryId="7"
        countType="article"
        lastParams={last}
        onClose={() => undefined}
        onGenerated={() => undefined}
      />,
    );
    const dialog = await screen.findByTestId('generate-dialog');
    expect(within(dialog).getByTestId('gen-last-params').textContent).toBe(
      'Filled in with the parameters of the last generation',
    );
    expect(order(within(dialog).getByTestId('structure-table'))).toEqual(['article', 'warehouse_zone']);
    fireEvent.click(within(dialog).getByTestId('gen-preview-btn'));
    await screen.findByTestId('gen-preview');
    const sent = calls.find((c) => c.method === 'POST' && c.path.endsWith('/generate/preview'));
    expect(sent?.body).toMatchObject({
      countType: 'article',
      maxItemsPerList: 7,
      name: 'Aisle walk',
      structure: last.structure,
    });
    unmount();
    // Another count type starts from the defaults.
    renderUi(
      <GenerateDialog
        inventoryId="7"
        countType="bin"
        lastParams={last}
        onClose={() => undefined}
        onGenerated={() => undefined}
      />,
    );
    const bin = await screen.findByTestId('generate-dialog');
    expect(within(bin).queryByTestId('gen-last-params')).toBeNull();
  });
});
