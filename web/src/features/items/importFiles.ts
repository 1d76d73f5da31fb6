// Item import/export over HTTP: the import endpoints take the file itself as the body (text/csv or the XLSX
// media type), the export answers the file; both need the session's token like every API call.
import { ApiError, session, toApiError } from '../../api/client';
import { send as sendApi } from '../../api/send';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ImportKind = 'items' | 'search-codes';

export interface ImportReport {
  status: 'imported' | 'validated' | 'rejected';
  total: number;
  imported: number;
  rejected: Array<{ line: number; field: string; column?: string; code: string; message: string }>;
}

const auth = (): Record<string, string> => (session.token ? { Authorization: `Bearer ${session.token}` } : {});
export const isXlsx = (file: File) => /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE;

/** The URL of an import with its options. */
export function importUrl(kind: ImportKind, opts: { dryRun: boolean; allOrNothing: boolean }): string {
  const q = new URLSearchParams();
  if (opts.dryRun) q.set('dryRun', 'true');
  if (opts.allOrNothing) q.set('allOrNothing', 'true');
  const s = q.toString();
  return `/api/item-master/import/${kind}${s ? `?${s}` : ''}`;
}

async function send(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
): Promise<Response> {
  try {
    return await sendApi(url, init);
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
}

export async function uploadImport(
  kind: ImportKind,
  file: File,
  opts: { dryRun: boolean; allOrNothing: boolean },
): Promise<ImportReport> {
  const xlsx = isXlsx(file);
  const body = xlsx ? new Uint8Array(await file.arrayBuffer()) : await file.text();
  const res = await send(importUrl(kind, opts), {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': xlsx ? XLSX_TYPE : 'text/csv' },
    body,
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw await toApiError(res, json);
  return json as ImportReport;
}

/** Downloads the item export (csv or xlsx) as a file of the browser. */
export async function downloadExport(format: 'csv' | 'xlsx'): Promise<string> {
  const res = await send(`/api/item-master/export/items${format === 'xlsx' ? '?format=xlsx' : ''}`, {
    headers: auth(),
  });
  if (!res.ok) {
    const text = await res.text();
    throw await toApiError(res, text ? JSON.parse(text) : undefined);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `items.${format}`;
  saveBlob(await res.blob(), name);
  return name;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The rejected rows as CSV (line, column, field, code, reason) for the user to fix the file by. */
export function rejectedCsv(
  rows: ImportReport['rejected'],
  reason: (r: ImportReport['rejected'][number]) => string,
): string {
  const cell = (v: string | number) => (/[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [
    'line,column,field,code,reason',
    ...rows.map((r) => [r.line, r.column ?? '', r.field, r.code, reason(r)].map(cell).join(',')),
  ].join('\n');
}
