// The unfinished generation of an inventory as the page shows it: lines written while the job runs; after a
// failed chunk the reason and how to continue; nothing once no generation is pending.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi } from '../../test/render';
import { GenerationRunAlert } from './GenerationRunAlert';

const page = (generation: unknown) => ({ items: [], nextOffset: null, statusCounts: {}, generation });
const run = { jobId: 'job_1', chunks: 4, chunksDone: 2, positions: 20000, positionsDone: 10000 };

describe('GenerationRunAlert', () => {
  it('shows the reason of a failed chunk and how to continue', async () => {
    const calls = mockFetch(() => page({ ...run, status: 'failed', reason: 'the disk is full' }));
    renderUi(<GenerationRunAlert inventoryId="7" />);
    const alert = await screen.findByTestId('generation-unfinished');
    expect(alert.textContent).toBe(
      'The generation stopped after 10,000 of 20,000 lines: the disk is full. Its lists stay partially generated; generate again with the same parameters to continue.',
    );
    expect(calls[0]).toMatchObject({ path: '/api/inventories/7/count-lists' });
  });

  it('shows the lines written while the job runs, and nothing when no generation is pending', async () => {
    let g: unknown = { ...run, status: 'running', reason: null };
    mockFetch(() => page(g));
    renderUi(<GenerationRunAlert inventoryId="7" />);
    expect((await screen.findByTestId('generation-running')).textContent).toBe(
      'Count lists are being generated: 10,000 of 20,000 lines',
    );
    g = null;
    await waitFor(() => expect(screen.queryByTestId('generation-running')).toBeNull(), { timeout: 3000 });
  });
});
