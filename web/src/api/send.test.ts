// The UI's writes carry an Idempotency-Key and are sent again with the same key when the network fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setFetch } from '../test/setup';
import { send, sendRequest } from './send';

afterEach(() => vi.useRealTimers());

describe('send', () => {
  it('gives a write a key and sends it again, with the same key, after a network failure', async () => {
    vi.useFakeTimers();
    const keys: Array<string | undefined> = [];
    let attempts = 0;
    setFetch((async (_input: RequestInfo | URL, init?: RequestInit) => {
      keys.push((init?.headers as Record<string, string>)['Idempotency-Key']);
      if (++attempts < 3) throw new TypeError('Failed to fetch');
      return new Response('{}', { status: 201 });
    }) as typeof fetch);
    const answer = send('/api/postings/receipt', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await vi.runAllTimersAsync();
    expect((await answer).status).toBe(201);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives up after three attempts, and never retries a read or an answered write', async () => {
    vi.useFakeTimers();
    let calls = 0;
    setFetch((async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const failing = send('/api/postings/receipt', { method: 'POST', body: '{}' }).catch((e: Error) => e);
    await vi.runAllTimersAsync();
    expect(await failing).toBeInstanceOf(TypeError);
    expect(calls).toBe(3);
    calls = 0;
    await expect(send('/api/items')).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
    let answered = 0;
    setFetch((async () => {
      answered++;
      return new Response('{"error":{}}', { status: 500 });
    }) as typeof fetch);
    expect((await send('/api/postings/receipt', { method: 'POST' })).status).toBe(500);
    expect(answered).toBe(1);
  });

  it('leaves handheld reports to their own key (clientReportId) and outbox', async () => {
    let calls = 0;
    let key: string | undefined = 'unset';
    setFetch((async (_i: RequestInfo | URL, init?: RequestInit) => {
      calls++;
      key = (init?.headers as Record<string, string>)['Idempotency-Key'];
      throw new TypeError('offline');
    }) as typeof fetch);
    await expect(send('/api/handheld/lists/1/scans', { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
    expect(key).toBeUndefined();
  });

  it('gives the typed client writes a key too, and none to its reads', async () => {
    const seen: Array<string | null> = [];
    setFetch((async (input: RequestInfo | URL) => {
      seen.push((input as Request).headers.get('Idempotency-Key'));
      return new Response('{}');
    }) as typeof fetch);
    await sendRequest(new Request('http://localhost/api/count-lists/close', { method: 'POST', body: '{}' }));
    await sendRequest(new Request('http://localhost/api/items'));
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toBeNull();
  });
});
