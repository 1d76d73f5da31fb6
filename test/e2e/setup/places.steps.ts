// E2E steps of the places screens (/places), through the browser only: warehouses, zones, bins in bulk with
// the server's preview, blocking a bin. Each step takes a desktop-sized page signed in as a manager or admin,
// waits on UI states (dialogs closing, rows appearing, data-* attributes), and takes screenshots.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

export type WarehouseKind = 'structured' | 'unstructured' | 'virtual';
export type Organisation = 'high_bay' | 'block' | 'places_only';

const KIND_LABEL: Record<WarehouseKind, string> = {
  structured: 'Structured',
  unstructured: 'Unstructured',
  virtual: 'Virtual',
};
const ORGANISATION_LABEL: Record<Organisation, string> = {
  high_bay: 'High-bay racking',
  block: 'Block storage',
  places_only: 'Places only',
};
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The option label of a code/name record in the pickers: "CODE · Name". */
const byCode = (code: string) => new RegExp(`^${esc(code)} · `);

/** Sets a Mantine Switch/Checkbox (its input is visually hidden, so it is clicked by event). */
async function setChecked(page: Page, testId: string, on: boolean): Promise<void> {
  const input = page.getByTestId(testId);
  if ((await input.isChecked()) !== on) await input.dispatchEvent('click');
  await page.locator(`[data-testid="${testId}"]${on ? ':checked' : ':not(:checked)'}`).waitFor({ state: 'attached' });
}

/** Opens /places on a tab (sites, owners, warehouses, zones, bins). */
export async function openPlaces(page: Page, tab: 'sites' | 'owners' | 'warehouses' | 'zones' | 'bins'): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/places')) await page.goto(new URL('/places', page.url()).href);
  await page.getByTestId(`places-tab-${tab}`).click();
  await page.locator(`[data-testid="places-tab-${tab}"][aria-selected="true"]`).waitFor();
}

/**
 * Creates a warehouse in the Warehouses tab. Precondition: a site exists (with several sites, name it with
 * siteCode); `responsible` is the label of an active user in the picker (display name or user name).
 */
export async function createWarehouse(
  page: Page,
  opts: {
    code: string;
    name: string;
    kind?: WarehouseKind;
    siteCode?: string;
    physical?: 'internal' | 'external';
    responsible?: string | RegExp;
    allowNegative?: boolean;
    costCentre?: string;
  },
): Promise<void> {
  await openPlaces(page, 'warehouses');
  await page.getByTestId('warehouse-new').click();
  const form = page.getByTestId('warehouse-form');
  await form.waitFor();
  if (opts.siteCode) await pick(page, 'warehouse-site', byCode(opts.siteCode));
  await page.getByTestId('warehouse-code').fill(opts.code);
  await page.getByTestId('warehouse-name').fill(opts.name);
  await pick(page, 'warehouse-kind', KIND_LABEL[opts.kind ?? 'structured']);
  if (opts.physical === 'external') await pick(page, 'warehouse-physical', 'External');
  if (opts.responsible) await pick(page, 'warehouse-responsible', opts.responsible);
  if (opts.costCentre) await page.getByTestId('warehouse-cost-centre').fill(opts.costCentre);
  if (opts.allowNegative) await setChecked(page, 'warehouse-allow-negative', true);
  await shot(page, `setup-places-warehouse-${opts.code}`);
  await page.getByTestId('warehouse-save').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId(`warehouse-row-${opts.code}`).waitFor();
}

/**
 * Creates a zone of a structured warehouse in the Zones tab. `differences: true` makes it the warehouse's
 * inventory-differences zone (without bins: structured is switched off for it).
 */
export async function createZone(
  page: Page,
  opts: {
    warehouseCode: string;
    code: string;
    name: string;
    organisation?: Organisation;
    structured?: boolean;
    differences?: boolean;
  },
): Promise<void> {
  await openPlaces(page, 'zones');
  await page.getByTestId('zone-new').click();
  const form = page.getByTestId('zone-form');
  await form.waitFor();
  await pick(page, 'zone-warehouse', byCode(opts.warehouseCode));
  await page.getByTestId('zone-code').fill(opts.code);
  await page.getByTestId('zone-name').fill(opts.name);
  await pick(page, 'zone-organisation', ORGANISATION_LABEL[opts.organisation ?? 'high_bay']);
  const structured = opts.differences ? false : (opts.structured ?? true);
  await setChecked(page, 'zone-structured', structured);
  if (opts.differences) await pick(page, 'zone-usage', 'Inventory differences');
  await shot(page, `setup-places-zone-${opts.warehouseCode}-${opts.code}`);
  await page.getByTestId('zone-save').click();
  await form.waitFor({ state: 'detached' });
  await pick(page, 'zone-warehouse-filter', byCode(opts.warehouseCode));
  await page.getByTestId(`zone-row-${opts.warehouseCode}-${opts.code}`).waitFor();
}

