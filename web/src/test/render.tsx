// Rendering for component tests (happy-dom): the app's providers — Mantine without transitions, i18n in
// English, a fresh query cache without retries, a memory router — around the component under test. `mockFetch`
// answers the API calls the component makes and records them.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import i18n from '../i18n/index';
import { LocalizedDates } from '../app/Dates';
import { setFetch } from './setup';

const theme = createTheme({
  components: {
    Modal: { defaultProps: { transitionProps: { duration: 0 } } },
    Drawer: { defaultProps: { transitionProps: { duration: 0 } } },
    Popover: { defaultProps: { transitionProps: { duration: 0 } } },
  },
});

export function renderUi(ui: ReactElement) {
  void i18n.changeLanguage('en');
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme}>
      <LocalizedDates>
        <QueryClientProvider client={qc}>
          <MemoryRouter>{ui}</MemoryRouter>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>,
  );
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** Replaces fetch: `answer(call)` gives the JSON body of the response (status 200), or a [status, body] pair. */
export function mockFetch(answer: (c: Call) => unknown) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : null;
    const url = new URL(req ? req.url : String(input), 'http://localhost');
    const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
    const text = init?.body ? String(init.body) : req ? await req.clone().text() : '';
    const call = { method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    const a = answer(call);
    const [status, body] = Array.isArray(a) && typeof a[0] === 'number' ? (a as [number, unknown]) : [200, a];
    return new Response(JSON.stringify(body ?? {}), { status, headers: { 'content-type': 'application/json' } });
  });
  setFetch(fn as unknown as typeof fetch);
  return calls;
}
