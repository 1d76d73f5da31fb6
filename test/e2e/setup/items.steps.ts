// E2E steps of the item master settings and the item screens, through the browser only: the GS1 company
// prefix, a lot-managed item, an item with a carton search code (an EAN-13 in the carton unit, converted to the
// primary unit). Each step takes a desktop-sized page signed in as a manager or admin, waits on UI states
// (badges, drawers, table rows) and takes screenshots.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A unit in the New item picker: "PZ · Piece" or just "PZ". */
const unitOption = (code: string) => new RegExp(`^${esc(code)}( · |$)`);

async function open(page: Page, path: string): Promise<void> {
  if (new URL(page.url()).pathname !== path) await page.goto(new URL(path, page.url()).href);
}

/**
 * Sets the GS1 company prefix of generated EAN-13 codes (Item settings → GS1 and EAN), with the next item
 * reference (default 1). Precondition: none. Afterwards "Generate EAN-13" in New item works.
 */
export async function setGs1Prefix(page: Page, prefix: string, nextValue = '1'): Promise<void> {
  await open(page, '/item-settings/gs1');
  const card = page.getByTestId('gs1-ean13');
  await card.waitFor();
  await page.getByTestId('gs1-ean13-prefix').fill(prefix);
  await page.getByTestId('gs1-ean13-next').fill(nextValue);
  await page
    .locator('[data-testid="gs1-ean13-preview"]')
    .filter({ hasText: /^\d{13}$/ })
    .waitFor();
  await shot(page, 'setup-items-1-gs1');
  await page.getByTestId('gs1-ean13-save').click();
  await card.getByText('Configured', { exact: true }).waitFor();
}

interface NewItem {
  code: string;
  description: string;
  unit: string;
  lot?: boolean;
}

/** New item → fill → Create; waits for the item editor the new item opens in. */
async function createItem(page: Page, item: NewItem, shotName: string): Promise<void> {
  await open(page, '/items');
  await page.getByTestId('new-item').click();
  await page.getByTestId('item-create').waitFor();
  await page.getByTestId('new-item-code').fill(item.code);
  await page.getByTestId('new-item-description').fill(item.description);
  await pick(page, 'new-item-unit', unitOption(item.unit));
  if (item.lot) await pick(page, 'new-item-lot', /^Yes$/);
  await shot(page, shotName);
  await page.getByTestId('new-item-save').click();
  await page.getByTestId('item-create').waitFor({ state: 'detached' });
  await page.getByTestId('item-editor').waitFor();
  await page.getByRole('dialog').getByText(`${item.code} · ${item.description}`).waitFor();
}

async function closeEditor(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('item-editor').waitFor({ state: 'detached' });
  await page.getByTestId('item-search').fill(code);
  await page.getByTestId('items-table').getByText(code, { exact: true }).first().waitFor();
}

/**
 * Creates an item managed by lots (lot management "Yes": every posting and count names a lot). Precondition:
 * the unit exists (the first start's default units).
 */
export async function createLotManagedItem(
  page: Page,
  item: { code: string; description: string; unit: string },
): Promise<void> {
  await createItem(page, { ...item, lot: true }, 'setup-items-2-lot-item');
  await page.getByTestId('item-tab-lots').click();
  const lot = page.getByTestId('item-lot-management');
  await lot.waitFor();
  if ((await lot.inputValue()) !== 'Yes') throw new Error(`item ${item.code} was created without lot management`);
  await shot(page, 'setup-items-3-lot-item-editor');
  await closeEditor(page, item.code);
}

/**
 * Creates an item and its carton search code: scanning `cartonEan` (an EAN-13 with a correct check digit)
 * counts one `cartonUnit`, which is `cartonFactor` primary units (search code unit CT, conversion × 12).
 * Precondition: both units exist.
 */
export async function createItemWithCartonCode(
  page: Page,
  item: {
    code: string;
    description: string;
    unit: string;
    cartonUnit: string;
    cartonFactor: string;
    cartonEan: string;
  },
): Promise<void> {
  await createItem(page, item, 'setup-items-4-carton-item');
  await page.getByTestId('item-tab-codes').click();
  await page.getByTestId('search-codes').waitFor();
  await page.getByTestId('sc-code').fill(item.cartonEan);
  await pick(page, 'sc-unit', new RegExp(`^${esc(item.cartonUnit)}$`));
  await page.getByTestId('sc-factor').fill(item.cartonFactor);
  await page.getByTestId('sc-conversion').waitFor();
  await shot(page, 'setup-items-5-carton-code');
  await page.getByTestId('sc-add').click();
  await page.getByTestId('search-codes').getByText(item.cartonEan).waitFor();
  await shot(page, 'setup-items-6-carton-code-saved');
  await closeEditor(page, item.code);
}
