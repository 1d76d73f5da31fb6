// Reason codes in the settings: the list with inactive codes marked; a new code is checked before sending
// and posted; an edit patches description and activity only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { ReasonCodeForm } from './ReasonCodesSection';

const none = () => undefined;
const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

afterEach(() => vi.restoreAllMocks());

describe('reason code form', () => {
  it('checks the code before sending, then creates it', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST' ? { code: 'wrong_unit', description: 'Wrong unit', active: true } : {},
    );
    renderUi(<ReasonCodeForm code={null} onClose={none} />);
    fireEvent.change(screen.getByTestId('reason-code-code'), { target: { value: 'Wrong Unit' } });
    fireEvent.change(screen.getByTestId('reason-code-description'), { target: { value: 'Wrong unit' } });
    fireEvent.click(screen.getByTestId('reason-code-save'));
    expect(
      await screen.findByText(/1–30 lower-case letters, digits or _/, { selector: '.mantine-InputWrapper-error' }),
    ).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('reason-code-code'), { target: { value: 'wrong_unit' } });
    fireEvent.click(screen.getByTestId('reason-code-save'));
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({
        method: 'POST',
        path: '/api/reason-codes',
        body: { code: 'wrong_unit', description: 'Wrong unit', active: true },
      }),
    );
  });

  it('an edit deactivates the code with a PATCH', async () => {
    const calls = mockFetch(() => ({ code: 'damaged', description: 'Damaged goods', active: false }));
    renderUi(<ReasonCodeForm code={{ code: 'damaged', description: 'Damaged goods', active: true }} onClose={none} />);
    expect((screen.getByTestId('reason-code-code') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('reason-code-active'));
    fireEvent.click(screen.getByTestId('reason-code-save'));
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({
        method: 'PATCH',
        path: '/api/reason-codes/damaged',
        body: { description: 'Damaged goods', active: false },
      }),
    );
  });
});
