// The shapes the screens use, taken from the generated OpenAPI types (schema.d.ts) so a renamed or removed
// field breaks the type-check instead of a screen. Only a few small unions are spelled out for the selects.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of a successful response (200, 201 or 202) of `method path`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer B }
      ? Json<B>
      : R extends { 202: infer C }
        ? Json<C>
        : never
  : never;
/** The JSON request body of `method path`. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B }
  ? Json<NonNullable<B>>
  : never;
type ItemOf<T> = T extends { items: Array<infer I> } ? I : never;

export type Inventory = ResponseOf<'/api/inventories/{id}', 'get'>;
export type InventoryCreate = BodyOf<'/api/inventories', 'post'>;
export type InventoryStatus = Inventory['status'];
export type ValuationPrice = Inventory['valuationPrice'];
export type ReportType = Inventory['reportType'];
export type InventoryType = ItemOf<ResponseOf<'/api/inventory-types', 'get'>>;

export type CountList = ResponseOf<'/api/count-lists/{id}', 'get'>;
export type CountListRow = ItemOf<ResponseOf<'/api/inventories/{id}/count-lists', 'get'>>;
export type CountListStatus = CountList['status'];
export type CountListItem = ItemOf<ResponseOf<'/api/count-lists/{id}/items', 'get'>>;
export type CountReport = ItemOf<ResponseOf<'/api/count-list-items/{id}/reports', 'get'>>;

export type GenerateBody = BodyOf<'/api/inventories/{id}/count-lists/generate', 'post'>;
export type GenerationResult = ResponseOf<'/api/inventories/{id}/count-lists/generate/preview', 'post'>;
export type StructureLevel = NonNullable<GenerateBody['structure']>[number];

/** GET /api/jobs/:id; `error` is the API's {code, message, params} when the job failed. */
export type Job = Omit<ResponseOf<'/api/jobs/{id}', 'get'>, 'error'> & {
  error?: { code?: string; message?: string } | null;
};
export type CloseInventoryResult = Extract<ResponseOf<'/api/inventories/{id}/close', 'post'>, { lists: unknown }>;

export type Owner = ItemOf<ResponseOf<'/api/owners', 'get'>>;
export type Site = ItemOf<ResponseOf<'/api/sites', 'get'>>;
export type Warehouse = ItemOf<ResponseOf<'/api/warehouses', 'get'>>;
export type Zone = ItemOf<ResponseOf<'/api/zones', 'get'>>;
export type Bin = ItemOf<ResponseOf<'/api/bins', 'get'>>;
export type UserRow = ItemOf<ResponseOf<'/api/users', 'get'>>;

export type Role = 'admin' | 'manager' | 'counter';
