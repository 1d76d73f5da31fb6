// Count files over HTTP: the count sheet of a list or an inventory downloaded as CSV/XLSX, and a
// filled-in file uploaded as the request body (text/csv or the XLSX media type) with its options. The item
// import's helpers (file type, saving a download, the rejected-rows CSV) are shared, not copied.
import { ApiError, session, toApiError } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { XLSX_TYPE, isXlsx, rejectedCsv, saveBlob } from '../items/importFiles';
import { send as sendApi } from '../../api/send';

export { rejectedCsv, saveBlob };

export type CountFileScope = { kind: 'list' | 'inventory'; id: string };
export type CountFileColumn = 'list' | 'warehouse' | 'zone' | 'bin' | 'item' | 'lot' | 'serial' | 'unit' | 'counted';

/** The import's answer, as the API documents it (openapi.json → schema.d.ts). */
export type CountFileReport = ResponseOf<'/api/count-lists/{id}/counts', 'post'>;
export type CountRejectedRow = CountFileReport['rejected'][number];
export interface CountImportOptions {
  partial: boolean;
  dryRun: boolean;
}

const base = (s: CountFileScope) =>
  `/api/${s.kind === 'list' ? 'count-lists' : 'inventories'}/${encodeURIComponent(s.id)}`;
const auth = (): Record<string, string> => (session.token ? { Authorization: `Bearer ${session.token}` } : {});

export const exportUrl = (s: CountFileScope, format: 'csv' | 'xlsx') => `${base(s)}/counts.${format}`;

/** The import URL with its options and the file name (the reports' device is import:<file name>). */
export function importUrl(s: CountFileScope, fileName: string, o: CountImportOptions): string {
  const q = new URLSearchParams();
  if (o.partial) q.set('partial', 'true');
  if (o.dryRun) q.set('dryRun', 'true');
  q.set('fileName', fileName.slice(0, 200));
  return `${base(s)}/counts?${q.toString()}`;
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

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return toApiError(res, json);
}

export async function uploadCounts(s: CountFileScope, file: File, o: CountImportOptions): Promise<CountFileReport> {
  const xlsx = isXlsx(file);
  const body = xlsx ? new Uint8Array(await file.arrayBuffer()) : await file.text();
  const res = await send(importUrl(s, file.name, o), {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': xlsx ? XLSX_TYPE : 'text/csv' },
    body,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as CountFileReport;
}

/** Downloads the count sheet as a file of the browser; returns its name. */
export async function downloadCounts(s: CountFileScope, format: 'csv' | 'xlsx'): Promise<string> {
  const res = await send(exportUrl(s, format), { headers: auth() });
  if (!res.ok) throw await failure(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `counts.${format}`;
  saveBlob(await res.blob(), name);
  return name;
}
