// The frame's set-up banner: an administrator on a database without a site sees the link to the set-up;
// once a site exists, or for a manager, nothing is shown and /api/setup is not even asked for a manager.
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { session } from '../../api/client';
import { SetupBanner } from './SetupBanner';

const status = (needed: boolean) => ({
  counts: {},
  needed,
  proposals: { units: [], transactionKeys: [], inventoryTypes: [] },
});
const me = (role: string) => ({ id: '1', username: 'admin', displayName: 'Admin', role, siteId: null, active: true });
afterEach(() => {
  session.set(null);
  sessionStorage.clear();
});

function answer(role: string, needed: boolean) {
  return (c: Call) => (c.path === '/api/auth/me' ? me(role) : c.path === '/api/setup' ? status(needed) : {});
}

describe('SetupBanner', () => {
  it('links an administrator to the set-up while no site exists', async () => {
    sessionStorage.setItem('inventur.setupLed', '1'); // already led there once in this session
    mockFetch(answer('admin', true));
    session.set('tok');
    renderUi(<SetupBanner />);
    expect((await screen.findByTestId('setup-banner-link')).getAttribute('href')).toBe('/setup');
    expect(screen.getByText('Set up Inventur')).toBeTruthy();
  });

  it('shows nothing once a site exists', async () => {
    const calls = mockFetch(answer('admin', false));
    session.set('tok');
    renderUi(<SetupBanner />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/setup')).toBe(true));
    expect(screen.queryByTestId('setup-banner')).toBeNull();
  });

  it('does not ask for a manager', async () => {
    const calls = mockFetch(answer('manager', true));
    session.set('tok');
    renderUi(<SetupBanner />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/me')).toBe(true));
    expect(calls.some((c) => c.path === '/api/setup')).toBe(false);
    expect(screen.queryByTestId('setup-banner')).toBeNull();
  });
});
