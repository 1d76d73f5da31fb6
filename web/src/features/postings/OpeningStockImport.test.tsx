// Opening-stock import: the rejected-row report (line, column, field, translated reason, never the code),
// the required choices before a file is sent, and the file sent as the body with the dry run in the query.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderUi, type Call } from '../../test/render';
import { setFetch } from '../../test/setup';
import i18n from '../../i18n/index';
import { OpeningStockImport, RejectedRows, rowReason } from './OpeningStockImport';

const rows = [
  {
    line: 3,
    field: 'binCode',
    column: 'D',
    code: 'reference.unknown',
    message: 'bin 09-99 in warehouse W1 does not exist',
  },
  {
    line: 5,
    field: 'quantity',
    column: 'I',
    code: 'validation.failed',
    message: 'opening stock quantity must be positive',
  },
];

function api(c: Call): unknown {
  if (c.path === '/api/auth/me')
    return { id: '1', username: 'admin', displayName: 'Admin', role: 'admin', siteId: null, active: true };
  if (c.path === '/api/sites') return { items: [{ id: '1', code: 'S1', name: 'Site' }] };
  if (c.path === '/api/transaction-keys')
    return { items: [{ code: 'OPEN', description: 'Opening stock', kind: 'receipt', isMain: true }] };
  if (c.path === '/api/item-master/import/opening-stock')
    return { status: 'validated', total: 6, posted: 0, rejected: rows };
  return { items: [] };
}

describe('opening-stock import', { timeout: 20_000 }, () => {
  it('lists every rejected row with line, column, field and reason', () => {
    renderUi(<RejectedRows rows={rows} />);
    const table = screen.getByTestId('import-rejected');
    const trs = within(table).getAllByTestId('import-rejected-row');
    expect(trs).toHaveLength(2);
    expect(trs[0]!.textContent).toContain('3');
    expect(trs[0]!.textContent).toContain('D');
    expect(trs[0]!.textContent).toContain('binCode');
    const reason = rowReason(i18n.getFixedT('en'), rows[0]!);
    expect(reason).not.toBe('');
    expect(trs[0]!.textContent).toContain(reason);
    expect(table.textContent).not.toContain('reference.unknown');
    expect(table.textContent).not.toContain('validation.failed');
  });

  it('asks for key and file first, then sends the file with the dry run and shows the report', async () => {
    // The file is the body (CSV text, not JSON), so this test answers the calls itself and records them.
    const calls: Call[] = [];
    const uploads: Array<{ url: URL; body: string; type: string | null }> = [];
    setFetch((async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : null;
      const url = new URL(req ? req.url : String(input), 'http://localhost');
      const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
      calls.push({ method, path: url.pathname, query: url.searchParams, body: undefined });
      if (url.pathname === '/api/item-master/import/opening-stock')
        uploads.push({ url, body: String(init?.body), type: new Headers(init?.headers).get('content-type') });
      return new Response(
        JSON.stringify(api({ method, path: url.pathname, query: url.searchParams, body: undefined })),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof fetch);
    renderUi(<OpeningStockImport />);
    fireEvent.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    const key = screen.getByTestId('import-key');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/transaction-keys')).toBe(true));
    fireEvent.click(key);
    fireEvent.click(await screen.findByText('OPEN · Opening stock'));
    await waitFor(() => expect((key as HTMLInputElement).value).toBe('OPEN · Opening stock'));
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['itemCode,warehouseCode,ownerCode,quantity\nX,W1,OWN,5\n'], 'stock.csv', {
      type: 'text/csv',
    });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-dry-run'));
    const report = await screen.findByTestId('import-report');
    expect(report.getAttribute('data-status')).toBe('validated');
    expect(report.textContent).toContain('6 rows in the file, 0 posted, 2 rejected');
    expect(uploads).toHaveLength(1);
    const sent = uploads[0]!;
    expect(sent.url.searchParams.get('dryRun')).toBe('true');
    expect(sent.url.searchParams.get('keyCode')).toBe('OPEN');
    expect(sent.url.searchParams.get('siteId')).toBe('1');
    expect(sent.type).toBe('text/csv');
    expect(sent.body).toContain('X,W1,OWN,5');
    expect(within(report).getAllByTestId('import-rejected-row')).toHaveLength(2);
  });
});
