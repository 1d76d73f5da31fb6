// Turns an OpenAPI operation into one minimal request naming site A's rows: path parameters by name (an `id`
// by the resource before it), the scope-bearing and required query parameters, and a body that passes the
// request schema where one is needed to reach the use case (so the refusal comes from the scope rule, not
// from validation).
import type { AuthzWorld } from './authz-fixture.js';

export interface Operation {
  method: string;
  path: string;
  key: string;
  query: { name: string; required: boolean }[];
  bodyType: string | null;
}

export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean }[];
        requestBody?: { content: Record<string, unknown> };
      }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true }));
      const bodyType = op.requestBody ? (Object.keys(op.requestBody.content)[0] ?? null) : null;
      ops.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, query, bodyType });
    }
  }
  return ops;
}

/** Which of site A's ids an `{id}` names, by the path segment before it. */
function idFor(w: AuthzWorld, resource: string): string {
  const byResource: Record<string, string> = {
    users: w.a.manager.id,
    periods: w.period.id,
    reservations: w.a.reservation.id,
    'posting-errors': w.a.postingError.id,
    'barcode-rules': w.a.rule.id,
    lists: w.a.list.id,
    sites: w.a.site.id,
    owners: w.owner.id,
    warehouses: w.a.wh.id,
    zones: w.a.zone.id,
    bins: w.a.bin.id,
    items: w.item.id,
    templates: w.templateId,
    'price-lists': w.priceListId,
    'count-lists': w.a.list.id,
    inventories: w.a.inventory.id,
    'count-list-items': w.a.line.id,
    jobs: w.a.job.id,
    'inventory-types': w.type.id,
  };
  const id = byResource[resource];
  if (!id) throw new Error(`authz matrix: no fixture id for {id} after /${resource}/`);
  return id;
}

function codeFor(w: AuthzWorld, resource: string): string {
  const byResource: Record<string, string> = {
    'transaction-keys': 'REC',
    units: 'PZ',
    'item-classes': w.itemClassCode,
    'number-sequences': w.seqCode,
    classifications: 'PG1',
    'reason-codes': 'damaged',
  };
  const code = byResource[resource];
  if (!code) throw new Error(`authz matrix: no fixture code for {code} after /${resource}/`);
  return code;
}

