// What the posting and reservation screens choose from: the user's site, transaction keys by kind, owners,
// warehouses, zones and units (small tables, loaded once and cached), and the API's shapes they use.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { useSession } from '../auth/session';

type ItemOf<T> = T extends { items: Array<infer I> } ? I : never;
export type Site = ItemOf<ResponseOf<'/api/sites', 'get'>>;
export type Owner = ItemOf<ResponseOf<'/api/owners', 'get'>>;
export type Warehouse = ItemOf<ResponseOf<'/api/warehouses', 'get'>>;
export type Zone = ItemOf<ResponseOf<'/api/zones', 'get'>>;
export type Bin = ItemOf<ResponseOf<'/api/bins', 'get'>>;
export type Unit = ItemOf<ResponseOf<'/api/units', 'get'>>;
export type TransactionKey = ItemOf<ResponseOf<'/api/transaction-keys', 'get'>>;
export type KeyKind = TransactionKey['kind'];
export type Item = ItemOf<ResponseOf<'/api/items', 'get'>>;
export type PostResult = ResponseOf<'/api/postings/receipt', 'post'>;
export type Warning = PostResult['warnings'][number];
export type LedgerEntry = ItemOf<ResponseOf<'/api/stock/ledger', 'get'>>;
export type Reservation = ItemOf<ResponseOf<'/api/reservations', 'get'>>;
export type ReservationStatus = Reservation['status'];
export type LotProposal = ResponseOf<'/api/item-master/items/{id}/lot-proposal', 'get'>;
export type OpeningStockReport = ResponseOf<'/api/item-master/import/opening-stock', 'post'>;
export type RejectedRow = OpeningStockReport['rejected'][number];

// Date inputs show and read dates in the locale's short format (valueFormat "L").
dayjs.extend(localizedFormat);
dayjs.extend(customParseFormat);

const STALE = 300_000;
const all = <T>(path: string, query: Record<string, string | number> = {}) =>
  api.get<{ items: T[] }>(path, { limit: 1000, ...query }).then((r) => r.items);

export function useSites() {
  return useQuery({ queryKey: ['/api/sites', 'all'], staleTime: STALE, queryFn: () => all<Site>('/api/sites') });
}
/** The site postings go to: the user's own, else the only one, else the one chosen. */
export function useSiteChoice(chosen: string | null) {
  const { user } = useSession();
  const sites = useSites();
  const list = sites.data ?? [];
  const siteId = user?.siteId ?? chosen ?? (list.length === 1 ? list[0]!.id : null);
  return { siteId, sites: list, fixed: !!user?.siteId || list.length <= 1 };
}
export function useKeys(kind?: KeyKind) {
  return useQuery({
    queryKey: ['/api/transaction-keys', kind ?? 'all'],
    staleTime: STALE,
    queryFn: async () =>
      (await api.get<{ items: TransactionKey[] }>('/api/transaction-keys', kind ? { kind } : undefined)).items,
  });
}
export function useOwners() {
  return useQuery({ queryKey: ['/api/owners', 'all'], staleTime: STALE, queryFn: () => all<Owner>('/api/owners') });
}
export function useWarehouses(siteId: string | null) {
  return useQuery({
    queryKey: ['/api/warehouses', 'site', siteId],
    staleTime: STALE,
    queryFn: () => all<Warehouse>('/api/warehouses', siteId ? { siteId } : {}),
  });
}
/** Every zone of the site (zones are few; each line filters by its warehouse). */
export function useZones(siteId: string | null) {
  return useQuery({
    queryKey: ['/api/zones', 'site', siteId],
    staleTime: STALE,
    queryFn: () => all<Zone>('/api/zones', siteId ? { siteId } : {}),
  });
}
export function useUnits() {
  return useQuery({ queryKey: ['/api/units', 'all'], staleTime: STALE, queryFn: () => all<Unit>('/api/units') });
}

export const codeName = (x: { code: string; name: string }) => `${x.code} · ${x.name}`;
/** Zones are needed in structured warehouses only; bins in zones that have them. */
export const needsZone = (w: Warehouse | undefined) => w?.kind === 'structured';
