// E2E steps of the settings screens (/settings/<section>), through the browser only: units, classification
// codes, transaction keys, numbering schemes, inventory types, accounting periods. Each step takes a
// desktop-sized page signed in as admin (transaction keys, inventory types and periods are the
// administrator's), waits on UI states (the form closing, the row appearing after a search) and takes
// screenshots named setup-settings-*.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

export type SettingsSection =
  'units' | 'classifications' | 'transaction-keys' | 'numbering' | 'inventory-types' | 'periods';
export type KeyKind = 'receipt' | 'issue' | 'transfer' | 'adjustment' | 'revaluation';
export type Method = 'stock_taking_day' | 'continuous' | 'sample' | 'stock_comparison';
export type ClassificationKind =
  | 'product_group'
  | 'brand'
  | 'family'
  | 'homogeneous_category'
  | 'stock_account_classification'
  | 'classification_1'
  | 'classification_2'
  | 'classification_3'
  | 'classification_4'
  | 'classification_5';

const KIND_LABEL: Record<KeyKind, string> = {
  receipt: 'Receipt',
  issue: 'Issue',
  transfer: 'Transfer',
  adjustment: 'Adjustment',
  revaluation: 'Revaluation',
};
const METHOD_LABEL: Record<Method, string> = {
  stock_taking_day: 'Stock-taking day',
  continuous: 'Continuous',
  sample: 'Sample',
  stock_comparison: 'Stock comparison',
};
const CLASSIFICATION_LABEL: Record<ClassificationKind, string> = {
  product_group: 'Product group',
  brand: 'Brand',
  family: 'Family',
  homogeneous_category: 'Homogeneous category',
  stock_account_classification: 'Stock account classification',
  classification_1: 'Classification 1',
  classification_2: 'Classification 2',
  classification_3: 'Classification 3',
  classification_4: 'Classification 4',
  classification_5: 'Classification 5',
};
const VALUATION_LABEL = {
  average: 'Average price',
  inventory: 'Inventory price',
  settlement_1: 'Settlement price 1',
  settlement_2: 'Settlement price 2',
  settlement_3: 'Settlement price 3',
  settlement_4: 'Settlement price 4',
  settlement_5: 'Settlement price 5',
} as const;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (page: Page, table: string, key: string) => page.locator(`[data-testid="${table}"] [data-key="${key}"]`);

/** Opens a settings section (a full navigation when another screen is shown). */
export async function openSettings(page: Page, section: SettingsSection): Promise<void> {
  if (new URL(page.url()).pathname !== `/settings/${section}`)
    await page.goto(new URL(`/settings/${section}`, page.url()).href);
  const table = {
    units: 'units',
    classifications: 'classifications',
    'transaction-keys': 'keys',
    numbering: 'numbering',
    'inventory-types': 'types',
    periods: 'periods',
  }[section];
  await page.getByTestId(`${table}-table`).waitFor();
}

/** Types into a section's search box and waits for the row of `key`. */
async function findRow(page: Page, prefix: string, key: string): Promise<void> {
  const search = page.getByTestId(`${prefix}-search`);
  if (await search.count()) await search.fill(key);
  await row(page, `${prefix}-table`, key).waitFor();
}

async function setSwitch(page: Page, testId: string, on: boolean | undefined): Promise<void> {
  if (on === undefined) return;
  const input = page.getByTestId(testId);
  if ((await input.isChecked()) === on) return;
  // The switch's input is visually hidden; its label (the track and the text) is what a user clicks.
  await page
    .locator(`label[for="${await input.getAttribute('id')}"]`)
    .first()
    .click();
  await page.locator(`[data-testid="${testId}"]${on ? ':checked' : ':not(:checked)'}`).waitFor({ state: 'attached' });
}

/** Creates a unit of measure (decimals 0–6, default 0). */
export async function createUnit(
  page: Page,
  u: { code: string; description?: string; decimals?: number },
): Promise<void> {
  await openSettings(page, 'units');
  await page.getByTestId('units-new').click();
  const form = page.getByTestId('unit-form');
  await page.getByTestId('unit-code').fill(u.code);
  if (u.description) await page.getByTestId('unit-description').fill(u.description);
  if (u.decimals !== undefined) await page.getByTestId('unit-decimals').fill(String(u.decimals));
  await shot(page, `setup-settings-unit-${u.code}`);
  await page.getByTestId('unit-save').click();
  await form.waitFor({ state: 'detached' });
  await findRow(page, 'units', u.code);
}

