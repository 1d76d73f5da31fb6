// The wizard as a whole: skipping a step writes nothing and moves on; the step after a created one says
// what was created; the last page lists skipped steps with a link to their own screen.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { session } from '../../api/client';
import SetupPage, { STEPS } from './SetupPage';

const counts = {
  sites: 0,
  owners: 0,
  warehouses: 0,
  zones: 0,
  differencesZones: 0,
  units: 0,
  transactionKeys: 0,
  numberingSchemes: 0,
  inventoryTypes: 0,
  counters: 0,
};
const status = {
  counts,
  needed: true,
  proposals: {
    units: [{ code: 'PCS', description: 'Piece', decimals: 0, exists: false }],
    transactionKeys: [],
    inventoryTypes: [],
  },
};
const admin = { id: '1', username: 'admin', displayName: 'Admin', role: 'admin', siteId: null, active: true };
afterEach(() => session.set(null));

function answer(c: Call): unknown {
  if (c.path === '/api/auth/me') return admin;
  if (c.path === '/api/setup') return status;
  if (c.method === 'POST' && c.path === '/api/sites') return { id: '5', code: 'HQ', name: 'Head office' };
  return { items: [], nextOffset: null };
}

describe('set-up wizard', () => {
  it('skipping every step creates nothing; the summary links to the screens', async () => {
    const calls = mockFetch(answer);
    session.set('tok');
    renderUi(<SetupPage />);
    for (const id of STEPS) {
      await screen.findByTestId(`setup-step-${id}`);
      fireEvent.click(screen.getByTestId(id === 'counter' ? 'setup-counter-cancel' : `setup-${id}-skip`));
    }
    await screen.findByTestId('setup-done');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(screen.getByTestId('setup-summary-units').textContent).toContain('skipped');
    expect(screen.getByTestId('setup-summary-units').querySelector('a')?.getAttribute('href')).toBe('/settings/units');
  });

  it('a created site is reported on the next step', async () => {
    const calls = mockFetch(answer);
    session.set('tok');
    renderUi(<SetupPage />);
    fireEvent.change(await screen.findByTestId('setup-site-code'), { target: { value: 'HQ' } });
    fireEvent.change(screen.getByTestId('setup-site-name'), { target: { value: 'Head office' } });
    fireEvent.click(screen.getByTestId('setup-site-create'));
    expect((await screen.findByTestId('setup-last-done')).textContent).toBe('Site created: HQ');
    await screen.findByTestId('setup-step-owner');
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/sites']));
  });
});
