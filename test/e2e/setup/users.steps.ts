// E2E steps of the Users screen, through the browser only: create a user, reset a user's password. Start on
// any back-office page with the admin signed in (desktop size, English). Screenshots setup-users-<n>.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

export interface NewUser {
  username: string;
  password: string;
  role: 'admin' | 'manager' | 'counter';
  displayName?: string;
  /** Site code; the user is bound to that site. Omitted: all sites. */
  siteCode?: string;
}

const ROLE_LABEL = { admin: 'Administrator', manager: 'Manager', counter: 'Counter' } as const;

async function openUsers(page: Page) {
  if (!new URL(page.url()).pathname.startsWith('/users')) await page.goto(new URL('/users', page.url()).href);
  await page.getByTestId('users-new').waitFor();
}

/** Opens Users, creates the user with New user and waits until the list shows them. */
export async function createUser(page: Page, u: NewUser): Promise<void> {
  await openUsers(page);
  await page.getByTestId('users-new').click();
  await page.getByTestId('user-create-username').fill(u.username);
  if (u.displayName) await page.getByTestId('user-create-display-name').fill(u.displayName);
  await pick(page, 'user-create-role', ROLE_LABEL[u.role]);
  if (u.siteCode) await pick(page, 'user-create-site', new RegExp(`^${u.siteCode} · `));
  await page.getByTestId('user-create-password').fill(u.password);
  await page.getByTestId('user-create-confirm').fill(u.password);
  await shot(page, 'setup-users-1');
  await page.getByTestId('user-create-save').click();
  await page.getByTestId('user-create').waitFor({ state: 'detached' });
  await page.getByTestId('users-search').fill(u.username);
  await page.getByTestId(`user-row-${u.username}`).waitFor();
  await shot(page, 'setup-users-2');
}

/** Opens the user from the list and sets a new password (their open sessions end). */
export async function resetPassword(page: Page, username: string, newPassword: string): Promise<void> {
  await openUsers(page);
  await page.getByTestId('users-search').fill(username);
  await page.getByTestId(`user-row-${username}`).click();
  await page.getByTestId('user-reset-password').fill(newPassword);
  await page.getByTestId('user-reset-confirm').fill(newPassword);
  await shot(page, 'setup-users-3');
  await page.getByTestId('user-reset-save').click();
  await page.getByText(`New password set for ${username}`).first().waitFor();
  await shot(page, 'setup-users-4');
  await page.keyboard.press('Escape');
  await page.getByTestId('user-edit').waitFor({ state: 'detached' });
}
