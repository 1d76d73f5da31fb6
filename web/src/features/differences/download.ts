// The exports over HTTP (CSV, XLSX, PDF): the same filters as the report, the session's token, the file saved by the browser.
import { ApiError, session, toApiError, type Query } from '../../api/client';

export function queryString(q: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== '' && !Array.isArray(v)) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** Fetches the file and hands it to the browser as a download; returns the file name. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${path}${queryString(query)}`, {
      headers: session.token ? { Authorization: `Bearer ${session.token}` } : {},
    });
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const text = await res.text();
    throw await toApiError(res, text ? JSON.parse(text) : undefined);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
