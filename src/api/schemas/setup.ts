// Request and response schemas of the first set-up (/api/setup). Rows reuse the schemas of their own
// resources, so a unit, zone or inventory type is validated here exactly as when it is created alone.
import { z } from 'zod';
import { code20, text } from './common.js';
import { inventoryTypeCreate, inventoryTypeView, method, reportType } from './inventory.js';
import { unitBody, unitView } from './items.js';
import { keyKind, transactionKeyView } from './ledger.js';
import { warehouseBody, warehouseView, zoneBody, zoneView } from './places.js';

const count = z.number().int();
const exists = z.boolean().describe('A record with this code exists already (the set-up proposes it unticked)');
const numberingProposal = z.object({
  code: z.string(),
  prefix: z.string(),
  width: z.number().int(),
  maxItemsPerList: z.number().int().nullable(),
});

export const setupStatusView = z.object({
  counts: z
    .object({
      sites: count,
      owners: count,
      warehouses: count,
      zones: count,
      differencesZones: count.describe('Zones with usage inventory_differences'),
      units: count,
      transactionKeys: count,
      numberingSchemes: count,
      inventoryTypes: count,
      counters: count.describe('Active users with role counter'),
    })
    .describe('Rows per configuration table'),
  needed: z.boolean().describe('True while no site exists: the back office leads the admin to the set-up'),
  proposals: z
    .object({
      units: z.array(unitView.extend({ exists })),
      transactionKeys: z.array(z.object({ code: z.string(), description: z.string(), kind: keyKind, exists })),
      inventoryTypes: z.array(
        z.object({
          code: z.string(),
          description: z.string(),
          method,
          reportType,
          inventoryNumbering: numberingProposal,
          countListNumbering: numberingProposal,
          adjustmentKey: z.string(),
          transferKey: z.string(),
          valueAdjustmentKey: z.string(),
          exists,
        }),
      ),
    })
    .describe('Defaults proposed on the set-up steps, in English (the screen translates the descriptions)'),
});

const { warehouseId: _, ...zoneFields } = zoneBody.shape;
export const setupWarehouseBody = z.strictObject({
  warehouse: warehouseBody,
  zones: z
    .array(z.strictObject(zoneFields))
    .max(100)
    .default([])
    .describe(
      'Zones of a structured warehouse, the differences zone (usage inventory_differences, unstructured) among them',
    ),
});
export const setupWarehouseResult = z.object({ warehouse: warehouseView, zones: z.array(zoneView) });

export const setupUnitsBody = z.strictObject({ units: z.array(unitBody).min(1).max(200) });
export const setupUnitsResult = z.object({ units: z.array(unitView) });

export const setupKeysBody = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        code: code20,
        description: text().max(80).optional(),
        kind: keyKind,
        isMain: z.boolean().optional().describe('Main (default) or secondary key'),
      }),
    )
    .min(1)
    .max(100),
});
export const setupKeysResult = z.object({ keys: z.array(transactionKeyView) });

export const setupTypesBody = z.strictObject({ types: z.array(inventoryTypeCreate).min(1).max(50) });
export const setupTypesResult = z.object({ types: z.array(inventoryTypeView) });
