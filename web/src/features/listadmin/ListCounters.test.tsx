// Who counts a list on the count-list page: responsible and assigned counters by name; the counters dialog
// starts with the list's counters, sends exactly the picked ones, and shows the server's refusals translated
// (an ineligible employee on the picker, a closed list in the alert); final lists offer no edit.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderUi, mockFetch, type Call } from '../../test/render';
import { ListCounters, type ListPeople } from './ListCounters';

const users = {
  items: [
    { id: '7', username: 'anna', displayName: 'Anna Rossi', role: 'counter', siteId: '1', active: true },
    { id: '8', username: 'bert', displayName: 'bert', role: 'counter', siteId: '1', active: true },
    { id: '9', username: 'cleo', displayName: 'cleo', role: 'counter', siteId: null, active: true },
  ],
  nextOffset: null,
};
const list: ListPeople = {
  id: '11',
  number: 'L0011',
  status: 'open',
  responsibleUserId: '7',
  responsibleName: 'Anna Rossi',
  counters: [{ userId: '8', name: 'bert' }],
  reassignable: true,
};
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const serve = (put: (c: Call) => unknown) => mockFetch((c) => (c.path === '/api/users' ? users : put(c)));

async function pick(name: string) {
  const input = await screen.findByTestId('counters-users');
  const opt = await waitFor(() => {
    fireEvent.click(input);
    return screen.getByRole('option', { name, hidden: true });
  });
  fireEvent.click(opt);
}

describe('ListCounters', () => {
  it('shows the responsible counter and the counters by name', () => {
    serve(() => ({}));
    renderUi(<ListCounters list={list} onChanged={() => undefined} />);
    expect(screen.getByTestId('list-responsible').textContent).toBe('Anna Rossi');
    expect(screen.getByTestId('list-counters').textContent).toBe('bert');
    renderUi(
      <ListCounters
        list={{ ...list, id: '12', responsibleName: null, counters: [], status: 'closed', reassignable: false }}
        onChanged={() => undefined}
      />,
    );
    expect(screen.getAllByTestId('list-counters')[1]!.textContent).toBe('none');
    // A closed list keeps its counters: no edit.
    expect(screen.getAllByTestId('list-counters-edit')).toHaveLength(1);
  });

  it("sends exactly the picked counters (the list's own plus the new one) and reports back", async () => {
    const calls = serve(() => ({
      countListId: '11',
      responsibleUserId: '7',
      counters: [
        { userId: '8', name: 'bert' },
        { userId: '9', name: 'cleo' },
      ],
    }));
    const onChanged = vi.fn();
    renderUi(<ListCounters list={list} onChanged={onChanged} />);
    fireEvent.click(screen.getByTestId('list-counters-edit'));
    expect(await screen.findByText('Counters of count list L0011')).toBeTruthy();
    await pick('cleo');
    fireEvent.click(screen.getByTestId('counters-save'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(writes(calls)).toEqual([
      expect.objectContaining({ method: 'PUT', path: '/api/count-lists/11/counters', body: { userIds: ['8', '9'] } }),
    ]);
  });

  it('shows an ineligible employee on the picker and a closed list in the alert, translated', async () => {
    let answer: unknown = [
      422,
      {
        error: {
          code: 'reference.unknown',
          message: 'userIds: employee 9 belongs to another site',
          field: 'userIds',
          params: { userId: '9' },
        },
      },
    ];
    serve(() => answer);
    renderUi(<ListCounters list={list} onChanged={() => undefined} />);
    fireEvent.click(screen.getByTestId('list-counters-edit'));
    await pick('cleo');
    fireEvent.click(screen.getByTestId('counters-save'));
    const dialog = await screen.findByTestId('counters-dialog');
    await waitFor(() =>
      expect(
        within(dialog).getByText('One of these employees is not an active user of the count list’s site.'),
      ).toBeTruthy(),
    );
    answer = [
      422,
      {
        error: {
          code: 'count.list_closed',
          message: 'count list L0011 is closed',
          params: { status: 'closed', countListNumber: 'L0011' },
        },
      },
    ];
    fireEvent.click(screen.getByTestId('counters-save'));
    expect((await screen.findByTestId('counters-error')).textContent).toBe(
      'Count list L0011 is closed and can no longer be changed.',
    );
  });
});
