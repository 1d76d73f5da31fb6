// The manual-close dialog: a reason is required (blank is refused, more than 500 characters too), the
// manager confirms before anything is sent, each selected list is closed with the trimmed reason, and lists
// the server refuses are named with the translated reason while the others count as closed.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderUi, mockFetch, type Call } from '../../test/render';
import { ManualCloseDialog } from './ManualCloseDialog';

const lists = [
  { id: '11', number: 'L0001' },
  { id: '12', number: 'L0002' },
];
function fieldError(testId: string): string | null {
  const input = screen.getByTestId(testId);
  const id = (input.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const ok = (c: Call) => ({
  countListId: c.path.split('/')[3],
  countListNumber: 'L',
  status: 'manually_closed',
  statusReason: 'x',
  releasedLocks: 1,
  reprocessedPostings: 0,
  stillParked: 0,
});
const type = (v: string) => fireEvent.change(screen.getByTestId('manual-close-reason'), { target: { value: v } });

describe('ManualCloseDialog', () => {
  it('requires a reason: blank is refused on the field and nothing is sent', async () => {
    const calls = mockFetch(ok);
    renderUi(<ManualCloseDialog lists={lists} opened onClose={() => undefined} onDone={() => undefined} />);
    await screen.findByTestId('manual-close-dialog');
    type('   ');
    fireEvent.click(screen.getByTestId('manual-close-next'));
    await waitFor(() => expect(fieldError('manual-close-reason')).toBe('Required'));
    expect(screen.queryByTestId('manual-close-confirm')).toBeNull();
    expect(writes(calls)).toHaveLength(0);
  });

  it('refuses a reason over 500 characters', async () => {
    mockFetch(ok);
    renderUi(<ManualCloseDialog lists={lists} opened onClose={() => undefined} onDone={() => undefined} />);
    await screen.findByTestId('manual-close-dialog');
    type('x'.repeat(501));
    fireEvent.click(screen.getByTestId('manual-close-next'));
    await waitFor(() => expect(fieldError('manual-close-reason')).toMatch(/500/));
    expect(screen.queryByTestId('manual-close-confirm')).toBeNull();
  });

  it('asks to confirm, then closes every list with the trimmed reason', async () => {
    const calls = mockFetch(ok);
    const onDone = vi.fn();
    const onClose = vi.fn();
    renderUi(<ManualCloseDialog lists={lists} opened onClose={onClose} onDone={onDone} />);
    await screen.findByTestId('manual-close-dialog');
    type('  counted in the wrong warehouse ');
    fireEvent.click(screen.getByTestId('manual-close-next'));
    const confirm = await screen.findByTestId('manual-close-confirm');
    expect(confirm.textContent).toContain('Close 2 count lists without posting their differences?');
    expect(writes(calls)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('manual-close-run'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(2));
    expect(writes(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/count-lists/11/manual-close', { reason: 'counted in the wrong warehouse' }],
      ['/api/count-lists/12/manual-close', { reason: 'counted in the wrong warehouse' }],
    ]);
    expect(onClose).toHaveBeenCalled();
  });

  it('names the lists the server refuses, with the translated reason, and keeps the dialog open', async () => {
    mockFetch((c) =>
      c.path.includes('/12/')
        ? [
            422,
            {
              error: {
                code: 'count.list_closed',
                message: 'count list L0002 is closed',
                params: { status: 'closed', countListNumber: 'L0002' },
              },
            },
          ]
        : ok(c),
    );
    const onDone = vi.fn();
    const onClose = vi.fn();
    renderUi(<ManualCloseDialog lists={lists} opened onClose={onClose} onDone={onDone} />);
    await screen.findByTestId('manual-close-dialog');
    type('obsolete');
    fireEvent.click(screen.getByTestId('manual-close-next'));
    fireEvent.click(await screen.findByTestId('manual-close-run'));
    const failures = await screen.findByTestId('manual-close-failures');
    expect(failures.textContent).toContain('L0002: Count list L0002 is closed and can no longer be changed.');
    expect(failures.textContent).not.toContain('count.list_closed');
    expect(onDone).toHaveBeenCalledWith(1);
    expect(onClose).not.toHaveBeenCalled();
  });
});
