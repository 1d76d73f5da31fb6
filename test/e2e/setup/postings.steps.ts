// E2E steps of stock postings, through the browser only: a receipt on the Stock postings screen (item searched by
// code, warehouse → zone → bin, lot, quantity, unit price) and the opening-stock import from CSV text (dry run,
// then the import). Each step takes a desktop-sized page signed in as a manager or admin, waits on UI states
// and takes screenshots.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An option labelled "CODE · name" (or just "CODE"). */
const coded = (code: string) => new RegExp(`^${esc(code)}( · |$)`);

async function open(page: Page, path: string): Promise<void> {
  if (new URL(page.url()).pathname !== path) await page.goto(new URL(path, page.url()).href);
}

/** Types into a server-searching picker and chooses the option. */
async function search(page: Page, testId: string, text: string, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

export interface ReceiptInput {
  keyCode: string;
  /** Needed when there is more than one stock owner (one owner is chosen by itself). */
  ownerCode?: string;
  warehouseCode: string;
  /** Structured warehouses only. */
  zoneCode: string;
  /** Zones with bins only. */
  binCode?: string;
  itemCode: string;
  quantity: string;
  lot?: string;
  unitPrice?: string;
}

let receipts = 0;

/**
 * Stock postings → Receipt: posts one line and waits for the ledger entry it created. Preconditions: a receipt
 * transaction key, the owner, warehouse/zone/bin and the item exist (zone left empty for an unstructured
 * warehouse by passing ''). Throws when the posting was parked or refused.
 */
export async function postReceipt(page: Page, r: ReceiptInput): Promise<void> {
  const n = ++receipts;
  await open(page, '/postings');
  await page.getByTestId('tab-receipt').click();
  const again = page.getByTestId('posting-again');
  if (await again.isVisible()) await again.click();
  await page.getByTestId('posting-receipt').waitFor();
  await pick(page, 'posting-key', coded(r.keyCode));
  if (r.ownerCode) await pick(page, 'posting-owner', coded(r.ownerCode));
  await search(page, 'line-0-item', r.itemCode, coded(r.itemCode));
  await pick(page, 'line-0-warehouse', coded(r.warehouseCode));
  if (r.zoneCode) await pick(page, 'line-0-zone', coded(r.zoneCode));
  if (r.binCode) await search(page, 'line-0-bin', r.binCode, new RegExp(`^${esc(r.binCode)}$`));
  if (r.lot) await page.getByTestId('line-0-lot').fill(r.lot);
  await page.getByTestId('line-0-quantity').fill(r.quantity);
  if (r.unitPrice) await page.getByTestId('line-0-price').fill(r.unitPrice);
  await shot(page, `setup-postings-${n}-receipt`);
  await page.getByTestId('posting-submit').click();
  const refused = page.locator('[data-testid="posting-receipt"] .mantine-InputWrapper-error');
  await page.getByTestId('posting-result').or(page.getByTestId('posting-error')).or(refused).first().waitFor();
  if (!(await page.getByTestId('posting-result').isVisible())) {
    await shot(page, `setup-postings-${n}-receipt-refused`);
    const texts = [
      ...(await refused.allTextContents()),
      ...(await page.getByTestId('posting-error').allTextContents()),
    ];
    throw new Error(`receipt refused: ${texts.join('; ')}`);
  }
  const status = await page.getByTestId('posting-result').getAttribute('data-status');
  if (status !== 'posted')
    throw new Error(`receipt ${status}: ${await page.getByTestId('posting-result').textContent()}`);
  await page.getByTestId('posting-entry').first().waitFor();
  await shot(page, `setup-postings-${n}-receipt-posted`);
}

/**
 * Stock postings → Opening stock: uploads `csvContent` (header itemCode,warehouseCode,zoneCode,binCode,lot,serial,
 * expiryDate,ownerCode,quantity,unitPrice; see the screen's File format), checks it with a dry run, then imports
 * it all or nothing with the receipt key `keyCode` (default: the first receipt key offered). Preconditions: a
 * receipt key and everything the rows name. Throws with the rejected rows when any row is rejected.
 */
export async function importOpeningStock(page: Page, csvContent: string, keyCode?: string): Promise<void> {
  await open(page, '/postings');
  await page.getByTestId('tab-opening').click();
  await page.getByTestId('opening-stock').waitFor();
  if (keyCode) await pick(page, 'import-key', coded(keyCode));
  else {
    await page.getByTestId('import-key').click();
    await page.getByRole('option').first().click();
  }
  await page.locator('[data-testid="opening-stock"] input[type="file"]').setInputFiles({
    name: 'opening-stock.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csvContent, 'utf8'),
  });
  await page.getByTestId('import-dry-run').click();
  const report = page.getByTestId('import-report').or(page.getByTestId('import-error'));
  await report.first().waitFor();
  await shot(page, 'setup-postings-opening-dry-run');
  const rejected = async () => (await page.getByTestId('import-rejected-row').allTextContents()).join('\n');
  if (!(await page.getByTestId('import-report').isVisible()))
    throw new Error(`opening stock refused: ${await page.getByTestId('import-error').textContent()}`);
  if (
    (await page.getByTestId('import-report').getAttribute('data-status')) !== 'validated' ||
    (await page.getByTestId('import-rejected-row').count()) > 0
  ) {
    throw new Error(`opening stock rows rejected:\n${await rejected()}`);
  }
  await page.getByTestId('import-submit').click();
  await page
    .locator(
      '[data-testid="import-report"][data-status="posted"], [data-testid="import-report"][data-status="parked"], [data-testid="import-report"][data-status="rejected"], [data-testid="import-error"]',
    )
    .first()
    .waitFor();
  await shot(page, 'setup-postings-opening-imported');
  const status = await page
    .getByTestId('import-report')
    .getAttribute('data-status')
    .catch(() => null);
  if (status !== 'posted') throw new Error(`opening stock ${status ?? 'refused'}: ${await rejected()}`);
}