export function urlOf(w: AuthzWorld, op: Operation): string {
  const segments = op.path.split('/');
  const filled = segments.map((s, i) => {
    const m = /^\{(\w+)\}$/.exec(s);
    if (!m) return s;
    const name = m[1]!;
    // The resource is the nearest literal segment before the parameter.
    let j = i - 1;
    while (j > 0 && /^\{/.test(segments[j]!)) j--;
    const resource = segments[j]!;
    switch (name) {
      case 'id':
        return idFor(w, resource);
      case 'code':
        return codeFor(w, resource);
      case 'kind':
        return resource === 'classifications' ? 'product_group' : 'ean13';
      case 'warehouseId':
        return w.a.wh.id;
      case 'searchCodeId':
        return w.searchCodeId;
      case 'priceId':
        return w.priceId;
      case 'clientReportId':
        return 'authz-report-1';
      default:
        throw new Error(`authz matrix: no fixture value for path parameter ${name} in ${op.key}`);
    }
  });
  const q = new URLSearchParams();
  const values: Record<string, string> = {
    siteId: w.a.site.id,
    warehouseId: w.a.wh.id,
    zoneId: w.a.zone.id,
    binId: w.a.bin.id,
    countListId: w.a.list.id,
    itemId: w.item.id,
    ownerId: w.owner.id,
    quantity: '1',
    priceListId: w.priceListId,
    keyCode: 'REC',
    itemCode: 'ITEM-1',
  };
  for (const p of op.query) {
    const v = values[p.name];
    if (v !== undefined) q.set(p.name, v);
    else if (p.required)
      throw new Error(`authz matrix: no fixture value for required query parameter ${p.name} in ${op.key}`);
  }
  const qs = q.toString();
  return filled.join('/') + (qs ? `?${qs}` : '');
}

/** Bodies that pass the request schema, naming site A's rows. Operations not listed send `{}` (or an empty file). */
export function bodyOf(
  w: AuthzWorld,
  op: Operation,
): { payload: unknown; contentType: string; minimal: boolean } | undefined {
  if (!op.bodyType) return undefined;
  const A = w.a;
  const line = {
    itemId: w.item.id,
    warehouseId: A.wh.id,
    zoneId: A.zone.id,
    binId: A.bin.id,
    lot: 'LOT1',
    ownerId: w.owner.id,
  };
  const transfer = {
    siteId: A.site.id,
    keyCode: 'TRF',
    lines: [
      {
        itemId: w.item.id,
        ownerId: w.owner.id,
        lot: 'LOT1',
        quantity: '1',
        fromWarehouseId: A.wh.id,
        fromZoneId: A.zone.id,
        fromBinId: A.bin.id,
        toWarehouseId: A.wh.id,
        toZoneId: A.zone.id,
        toBinId: A.bin.id,
      },
    ],
  };
  const csv = 'itemCode,quantity\n';
  const position = { itemId: w.item.id, warehouseId: A.wh.id, zoneId: A.zone.id, binId: A.bin.id, lot: 'LOT1' };
  const bodies: Record<string, unknown> = {
    'PUT /api/count-plans': { siteId: A.site.id, countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 5 },
    'POST /api/postings/receipt': {
      siteId: A.site.id,
      keyCode: 'REC',
      lines: [{ ...line, quantity: '1', unitPrice: '1' }],
    },
    'POST /api/postings/issue': { siteId: A.site.id, keyCode: 'ISS', lines: [{ ...line, quantity: '-1' }] },
    'POST /api/postings/issue/check': { siteId: A.site.id, keyCode: 'ISS', lines: [{ ...line, quantity: '-1' }] },
    'POST /api/postings/adjustment': {
      siteId: A.site.id,
      keyCode: 'ADJ',
      lines: [{ ...line, quantity: '1', unitPrice: '1' }],
    },
    'POST /api/postings/transfer': transfer,
    'POST /api/postings/transfer/check': transfer,
    'POST /api/reservations': {
      siteId: A.site.id,
      itemId: w.item.id,
      warehouseId: A.wh.id,
      ownerId: w.owner.id,
      quantity: '1',
    },
    'POST /api/posting-errors/{id}/discard': { reason: 'authz' },
    'POST /api/posting-errors/{id}/correct': {
      posting: {
        siteId: A.site.id,
        keyCode: 'ADJ',
        postingDate: '2026-03-14',
        originType: 'manual',
        lines: [{ ...line, quantity: '1', unitPrice: '1' }],
      },
    },
    'POST /api/barcodes/decode': { text: '0104012345678901', siteId: A.site.id },
    'PATCH /api/barcode-rules/{id}': { active: true },
    'PUT /api/barcode-rules/order': { ids: [A.rule.id], siteId: A.site.id },
    'POST /api/handheld/bins/resolve': { listId: A.list.id, code: 'B-ALPHA' },
    'POST /api/handheld/places/resolve': { listId: A.list.id, code: 'B-ALPHA' },
    'POST /api/handheld/lists/{id}/scans': {
      clientReportId: 'authz-scan',
      itemCode: 'ITEM-1',
      lot: 'LOT1',
      bin: 'B-ALPHA',
      quantity: '1',
      mode: 'add',
    },
    'POST /api/handheld/lists/{id}/empty-bin': { clientReportId: 'authz-empty', bin: 'B-ALPHA' },
    'POST /api/handheld/scans/batch': {
      scans: [
        {
          listId: A.list.id,
          clientReportId: 'authz-batch',
          itemCode: 'ITEM-1',
          lot: 'LOT1',
          bin: 'B-ALPHA',
          quantity: '1',
          mode: 'add',
        },
      ],
    },
    'PATCH /api/warehouses/{id}': { name: 'Warehouse' },
    'POST /api/warehouses': { siteId: A.site.id, code: 'WH-NEW', name: 'New', kind: 'unstructured' },
    'PATCH /api/zones/{id}': { name: 'Zone' },
    'POST /api/zones': {
      warehouseId: A.wh.id,
      code: 'Z-NEW',
      name: 'New',
      organisation: 'places_only',
      structured: true,
    },
    'PATCH /api/bins/{id}': { blocked: false },
    'POST /api/bins': { zoneId: A.zone.id, place: 'NEW1' },
    'POST /api/bins/range': { zoneId: A.zone.id, dryRun: true, ranges: { place: { values: ['1'] } } },
    'POST /api/barcode-rules': {
      siteId: A.site.id,
      name: 'R-NEW',
      rule: { kind: 'separator', prefix: 'P', separator: '/', fields: ['itemCode', 'lot'] },
    },
    'POST /api/bins/blocked': { ids: [A.bin.id], blocked: false },
    'PATCH /api/sites/{id}': { name: 'Site ALPHA' },
    'PUT /api/item-master/items/{id}/warehouse-planning/{warehouseId}': {},
    'POST /api/count-lists/open': { countListIds: [A.list.id] },
    'POST /api/count-lists/close': { countListIds: [A.list.id] },
    'POST /api/inventories/{id}/verify': {},
    'POST /api/count-lists/{id}/reports': {
      itemId: w.item.id,
      warehouseId: A.wh.id,
      zoneId: A.zone.id,
      binId: A.bin.id,
      lot: 'LOT1',
      quantity: '1',
    },
    'POST /api/count-lists/{id}/import': { rows: [{ ...position, quantity: '1' }] },
    'POST /api/inventories/{id}/count-import': { rows: [{ ...position, quantity: '1' }] },
    'PUT /api/count-list-items/{id}/verification-mark': { mark: true },
    'POST /api/count-list-items/{id}/approval': { decision: 'approved', reasonCode: 'damaged' },
    'POST /api/reason-codes': { code: 'authz_code', description: 'Authz' },
    'PATCH /api/reason-codes/{code}': { description: 'Damaged goods' },
    'POST /api/count-lists/{id}/manual-close': { reason: 'authz' },
    'POST /api/count-lists/reassign': { countListIds: [A.list.id], responsibleUserId: A.manager.id },
    'PUT /api/count-lists/{id}/counters': { userIds: [w.counter.id] },
    'POST /api/count-lists/print': { listIds: [A.list.id], usage: 'count' },
    'PATCH /api/inventories/{id}': { description: 'authz' },
    'POST /api/inventories': {
      typeId: w.type.id,
      ownerId: w.owner.id,
      siteId: A.site.id,
      stockTakingDate: '2026-03-15',
    },
    'POST /api/inventories/{id}/count-lists/generate': { countType: 'article' },
    'POST /api/inventories/{id}/count-lists/generate/preview': { countType: 'article' },
    // Shared master data: valid bodies, so a counter's refusal comes from the role check.
    'POST /api/owners': { code: 'OWN2', name: 'Owner 2' },
    'POST /api/units': { code: 'KG' },
    'POST /api/items': { code: 'ITEM-NEW', description: 'New', primaryUnit: 'PZ' },
    'POST /api/items/{id}/search-codes': { code: 'SC-NEW', unit: 'PZ' },
    'POST /api/classifications': { kind: 'brand', code: 'BR1' },
    'PATCH /api/classifications/{kind}/{code}': { description: 'Group 1' },
    'POST /api/number-sequences': { code: 'SEQ2' },
    'POST /api/item-master/item-classes': { code: 'IC2' },
    'POST /api/item-master/lot-classes': { code: 'LC1' },
    'POST /api/item-master/serial-classes': { code: 'SN1' },
    'POST /api/item-master/price-lists': { code: 'PL2', currency: 'EUR' },
    'POST /api/item-master/items/{id}/serials': { count: 1 },
    'POST /api/item-master/abc-analysis': { from: '2026-01-01', to: '2026-03-31' },
    'PUT /api/item-master/items/{id}/alternatives': { alternativeItemIds: [] },
    'POST /api/sites': { code: 'S-NEW', name: 'New site' },
    'POST /api/transaction-keys': { code: 'REC2', kind: 'receipt' },
    'POST /api/periods': { fiscalYear: 2028, code: 'P2028', startDate: '2028-01-01', endDate: '2028-12-31' },
    'POST /api/count-lists/{id}/counts': csv,
    'POST /api/inventories/{id}/counts': csv,
    'POST /api/item-master/import/opening-stock': csv,
    'POST /api/item-master/import/items': csv,
    'POST /api/item-master/import/search-codes': csv,
  };
  const payload = bodies[op.key] ?? (op.bodyType === 'application/json' ? {} : '');
  // minimal: no body of our own, so the request schema may refuse it (400) before any authorisation is asked.
  return {
    payload,
    contentType: op.bodyType === 'application/json' ? 'application/json' : 'text/csv',
    minimal: !(op.key in bodies),
  };
}
