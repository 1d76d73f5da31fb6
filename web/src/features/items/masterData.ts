// Code tables the item screens (and the generation dialog) choose from: classifications per kind, units,
// lot/serial classes, item classes, templates, price lists. Small tables, loaded once and cached.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/models';

export type Classification = ResponseOf<'/api/classifications', 'get'>['items'][number];
export type ClassificationKind = Classification['kind'];

/** Item field → classification code table. */
export const CLASSIFICATION_FIELDS = {
  productGroup: 'product_group',
  brand: 'brand',
  family: 'family',
  homogeneousCategory: 'homogeneous_category',
  stockAccountClassification: 'stock_account_classification',
  classification1: 'classification_1',
  classification2: 'classification_2',
  classification3: 'classification_3',
  classification4: 'classification_4',
  classification5: 'classification_5',
} as const satisfies Record<string, ClassificationKind>;
export type ClassificationField = keyof typeof CLASSIFICATION_FIELDS;

const STALE = 300_000;

export function useClassifications(enabled = true) {
  const q = useQuery({
    queryKey: ['/api/classifications', 'all'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/classifications', { params: { query: { limit: 1000 } } })),
  });
  /** Select options of one code table: value = code, label = code · description. */
  const options = (kind: ClassificationKind) =>
    (q.data?.items ?? [])
      .filter((c) => c.kind === kind)
      .map((c) => ({ value: c.code, label: c.description ? `${c.code} · ${c.description}` : c.code }));
  return { options, loading: q.isPending && enabled, error: q.error };
}

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['/api/units', 'all'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/units', { params: { query: { limit: 1000 } } })),
  });
}
export function useLotClasses(enabled = true) {
  return useQuery({
    queryKey: ['/api/item-master/lot-classes'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/item-master/lot-classes')),
  });
}
export function useSerialClasses(enabled = true) {
  return useQuery({
    queryKey: ['/api/item-master/serial-classes'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/item-master/serial-classes')),
  });
}
export function useItemClasses(enabled = true) {
  return useQuery({
    queryKey: ['/api/item-master/item-classes'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/item-master/item-classes')),
  });
}
export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: ['/api/item-master/templates'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/item-master/templates')),
  });
}
export function usePriceLists(enabled = true) {
  return useQuery({
    queryKey: ['/api/item-master/price-lists'],
    enabled,
    staleTime: STALE,
    queryFn: () => unwrap(client.GET('/api/item-master/price-lists')),
  });
}

/** Code select options of a small class table. */
export const codeOptions = (rows: Array<{ code: string; description?: string }> | undefined) =>
  (rows ?? []).map((r) => ({ value: r.code, label: r.description ? `${r.code} · ${r.description}` : r.code }));
