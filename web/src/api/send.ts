// The one way the UI sends a request. A write (POST, PUT, PATCH, DELETE) carries an Idempotency-Key made for
// this call; when the network fails before an answer arrives it is sent again, with the same key, after a
// short pause. The server runs a write at most once per key and answers a copy with the first answer, so a
// retry whose first attempt did arrive posts, opens or closes nothing twice.
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The handheld's reports carry their own key (clientReportId) and its outbox does the retrying.
const OWN_KEYS = /^(https?:\/\/[^/]+)?\/api\/handheld\//;
const keyed = (method: string, url: string) => WRITES.has(method) && !OWN_KEYS.test(url);
/** Pauses before the second and third attempt. */
export const RETRY_PAUSES_MS = [400, 1500];

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withRetries(send: () => Promise<Response>, retry: boolean): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      // Only a failed network is retried: any answer, also an error, is the server's answer.
      if (!retry || attempt >= RETRY_PAUSES_MS.length) throw e;
      await pause(RETRY_PAUSES_MS[attempt]!);
    }
  }
}

/** fetch(path, init) for the UI's own calls. */
export function send(
  path: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const write = keyed(method, path);
  const own = init.headers ?? {};
  const headers = write && !own['Idempotency-Key'] ? { ...own, 'Idempotency-Key': newIdempotencyKey() } : own;
  return withRetries(() => fetch(path, { ...init, headers }), write);
}

/** The same for the typed client (openapi-fetch hands over a Request). */
export function sendRequest(input: Request): Promise<Response> {
  const write = keyed(input.method.toUpperCase(), input.url);
  if (write && !input.headers.has('Idempotency-Key')) input.headers.set('Idempotency-Key', newIdempotencyKey());
  return withRetries(() => fetch(input.clone()), write);
}
