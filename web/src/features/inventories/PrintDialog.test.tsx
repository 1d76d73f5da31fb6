// The print dialog rendered: what it sends, the PDF opened from a blob URL in a new tab, the warnings with
// "print anyway", blank pages, the language defaulting to the UI language, and errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n/index';
import { renderUi } from '../../test/render';
import { setFetch } from '../../test/setup';
import { PrintDialog } from './PrintDialog';

interface Sent {
  path: string;
  body: Record<string, unknown>;
}
const PDF = () =>
  new Response(new TextEncoder().encode('%PDF-1.3 test'), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="count-list-L0001.pdf"' },
  });
const JSON_ = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Answers the print calls in turn and records what was sent. */
function serve(...answers: Array<() => Response>): Sent[] {
  const sent: Sent[] = [];
  setFetch((async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ path: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  }) as typeof fetch);
  return sent;
}

let open: ReturnType<typeof vi.fn>;
let created: Blob[];
beforeEach(() => {
  created = [];
  open = vi.fn(() => ({}) as Window);
  vi.stubGlobal('open', open);
  URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
    created.push(b as Blob);
    return `blob:pdf-${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const dialog = () => screen.findByTestId('print-dialog');

describe('PrintDialog', () => {
  it('prints the selected lists for counting and opens the PDF in a new tab', async () => {
    const sent = serve(PDF);
    renderUi(<PrintDialog countListIds={['11', '12']} opened onClose={() => undefined} />);
    const d = await dialog();
    expect(within(d).getByText('2 selected count lists')).toBeTruthy();
    fireEvent.click(within(d).getByTestId('print-run'));
    const ready = await screen.findByTestId('print-ready');
    expect(sent).toEqual([
      {
        path: '/api/count-lists/print',
        body: {
          listIds: ['11', '12'],
          usage: 'count',
          printReported: false,
          autoConfirmWarnings: false,
          language: 'en',
        },
      },
    ]);
    expect(created).toHaveLength(1);
    expect(await created[0]!.text()).toBe('%PDF-1.3 test');
    expect(open).toHaveBeenCalledWith('blob:pdf-1', '_blank');
    expect(within(ready).getByRole('link', { name: 'Open count-list-L0001.pdf' }).getAttribute('href')).toBe(
      'blob:pdf-1',
    );
    expect(within(ready).queryByText(/blocked the new tab/)).toBeNull();
  });

  it('shows the warnings, and "print anyway" repeats the request confirming them', async () => {
    const sent = serve(
      () =>
        JSON_(200, {
          status: 'warnings',
          warnings: [
            {
              listId: '12',
              listNumber: 'L0002',
              code: 'print.only_informational',
              message: 'count list L0002: has only informational items and is not printed',
            },
            { listId: '13', listNumber: 'L0003', code: 'print.differences_blank_only', message: 'count list L0003: …' },
          ],
        }),
      PDF,
    );
    renderUi(<PrintDialog countListIds={['11', '12', '13']} opened onClose={() => undefined} />);
    const d = await dialog();
    fireEvent.click(within(d).getByLabelText('Print reported items'));
    fireEvent.click(within(d).getByTestId('print-run'));
    const warnings = await screen.findByTestId('print-warnings');
    expect(within(warnings).getByText('L0002: has only informational items')).toBeTruthy();
    expect(within(warnings).getByText('L0003: inventory difference lists print only as blank pages')).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(within(d).getByTestId('print-anyway'));
    await screen.findByTestId('print-ready');
    expect(sent.map((s) => [s.body.autoConfirmWarnings, s.body.printReported])).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(screen.queryByTestId('print-warnings')).toBeNull();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('blank pages: asks for the number (1–999) and sends it; the sheets follow the UI language by default', async () => {
    const sent = serve(PDF);
    renderUi(<PrintDialog countListIds={['11']} opened onClose={() => undefined} />);
    await act(async () => {
      await i18n.changeLanguage('pl');
    });
    try {
      const d = await dialog();
      const pages = within(d).getByTestId('print-blank-pages');
      expect(pages).toHaveProperty('disabled', true);
      fireEvent.click(within(d).getByText('Puste strony'));
      expect(pages).toHaveProperty('disabled', false);
      fireEvent.change(pages, { target: { value: '1000' } });
      await waitFor(() => expect(within(d).getByTestId('print-run')).toHaveProperty('disabled', true));
      fireEvent.change(pages, { target: { value: '12' } });
      await waitFor(() => expect(within(d).getByTestId('print-run')).toHaveProperty('disabled', false));
      fireEvent.click(within(d).getByTestId('print-run'));
      await screen.findByTestId('print-ready');
      expect(sent[0]!.body).toEqual({
        listIds: ['11'],
        usage: 'blank',
        blankPages: 12,
        printReported: false,
        autoConfirmWarnings: false,
        language: 'pl',
      });
    } finally {
      await act(async () => {
        await i18n.changeLanguage('en');
      });
    }
  });

  it('another language and auto-confirm are sent as chosen; a popup blocker leaves the link', async () => {
    open.mockReturnValue(null);
    const sent = serve(PDF);
    renderUi(<PrintDialog countListIds={['11']} opened onClose={() => undefined} />);
    const d = await dialog();
    fireEvent.click(within(d).getByText('Verification'));
    expect(within(d).getByTestId('print-usage-help').textContent).toBe('Open items marked for verification');
    fireEvent.click(within(d).getByLabelText('Confirm warnings automatically'));
    fireEvent.click(within(d).getByText('Italiano'));
    fireEvent.click(within(d).getByTestId('print-run'));
    const ready = await screen.findByTestId('print-ready');
    expect(sent[0]!.body).toMatchObject({ usage: 'verification', autoConfirmWarnings: true, language: 'it' });
    expect(within(ready).getByText(/blocked the new tab/)).toBeTruthy();
    expect(within(ready).getByRole('link').getAttribute('href')).toBe('blob:pdf-1');
  });

  it('shows the API error when nothing can be printed', async () => {
    serve(() =>
      JSON_(422, {
        error: {
          code: 'print.nothing_to_print',
          message: 'nothing to print: count list L0002: has only informational items and is not printed',
        },
      }),
    );
    renderUi(<PrintDialog countListIds={['12']} opened onClose={() => undefined} />);
    fireEvent.click(within(await dialog()).getByTestId('print-run'));
    expect((await screen.findByTestId('print-error')).textContent).toContain('nothing to print');
    expect(open).not.toHaveBeenCalled();
  });
});
