// The user forms over a mocked API: the client rules of /api/users stop a bad user name, a short password
// and two different passwords before anything is sent; the server's refusal lands on the field it names;
// editing sends only what changed; reset password and deactivate send one field each.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { session } from '../../api/client';
import { mockFetch, renderUi } from '../../test/render';
import { UserCreateForm, userCreateBody } from './UserCreateForm';
import { UserEditModal, userChanges } from './UserEditModal';

const user = { id: '7', username: 'anna', displayName: 'Anna', role: 'counter' as const, siteId: '1', active: true };
const sites = { items: [{ id: '1', code: 'HQ', name: 'Head office' }], nextOffset: null };
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('new user form', () => {
  it('refuses a bad user name, a short password and two different passwords, and sends nothing', async () => {
    const calls = mockFetch(() => sites);
    renderUi(<UserCreateForm onCreated={() => undefined} />);
    type('user-create-username', 'Anna Rossi');
    type('user-create-password', 'short');
    type('user-create-confirm', 'other');
    fireEvent.click(screen.getByTestId('user-create-save'));
    expect(await screen.findByText('Not valid: lowercase letters, digits, _ . @ - (at most 64)')).toBeTruthy();
    expect(screen.getByText('At least 12 characters')).toBeTruthy();
    expect(screen.getByText('The two passwords differ')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends a valid user and shows the server refusal on the user name', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? [409, { error: { code: 'conflict.duplicate', message: 'user anna already exists', field: 'username' } }]
        : sites,
    );
    renderUi(<UserCreateForm fixedRole="counter" defaultSiteId="1" onCreated={() => undefined} />);
    type('user-create-username', 'anna');
    type('user-create-password', 'counter-pass-2026');
    type('user-create-confirm', 'counter-pass-2026');
    fireEvent.click(screen.getByTestId('user-create-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'anna',
      password: 'counter-pass-2026',
      role: 'counter',
      siteId: '1',
    });
    const input = screen.getByTestId('user-create-username');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByTestId('user-create-error')).toBeNull();
  });

  it('the body carries the display name only when given', () => {
    const v = {
      username: ' bob ',
      displayName: '',
      role: 'manager' as const,
      siteId: null,
      password: 'counter-pass-2026',
      confirm: 'counter-pass-2026',
    };
    expect(userCreateBody(v)).toEqual({
      username: 'bob',
      password: 'counter-pass-2026',
      role: 'manager',
      siteId: null,
    });
    expect(userCreateBody({ ...v, displayName: ' Bob ' }).displayName).toBe('Bob');
  });
});

describe('edit user', () => {
  it('sends only what changed', () => {
    expect(userChanges(user, { displayName: 'Anna', role: 'counter', siteId: '1' })).toEqual({});
    expect(userChanges(user, { displayName: 'Anna R.', role: 'manager', siteId: null })).toEqual({
      displayName: 'Anna R.',
      role: 'manager',
      siteId: null,
    });
  });

  it('reset password: two different passwords are stopped; a matching pair sends only the password', async () => {
    const calls = mockFetch((c) => (c.method === 'PATCH' ? user : sites));
    renderUi(<UserEditModal user={user} onClose={() => undefined} />);
    type('user-reset-password', 'new-counter-pass-2');
    type('user-reset-confirm', 'new-counter-pass-3');
    fireEvent.click(screen.getByTestId('user-reset-save'));
    expect(await screen.findByText('The two passwords differ')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    type('user-reset-confirm', 'new-counter-pass-2');
    fireEvent.click(screen.getByTestId('user-reset-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/api/users/7',
      body: { password: 'new-counter-pass-2' },
    });
  });

  it("changing one's own password asks for the current one and sends it", async () => {
    const me = { id: '1', username: 'admin', displayName: 'Admin', role: 'admin' as const, siteId: null, active: true };
    const calls = mockFetch((c) => (c.method === 'PATCH' ? me : c.path === '/api/auth/me' ? me : sites));
    session.set('token-of-admin');
    renderUi(<UserEditModal user={me} onClose={() => undefined} />);
    await screen.findByTestId('user-reset-current');
    type('user-reset-password', 'new-admin-pass-1');
    type('user-reset-confirm', 'new-admin-pass-1');
    fireEvent.click(screen.getByTestId('user-reset-save'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    type('user-reset-current', 'admin-password-1');
    fireEvent.click(screen.getByTestId('user-reset-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      password: 'new-admin-pass-1',
      currentPassword: 'admin-password-1',
    });
    session.set(null);
  });

  it('deactivate sends active: false and then offers reactivation', async () => {
    const calls = mockFetch((c) => (c.method === 'PATCH' ? { ...user, active: false } : sites));
    renderUi(<UserEditModal user={user} onClose={() => undefined} />);
    fireEvent.click(screen.getByTestId('user-deactivate'));
    expect(await screen.findByTestId('user-reactivate')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false });
  });
});
