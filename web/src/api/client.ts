// The HTTP client of the UI. `client` is openapi-fetch typed by schema.d.ts, generated at build time from the
// committed OpenAPI document. `request()` is the same transport for calls whose shapes the screens declare
// themselves (models.ts) — endpoints that are still landing — so every call shares auth and error handling.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { send, sendRequest } from './send';

/** The API's error body {error:{code,message,field?}} as a throwable, kept whole for the screens. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** True when the request never reached the server (offline, DNS, refused). */
  get offline(): boolean {
    return this.status === 0;
  }
}

const TOKEN_KEY = 'inventur.token';
const listeners = new Set<() => void>();

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string | null): void {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

export const client = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? '' : location.origin,
  fetch: sendRequest,
});
client.use(authMiddleware);

export async function toApiError(response: Response | undefined, body: unknown): Promise<ApiError> {
  const e = (
    body as
      { error?: { code?: string; message?: string; field?: string; params?: Record<string, unknown> } } | undefined
  )?.error;
  const status = response?.status ?? 0;
  if (status === 401) session.set(null);
  return new ApiError(
    status,
    e?.code ?? `http.${status}`,
    e?.message ?? response?.statusText ?? 'request failed',
    e?.field,
    e?.params,
  );
}

/** Unwraps an openapi-fetch result: its data, or the API error thrown. */
export async function unwrap<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await p;
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
  if (r.error !== undefined || !r.response.ok) throw await toApiError(r.response, r.error);
  return r.data as T;
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) qs.append(k, x);
    else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A call by method and path; the response type is declared by the caller. */
export async function request<T>(
  method: string,
  path: string,
  opts: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await send(withQuery(path, opts.query), {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw await toApiError(res, body);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A file the API answered (e.g. a PDF), with the name from Content-Disposition. */
export interface ApiFile {
  blob: Blob;
  filename: string | null;
}

/**
 * A POST whose answer is either a file (any non-JSON body) or JSON (e.g. warnings to confirm); errors are
 * thrown as ApiError like everywhere else.
 */
export async function postForFile<J>(path: string, body: unknown): Promise<{ file: ApiFile } | { json: J }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await send(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || type.startsWith('application/json')) {
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw await toApiError(res, parsed);
    return { json: parsed as J };
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { file: { blob: await res.blob(), filename: name } };
}

export interface Page<T> {
  items: T[];
  nextOffset?: number | null;
}
