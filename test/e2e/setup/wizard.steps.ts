// E2E step: the first-start wizard on an empty database, through the browser only. Starts on any back-office
// page with the admin signed in (desktop size, English) and goes through every step of /setup, creating a
// site, a stock owner, a structured warehouse with a structured zone, an unstructured zone and a differences
// zone, the proposed units, transaction keys and inventory types (with their numbering schemes) and a
// counter bound to the site. Returns the codes used. Screenshots setup-wizard-1 … setup-wizard-8.
import type { Page } from 'playwright-core';
import { pick, shot } from '../browser.js';

export interface WizardOptions {
  site: { code: string; name: string };
  owner: { code: string; name: string };
  warehouse: { code: string; name: string };
  /** A zone with bins (high-bay racking): bins are created later on the Places screen. */
  structuredZone: { code: string; name: string };
  /** A zone without bins (places only), counted item by item. */
  unstructuredZone: { code: string; name: string };
  differencesZone: { code: string; name: string };
  counter: { username: string; displayName: string; password: string };
}

export interface WizardResult extends WizardOptions {
  /** The proposed units, keys and inventory types as created (all ticked). */
  units: string[];
  transactionKeys: string[];
  inventoryTypes: string[];
  /** Numbering schemes created with the types: inventory:<TYPE> and count_list:<TYPE>. */
  numberingSchemes: string[];
}

export const WIZARD_DEFAULTS: WizardOptions = {
  site: { code: 'HQ', name: 'Head office' },
  owner: { code: 'OWN', name: 'Own stock' },
  warehouse: { code: 'W1', name: 'Main warehouse' },
  structuredZone: { code: 'RACK', name: 'High-bay racking' },
  unstructuredZone: { code: 'FLOOR', name: 'Floor storage' },
  differencesZone: { code: 'DIFF', name: 'Inventory differences' },
  counter: { username: 'anna', displayName: 'Anna Rossi', password: 'counter-password-1' },
};

const UNITS = ['PCS', 'KG', 'G', 'T', 'L', 'M', 'M2', 'CT', 'BOX', 'PAL', 'SET'];
const KEYS = ['RCP', 'ISS', 'TRF', 'ADJ', 'VAL'];
const TYPES = ['STD', 'CYC', 'SMP'];

async function step(page: Page, id: string) {
  await page.getByTestId(`setup-step-${id}`).waitFor();
}

async function create(page: Page, id: string, next: string) {
  await page.getByTestId(`setup-${id}-create`).click();
  await page.getByTestId(next).waitFor();
}

export async function runFirstStartWizard(page: Page, opts: Partial<WizardOptions> = {}): Promise<WizardResult> {
  const o: WizardOptions = { ...WIZARD_DEFAULTS, ...opts };
  await page.goto(new URL('/setup', page.url()).href);

  // (a) company / site
  await step(page, 'site');
  await page.getByTestId('setup-site-code').fill(o.site.code);
  await page.getByTestId('setup-site-name').fill(o.site.name);
  await shot(page, 'setup-wizard-1');
  await create(page, 'site', 'setup-step-owner');

  // (b) first stock owner
  await page.getByTestId('setup-owner-code').fill(o.owner.code);
  await page.getByTestId('setup-owner-name').fill(o.owner.name);
  await shot(page, 'setup-wizard-2');
  await create(page, 'owner', 'setup-step-warehouse');

  // (c) structured warehouse: a zone with bins, one without, and the differences zone (proposed, renamed here)
  await page.getByTestId('setup-warehouse-code').fill(o.warehouse.code);
  await page.getByTestId('setup-warehouse-name').fill(o.warehouse.name);
  await page.getByTestId('setup-zone-code-0').fill(o.structuredZone.code);
  await page.getByTestId('setup-zone-name-0').fill(o.structuredZone.name);
  await pick(page, 'setup-zone-org-0', 'High-bay racking');
  await page.getByTestId('setup-zone-add').click();
  await page.getByTestId('setup-zone-code-1').fill(o.unstructuredZone.code);
  await page.getByTestId('setup-zone-name-1').fill(o.unstructuredZone.name);
  await page.getByTestId('setup-diff-code').fill(o.differencesZone.code);
  await page.getByTestId('setup-diff-name').fill(o.differencesZone.name);
  await shot(page, 'setup-wizard-3');
  await create(page, 'warehouse', 'setup-step-units');

  // (d) default units, (e) transaction keys, (f) inventory types with numbering schemes: as proposed
  await page.getByTestId('setup-unit-row-0').waitFor();
  await shot(page, 'setup-wizard-4');
  await create(page, 'units', 'setup-step-keys');
  await shot(page, 'setup-wizard-5');
  await create(page, 'keys', 'setup-step-types');
  await page.getByTestId('setup-type-row-2').waitFor();
  await shot(page, 'setup-wizard-6');
  await create(page, 'types', 'setup-step-counter');

  // (g) a counter of the site (preselected: it was created in step a)
  await page.getByTestId('setup-counter-username').fill(o.counter.username);
  await page.getByTestId('setup-counter-display-name').fill(o.counter.displayName);
  await page.getByTestId('setup-counter-password').fill(o.counter.password);
  await page.getByTestId('setup-counter-confirm').fill(o.counter.password);
  await shot(page, 'setup-wizard-7');
  await page.getByTestId('setup-counter-save').click();
  await page.getByTestId('setup-done').waitFor();
  await shot(page, 'setup-wizard-8');

  return {
    ...o,
    units: UNITS,
    transactionKeys: KEYS,
    inventoryTypes: TYPES,
    numberingSchemes: TYPES.flatMap((t) => [`inventory:${t}`, `count_list:${t}`]),
  };
}
