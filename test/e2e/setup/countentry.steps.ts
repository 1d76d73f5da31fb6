// E2E steps of the back-office count entry, through the browser only: a printed count sheet keyed in on the
// count list page ("Enter counts" tab). Start with a desktop-sized page signed in as a manager or admin; the
// list must be open for counting (inventory started, list opened). Screenshots setup-countentry-<n>.
import type { Page } from 'playwright-core';
import { shot } from '../browser.js';

export interface KeyInCounts {
  listId: string;
  /**
   * Counted quantity per sheet line, in sheet order of typing: the key is an item code (its first line still
   * open, else its first line), `CODE@BIN` for an item's line in a given bin, or `EMPTY:<bin>` to confirm an
   * "(empty bin)" line (its value is ignored; the bin is confirmed with 0).
   */
  quantities: Record<string, string>;
}

let shots = 0;

const css = (s: string) => s.replace(/["\\]/g, '\\$&');

async function rowOf(page: Page, key: string) {
  const grid = page.getByTestId('entry-grid');
  if (key.startsWith('EMPTY:')) return grid.locator(`tr[data-bin="${css(key.slice(6))}"][data-item=""]`).first();
  const [code, bin] = key.split('@');
  const sel = `tr[data-item="${css(code!)}"]${bin ? `[data-bin="${css(bin)}"]` : ''}`;
  const open = grid.locator(`${sel}[data-status="open"]`);
  return (await open.count()) > 0 ? open.first() : grid.locator(sel).first();
}

/**
 * Opens the count list, switches to "Enter counts" and keys in each quantity: types it and presses Enter (the
 * grid saves the line and moves on), or presses the line's Empty button; waits until each line says Saved.
 */
export async function keyInCounts(page: Page, { listId, quantities }: KeyInCounts): Promise<void> {
  const path = `/count-lists/${listId}`;
  if (new URL(page.url()).pathname !== path) await page.goto(new URL(path, page.url()).href);
  await page.getByTestId('tab-entry').click();
  await page.locator('[data-testid="count-entry"][data-ready="true"]').waitFor();
  await page.getByTestId('entry-grid').locator('tbody tr').first().waitFor();
  await shot(page, `setup-countentry-${++shots}`);
  for (const [key, quantity] of Object.entries(quantities)) {
    const found = await rowOf(page, key);
    await found.waitFor();
    // Held by its element: once saved the line is no longer "open", so the locator would move on.
    const row = (await found.elementHandle())!;
    if (key.startsWith('EMPTY:')) {
      await (await row.$('[data-testid^="entry-empty-"]'))!.click();
    } else {
      const input = (await row.$('[data-testid^="entry-qty-"]'))!;
      await input.click();
      await input.fill(quantity);
      await input.press('Enter');
    }
    // The line is saved (a refusal shows its reason on the row and ends the step with it).
    await page.waitForFunction((el) => !['saving', 'idle'].includes(el.getAttribute('data-state') ?? ''), row);
    const state = await row.getAttribute('data-state');
    if (state !== 'saved') throw new Error(`count entry ${key}: ${(await row.textContent()) ?? ''}`);
  }
  await shot(page, `setup-countentry-${++shots}`);
}