/** Ranges giving 500 bins for each organisation (aisle 01–02 and so on), and the first code they make. */
const BULK: Record<Organisation, { ranges: Record<string, [string, string]>; first: string; count: number }> = {
  high_bay: {
    ranges: { aisle: ['01', '02'], row: ['01', '01'], level: ['1', '5'], place: ['001', '050'] },
    first: '01-01-1-001',
    count: 500,
  },
  block: { ranges: { aisle: ['01', '02'], row: ['01', '05'], place: ['001', '050'] }, first: '01-01-001', count: 500 },
  places_only: { ranges: { place: ['001', '500'] }, first: '001', count: 500 },
};

/**
 * Creates 500 bins in a structured zone through "Bins in bulk": fills the ranges its organisation has
 * (high bay: aisles 01–02 × row 01 × levels 1–5 × places 001–050), checks the server's preview (500 to
 * create), creates them in one request, checks the result on screen, then blocks the first bin from the
 * list. Precondition: the zone exists, is structured and has none of these bins yet.
 */
export async function createBinsInBulk(
  page: Page,
  opts: { warehouseCode: string; zoneCode: string },
): Promise<{ created: number; blockedCode: string }> {
  await openPlaces(page, 'bins');
  await page.getByTestId('bin-bulk').click();
  const dialog = page.getByTestId('bin-range-dialog');
  await dialog.waitFor();
  await pick(page, 'range-warehouse', byCode(opts.warehouseCode));
  await pick(page, 'range-zone', byCode(opts.zoneCode));
  await page.getByTestId('range-place-from').waitFor();
  const organisation: Organisation =
    (await page.getByTestId('range-level-from').count()) > 0
      ? 'high_bay'
      : (await page.getByTestId('range-row-from').count()) > 0
        ? 'block'
        : 'places_only';
  const bulk = BULK[organisation];
  for (const [name, [from, to]] of Object.entries(bulk.ranges)) {
    await page.getByTestId(`range-${name}-from`).fill(from);
    await page.getByTestId(`range-${name}-to`).fill(to);
  }
  await page.locator(`[data-testid="range-count"][data-count="${bulk.count}"]`).waitFor();
  await shot(page, 'setup-places-bulk-1-ranges');
  await page.getByTestId('range-preview-button').click();
  const preview = page.getByTestId('range-preview');
  await preview.waitFor();
  const toCreate = Number(await preview.getAttribute('data-created'));
  if (toCreate !== bulk.count)
    throw new Error(`bulk preview: ${toCreate} bins to create, expected ${bulk.count}: ${await preview.textContent()}`);
  if (!(await page.getByTestId('range-sample').textContent())?.includes(bulk.first))
    throw new Error(`bulk preview: sample without ${bulk.first}`);
  await shot(page, 'setup-places-bulk-2-preview');
  await page.getByTestId('range-create').click();
  const result = page.getByTestId('range-result');
  await result.waitFor({ timeout: 60_000 });
  const created = Number(await result.getAttribute('data-created'));
  if (created !== bulk.count)
    throw new Error(`bulk creation: ${created} bins created, expected ${bulk.count}: ${await result.textContent()}`);
  await shot(page, 'setup-places-bulk-3-result');
  await page.getByTestId('range-close').click();
  await dialog.waitFor({ state: 'detached' });

  // The new bins in the list, filtered on the server by warehouse and zone; block the first one.
  await pick(page, 'bin-warehouse-filter', byCode(opts.warehouseCode));
  await pick(page, 'bin-zone-filter', byCode(opts.zoneCode));
  await page.getByTestId(`bin-row-${bulk.first}`).waitFor();
  await page.getByTestId(`bin-toggle-${bulk.first}`).click();
  await page.getByTestId(`bin-blocked-${bulk.first}`).waitFor();
  await shot(page, 'setup-places-bins-blocked');
  return { created, blockedCode: bulk.first };
}

/** Screenshots of every places tab and of the site and stock owner dialogs (opened and cancelled). */
export async function screenshotPlaces(page: Page): Promise<void> {
  for (const tab of ['sites', 'owners', 'warehouses', 'zones', 'bins'] as const) {
    await openPlaces(page, tab);
    await page
      .getByTestId(tab === 'sites' ? 'site-table' : tab === 'owners' ? 'owner-table' : `${tab.slice(0, -1)}-table`)
      .waitFor();
    await shot(page, `setup-places-tab-${tab}`);
    if (tab === 'sites' || tab === 'owners') {
      const p = tab === 'sites' ? 'site' : 'owner';
      await page.getByTestId(`${p}-new`).click();
      await page.getByTestId(`${p}-form`).waitFor();
      await shot(page, `setup-places-${p}-dialog`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId(`${p}-form`).waitFor({ state: 'detached' });
    }
  }
}
