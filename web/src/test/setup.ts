// Vitest setup of the component tests: a fetch that delegates to the current test's mock. The typed API client
// (openapi-fetch) keeps the fetch it saw when it was created, so the mock cannot simply be swapped in later.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

type Fetch = typeof fetch;
const original: Fetch | undefined = globalThis.fetch;
let current: Fetch | null = null;

export function setFetch(f: Fetch | null): void {
  current = f;
}

globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  if (current) return current(input, init);
  if (original) return original(input, init);
  return Promise.reject(new TypeError('fetch: no mock installed'));
}) as Fetch;

afterEach(() => {
  cleanup();
  current = null;
});
