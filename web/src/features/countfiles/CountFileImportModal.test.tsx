// The count-file import modal: the file goes up as the body (text/csv, or the XLSX media type) with the
// chosen options and its name; the rejected rows show line, column (translated, with the letter) and the rule
// in the UI language; a successful import reports its summary and tells the page; server refusals show.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n/index';
import { renderUi } from '../../test/render';
import { setFetch } from '../../test/setup';
import { CountFileImportModal } from './CountFileImportModal';
import { exportUrl, importUrl, type CountFileReport } from './countFiles';

interface Seen {
  url: string;
  type: string | null;
  body: unknown;
}
function answer(status: number, body: unknown) {
  const seen: Seen[] = [];
  setFetch((async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), type: new Headers(init?.headers).get('content-type'), body: init?.body });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch);
  return seen;
}
const report = (o: Partial<CountFileReport>): CountFileReport => ({
  status: 'imported',
  applied: true,
  total: 0,
  reported: 0,
  added: 0,
  skipped: 0,
  unchanged: 0,
  rejected: [],
  ignoredColumns: [],
  device: 'import:x',
  ...o,
});
const pick = (file: File) =>
  fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [file] } });

describe('CountFileImportModal', () => {
  it('checks a CSV as a dry run by default and lists the rejected rows by line, column and rule', async () => {
    const seen = answer(
      200,
      report({
        status: 'validated',
        applied: false,
        total: 3,
        reported: 1,
        skipped: 1,
        ignoredColumns: ['remark'],
        rejected: [
          {
            line: 3,
            field: 'item',
            column: 'A',
            code: 'reference.unknown',
            message: 'unknown item code X',
            params: { code: 'X' },
          },
        ],
      }),
    );
    renderUi(
      <CountFileImportModal scope={{ kind: 'list', id: '7' }} title="Import" opened onClose={() => undefined} />,
    );
    pick(new File(['item;counted\nA;1\nX;2\nB;\n'], 'sheet.csv', { type: 'text/csv' }));
    fireEvent.click(await screen.findByTestId('count-import-run'));
    const table = await screen.findByTestId('count-import-rejected');
    expect(seen[0]).toEqual({
      url: '/api/count-lists/7/counts?dryRun=true&fileName=sheet.csv',
      type: 'text/csv',
      body: 'item;counted\nA;1\nX;2\nB;\n',
    });
    const cells = [...table.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('item (A)');
    expect(cells[2]).toBe('A code you entered does not exist.unknown item code X');
    expect(screen.getByTestId('count-import-summary').textContent).toBe(
      'Rows: 3 · would be reported: 1 · unchanged: 0 · rejected: 1 · without quantity: 1',
    );
    expect(screen.getByTestId('count-import-ignored').textContent).toBe('Columns not read: remark');
    expect(screen.getByTestId('count-import-report').dataset.status).toBe('validated');
  });

  it('shows the rule and the column in the UI language', async () => {
    answer(
      200,
      report({
        status: 'rejected',
        applied: false,
        total: 2,
        rejected: [
          {
            line: 2,
            field: 'lot',
            column: 'B',
            code: 'item.lot_required',
            message: 'this item is counted per lot: enter the lot',
          },
        ],
      }),
    );
    renderUi(
      <CountFileImportModal scope={{ kind: 'list', id: '7' }} title="Import" opened onClose={() => undefined} />,
    );
    await i18n.changeLanguage('de');
    pick(new File(['item,lot,counted\nA,,1\n'], 'a.csv', { type: 'text/csv' }));
    fireEvent.click(await screen.findByTestId('count-import-run'));
    const table = await screen.findByTestId('count-import-rejected');
    const cells = [...table.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells[1]).toBe('Charge (B)');
    expect(cells[2]).toContain('Dieser Artikel ist chargenpflichtig');
    expect(screen.getByTestId('count-import-summary').textContent).toContain('Abgewiesene Zeilen: 1 von 2');
    await i18n.changeLanguage('en');
  });

  it('imports an XLSX into an inventory with partial, without dry run, and tells the page', async () => {
    const seen = answer(
      200,
      report({
        total: 5,
        reported: 3,
        added: 1,
        unchanged: 1,
        rejected: [
          { line: 4, field: 'counted', column: 'C', code: 'quantity.invalid', message: 'counted must be a decimal' },
        ],
      }),
    );
    const onImported = vi.fn();
    renderUi(
      <CountFileImportModal
        scope={{ kind: 'inventory', id: '3' }}
        title="Import"
        opened
        onClose={() => undefined}
        onImported={onImported}
      />,
    );
    pick(new File([new Uint8Array([80, 75, 3, 4])], 'counts.xlsx'));
    fireEvent.click(screen.getByTestId('count-import-dry-run'));
    fireEvent.click(screen.getByTestId('count-import-partial'));
    expect(screen.getByTestId('count-import-run').textContent).toBe('Import');
    fireEvent.click(screen.getByTestId('count-import-run'));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ reported: 3 })));
    expect(seen[0]!.url).toBe('/api/inventories/3/counts?partial=true&fileName=counts.xlsx');
    expect(seen[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(seen[0]!.body).toBeInstanceOf(Uint8Array);
    expect(screen.getByTestId('count-import-summary').textContent).toBe(
      'Rows: 5 · reported: 3 (found items added: 1) · unchanged: 1 · rejected: 1 · without quantity: 0',
    );
  });

  it('shows a refusal of the whole file (a closed list) translated, and nothing as imported', async () => {
    answer(422, {
      error: { code: 'count.list_closed', message: 'count list L0001 is closed', params: { countListNumber: 'L0001' } },
    });
    const onImported = vi.fn();
    renderUi(
      <CountFileImportModal
        scope={{ kind: 'list', id: '7' }}
        title="Import"
        opened
        onClose={() => undefined}
        onImported={onImported}
      />,
    );
    pick(new File(['item,counted\nA,1\n'], 'a.csv', { type: 'text/csv' }));
    fireEvent.click(screen.getByTestId('count-import-dry-run'));
    fireEvent.click(screen.getByTestId('count-import-run'));
    expect((await screen.findByTestId('count-import-error')).textContent).toBe(
      'Count list L0001 is closed and can no longer be changed.',
    );
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.queryByTestId('count-import-report')).toBeNull();
  });

  it('builds the export and import URLs', () => {
    expect(exportUrl({ kind: 'list', id: '5' }, 'xlsx')).toBe('/api/count-lists/5/counts.xlsx');
    expect(exportUrl({ kind: 'inventory', id: '9' }, 'csv')).toBe('/api/inventories/9/counts.csv');
    expect(importUrl({ kind: 'list', id: '5' }, 'a b.csv', { partial: false, dryRun: false })).toBe(
      '/api/count-lists/5/counts?fileName=a+b.csv',
    );
  });
});