/** Tries to delete a unit that is in use; returns the reason shown (the form stays open, then is closed). */
export async function deleteUnitRefused(page: Page, code: string): Promise<string> {
  await openSettings(page, 'units');
  await findRow(page, 'units', code);
  await row(page, 'units-table', code).click();
  await page.getByTestId('unit-delete').click();
  await page.getByTestId('unit-delete-confirm').click();
  const error = page.getByTestId('unit-error');
  await error.waitFor();
  await shot(page, `setup-settings-unit-${code}-in-use`);
  const text = (await error.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await page.getByTestId('unit-form').waitFor({ state: 'detached' });
  return text;
}

/** Creates a code in one classification table (default: product group). */
export async function createClassification(
  page: Page,
  c: { kind?: ClassificationKind; code: string; description?: string },
): Promise<void> {
  await openSettings(page, 'classifications');
  await pick(page, 'classification-kind', CLASSIFICATION_LABEL[c.kind ?? 'product_group']);
  await page.getByTestId('classifications-new').click();
  const form = page.getByTestId('classification-form');
  await page.getByTestId('classification-code').fill(c.code);
  if (c.description) await page.getByTestId('classification-description').fill(c.description);
  await shot(page, `setup-settings-classification-${c.code}`);
  await page.getByTestId('classification-save').click();
  await form.waitFor({ state: 'detached' });
  // The search looks in descriptions; the new code is found by its own.
  const search = page.getByTestId('classifications-search');
  await search.fill(c.description || '');
  await row(page, 'classifications-table', c.code).waitFor();
  await search.fill('');
}

/** Creates a transaction key (admin). `main` defaults to true. */
export async function createTransactionKey(
  page: Page,
  k: { code: string; description?: string; kind: KeyKind; main?: boolean },
): Promise<void> {
  await openSettings(page, 'transaction-keys');
  await page.getByTestId('keys-new').click();
  const form = page.getByTestId('key-form');
  await page.getByTestId('key-code').fill(k.code);
  if (k.description) await page.getByTestId('key-description').fill(k.description);
  await pick(page, 'key-kind', KIND_LABEL[k.kind]);
  await setSwitch(page, 'key-main', k.main);
  await shot(page, `setup-settings-key-${k.code}`);
  await page.getByTestId('key-save').click();
  await form.waitFor({ state: 'detached' });
  await findRow(page, 'keys', k.code);
  await page.getByTestId('keys-search').fill('');
}

export interface NumberingOptions {
  prefix?: string;
  width?: number;
  nextValue?: number;
  maxItemsPerList?: number;
}

async function fillNumbering(page: Page, o: NumberingOptions): Promise<void> {
  if (o.prefix !== undefined) await page.getByTestId('sequence-prefix').fill(o.prefix);
  if (o.width !== undefined) await page.getByTestId('sequence-width').fill(String(o.width));
  if (o.nextValue !== undefined) await page.getByTestId('sequence-next').fill(String(o.nextValue));
  if (o.maxItemsPerList !== undefined) await page.getByTestId('sequence-max').fill(String(o.maxItemsPerList));
}

/** Creates a numbering scheme; returns the next number the form previewed (e.g. `CL0000001`). */
export async function createNumberingScheme(page: Page, s: { code: string } & NumberingOptions): Promise<string> {
  await openSettings(page, 'numbering');
  await page.getByTestId('numbering-new').click();
  const form = page.getByTestId('sequence-form');
  await page.getByTestId('sequence-code').fill(s.code);
  await fillNumbering(page, s);
  const preview = (await page.getByTestId('sequence-preview').textContent()) ?? '';
  await shot(page, `setup-settings-numbering-${s.code.replace(/[^A-Za-z0-9_-]/g, '_')}`);
  await page.getByTestId('sequence-save').click();
  await form.waitFor({ state: 'detached' });
  await findRow(page, 'numbering', s.code);
  return preview;
}

/** Changes a numbering scheme (the next number can only be raised); returns the previewed next number. */
export async function changeNumberingScheme(page: Page, code: string, s: NumberingOptions): Promise<string> {
  await openSettings(page, 'numbering');
  await findRow(page, 'numbering', code);
  await row(page, 'numbering-table', code).click();
  const form = page.getByTestId('sequence-form');
  await form.waitFor();
  await fillNumbering(page, s);
  const preview = (await page.getByTestId('sequence-preview').textContent()) ?? '';
  await page.getByTestId('sequence-save').click();
  await form.waitFor({ state: 'detached' });
  await row(page, 'numbering-table', code).getByText(preview, { exact: true }).waitFor();
  return preview;
}

export interface TypeNumbering {
  code?: string;
  prefix?: string;
  width?: number;
  nextValue?: number;
  maxItemsPerList?: number;
}
export interface InventoryTypeOptions {
  code: string;
  description?: string;
  method: Method;
  productionResources?: boolean;
  showSystemQuantities?: boolean;
  reportType?: 'single' | 'cumulative';
  singleReportingRequired?: boolean;
  keepLocation?: boolean;
  valuationPrice?: keyof typeof VALUATION_LABEL;
  adjustmentKey?: string;
  transferKey?: string;
  valueAdjustmentKey?: string;
  /** An existing scheme is chosen by `code` (its prefix and width are taken over); a new code is created on save. */
  inventoryNumbering?: TypeNumbering;
  countListNumbering?: TypeNumbering;
}

async function fillTypeNumbering(
  page: Page,
  path: 'inventoryNumbering' | 'countListNumbering',
  n: TypeNumbering | undefined,
): Promise<void> {
  if (!n) return;
  if (n.code !== undefined) {
    await page.getByTestId(`type-${path}-code`).fill(n.code);
    await page.getByTestId(`type-${path}-prefix`).click(); // leaves the code field, closing its suggestions
  }
  if (n.prefix !== undefined) await page.getByTestId(`type-${path}-prefix`).fill(n.prefix);
  if (n.width !== undefined) await page.getByTestId(`type-${path}-width`).fill(String(n.width));
  if (n.nextValue !== undefined) await page.getByTestId(`type-${path}-next`).fill(String(n.nextValue));
  if (n.maxItemsPerList !== undefined) await page.getByTestId(`type-${path}-max`).fill(String(n.maxItemsPerList));
}

/**
 * Creates an inventory type (admin) with every flag the options name; keys are picked by code and must exist
 * with the right kind (adjustment / transfer / revaluation).
 */
export async function createInventoryType(page: Page, o: InventoryTypeOptions): Promise<void> {
  await openSettings(page, 'inventory-types');
  await page.getByTestId('types-new').click();
  const form = page.getByTestId('type-form');
  await page.getByTestId('type-code').fill(o.code);
  if (o.description) await page.getByTestId('type-description').fill(o.description);
  await pick(page, 'type-method', METHOD_LABEL[o.method]);
  if (o.productionResources) await pick(page, 'type-material', 'Production resources');
  await setSwitch(page, 'type-show-system', o.showSystemQuantities);
  if (o.reportType) await pick(page, 'type-report', o.reportType === 'single' ? 'Single' : 'Cumulative');
  await setSwitch(page, 'type-single', o.singleReportingRequired);
  await setSwitch(page, 'type-keep-location', o.keepLocation);
  await page.getByTestId('type-code').scrollIntoViewIfNeeded();
  await shot(page, `setup-settings-type-${o.code}-rules`);
  if (o.valuationPrice) await pick(page, 'type-valuation', VALUATION_LABEL[o.valuationPrice]);
  for (const [field, code] of [
    ['adjustmentKey', o.adjustmentKey],
    ['transferKey', o.transferKey],
    ['valueAdjustmentKey', o.valueAdjustmentKey],
  ] as const) {
    if (code) await pick(page, `type-${field}`, new RegExp(`^${esc(code)}( – |$)`));
  }
  await fillTypeNumbering(page, 'inventoryNumbering', o.inventoryNumbering);
  await fillTypeNumbering(page, 'countListNumbering', o.countListNumbering);
  await shot(page, `setup-settings-type-${o.code}`);
  await page.getByTestId('type-save').click();
  await form.waitFor({ state: 'detached' });
  await findRow(page, 'types', o.code);
  await page.getByTestId('types-search').fill('');
}

/** Creates an accounting period covering a whole fiscal year (code default `FY<year>`). */
export async function createPeriod(page: Page, p: { fiscalYear: number; code?: string }): Promise<void> {
  await openSettings(page, 'periods');
  await page.getByTestId('periods-new').click();
  const form = page.getByTestId('period-form');
  await page.getByTestId('period-year').fill(String(p.fiscalYear));
  if (p.code) await page.getByTestId('period-code').fill(p.code);
  await page.getByTestId('period-whole-year').click();
  await shot(page, `setup-settings-period-${p.code ?? `FY${p.fiscalYear}`}`);
  await page.getByTestId('period-save').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId(`period-${p.code ?? `FY${p.fiscalYear}`}`).waitFor();
}

async function askClose(page: Page, code: string): Promise<void> {
  await openSettings(page, 'periods');
  await page.getByTestId(`period-close-${code}`).click();
  await page.getByTestId('period-close-confirm').click();
}

/** Closes an open period; waits until its Close button is gone (the row shows it closed). */
export async function closePeriod(page: Page, code: string): Promise<void> {
  await askClose(page, code);
  await page.getByTestId(`period-close-${code}`).waitFor({ state: 'detached' });
  await shot(page, `setup-settings-period-${code}-closed`);
}

/**
 * Tries to close a period the server refuses to close (postings wait in the posting error file, or an earlier
 * period is open); returns the reason shown, which is translated, never an error code.
 */
export async function closePeriodRefused(page: Page, code: string): Promise<string> {
  await askClose(page, code);
  const alert = page.getByTestId('period-close-error');
  await alert.waitFor();
  await page.getByTestId('period-close-confirm').waitFor({ state: 'detached' });
  await shot(page, `setup-settings-period-${code}-refused`);
  return (await alert.textContent()) ?? '';
}

/** Screenshots of every settings section as it stands (for the review of the set-up story). */
export async function shootSettings(page: Page): Promise<void> {
  for (const s of [
    'units',
    'classifications',
    'transaction-keys',
    'numbering',
    'inventory-types',
    'periods',
  ] as const) {
    await openSettings(page, s);
    await page.waitForLoadState('networkidle');
    await shot(page, `setup-settings-section-${s}`);
  }
}
