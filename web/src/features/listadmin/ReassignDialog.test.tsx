// The reassign dialog: a counter must be picked (nothing is sent otherwise), the picker asks for active
// counters, it sends the selected lists with the picked user, and the server's refusals are translated — an
// ineligible employee on the picker, a final list in the dialog's alert — never shown as a code.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderUi, mockFetch, type Call } from '../../test/render';
import { ReassignDialog } from './ReassignDialog';

const users = {
  items: [
    { id: '7', username: 'anna', displayName: 'Anna Rossi', role: 'counter', siteId: '1', active: true },
    { id: '8', username: 'bert', displayName: 'bert', role: 'counter', siteId: '1', active: true },
  ],
  nextOffset: null,
};

function fieldError(testId: string): string | null {
  const input = screen.getByTestId(testId);
  const id = (input.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

function serve(post: (c: Call) => unknown) {
  return mockFetch((c) => (c.path === '/api/users' ? users : post(c)));
}
/** Picks an option of one picker: its own listbox (aria-controls), as both pickers render their options. */
async function pickIn(testId: string, name: string) {
  const input = await screen.findByTestId(testId);
  const opt = await waitFor(() => {
    fireEvent.click(input);
    const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!listbox) throw new Error(`no listbox for ${testId}`);
    return within(listbox).getByRole('option', { name, hidden: true });
  });
  fireEvent.click(opt);
}
const pickUser = (name: string) => pickIn('reassign-user', name);

describe('ReassignDialog', () => {
  it('requires a counter: nothing is sent without one', async () => {
    const calls = serve(() => ({}));
    renderUi(<ReassignDialog countListIds={['11']} opened onClose={() => undefined} onDone={() => undefined} />);
    fireEvent.click(await screen.findByTestId('reassign-run'));
    await waitFor(() => expect(fieldError('reassign-user')).toBe('Required'));
    expect(writes(calls)).toHaveLength(0);
  });

  it('offers active counters and sends the lists with the picked one', async () => {
    const calls = serve(() => ({ countListIds: ['11', '12'], responsibleUserId: '7' }));
    const onDone = vi.fn();
    const onClose = vi.fn();
    renderUi(<ReassignDialog countListIds={['11', '12']} opened onClose={onClose} onDone={onDone} />);
    expect(await screen.findByText('2 selected count lists')).toBeTruthy();
    await pickUser('Anna Rossi (anna)');
    fireEvent.click(screen.getByTestId('reassign-run'));
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({
        countListIds: ['11', '12'],
        responsibleUserId: '7',
        userLabel: 'Anna Rossi (anna)',
      }),
    );
    const q = calls.find((c) => c.path === '/api/users')!.query;
    expect([q.get('role'), q.get('active')]).toEqual(['counter', 'true']);
    expect(writes(calls)).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/count-lists/reassign',
        body: { countListIds: ['11', '12'], responsibleUserId: '7' },
      }),
    ]);
    expect(onClose).toHaveBeenCalled();
  });

  it('shows an ineligible employee on the picker, translated', async () => {
    serve(() => [
      422,
      {
        error: {
          code: 'reference.unknown',
          message: 'employee 8 is not an active user of the site',
          field: 'responsibleUserId',
        },
      },
    ]);
    const onDone = vi.fn();
    renderUi(<ReassignDialog countListIds={['11']} opened onClose={() => undefined} onDone={onDone} />);
    await pickUser('bert');
    fireEvent.click(screen.getByTestId('reassign-run'));
    await waitFor(() =>
      expect(fieldError('reassign-user')).toBe('This employee is not an active user of the count list’s site.'),
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a final list in the alert by its translated sentence, never the code', async () => {
    serve(() => [
      422,
      {
        error: {
          code: 'count.list_closed',
          message: 'count list L0002 is closed',
          params: { status: 'closed', countListNumber: 'L0002' },
        },
      },
    ]);
    renderUi(<ReassignDialog countListIds={['11', '12']} opened onClose={() => undefined} onDone={() => undefined} />);
    await pickUser('bert');
    fireEvent.click(screen.getByTestId('reassign-run'));
    const alert = await screen.findByTestId('reassign-error');
    expect(alert.textContent).toBe('Count list L0002 is closed and can no longer be changed.');
  });
});

describe('ReassignDialog counters', () => {
  const pickCounter = (name: string) => pickIn('reassign-counters', name);

  it("starts with the list's counters and sends them once changed", async () => {
    const calls = serve(() => ({ countListIds: ['11'], responsibleUserId: '8', counterUserIds: ['7'] }));
    const onDone = vi.fn();
    renderUi(
      <ReassignDialog
        countListIds={['11']}
        initialCounterIds={['8']}
        opened
        onClose={() => undefined}
        onDone={onDone}
      />,
    );
    await pickUser('bert');
    await pickCounter('Anna Rossi (anna)');
    // bert was a counter; he is the responsible one now and comes off the counters.
    await pickCounter('bert');
    fireEvent.click(screen.getByTestId('reassign-run'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes(calls)).toEqual([
      expect.objectContaining({ body: { countListIds: ['11'], responsibleUserId: '8', counterUserIds: ['7'] } }),
    ]);
  });

  it('names an ineligible counter on the counters picker', async () => {
    serve(() => [
      422,
      {
        error: {
          code: 'reference.unknown',
          message: 'counterUserIds: employee 7 is not active',
          field: 'counterUserIds',
          params: { userId: '7' },
        },
      },
    ]);
    renderUi(<ReassignDialog countListIds={['11']} opened onClose={() => undefined} onDone={() => undefined} />);
    await pickUser('bert');
    await pickCounter('Anna Rossi (anna)');
    fireEvent.click(screen.getByTestId('reassign-run'));
    await waitFor(() =>
      expect(fieldError('reassign-counters')).toBe(
        'One of these employees is not an active user of the count list’s site.',
      ),
    );
  });
});
