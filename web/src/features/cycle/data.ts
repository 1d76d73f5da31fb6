// The cycle-counting screens' shapes (from the OpenAPI types) and queries.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';

export type Plan = ResponseOf<'/api/count-plans', 'get'>['items'][number];
export type PlanBody = BodyOf<'/api/count-plans', 'put'>;
export type DueList = ResponseOf<'/api/count-plans/due', 'get'>;
export type DueItem = DueList['items'][number];
export type DueStatus = DueItem['dueStatus'];
export type PlanClass = DueItem['planClass'];
export type Kpis = ResponseOf<'/api/count-kpis', 'get'>;
export type AbcRun = ResponseOf<'/api/abc-analysis/runs', 'get'>['items'][number];
export type AbcSchedule = ResponseOf<'/api/abc-analysis/schedule', 'get'>;
export type DueGeneration = ResponseOf<'/api/inventories/{id}/count-lists/generate/due', 'post'>;

export const DUE_STATUSES: DueStatus[] = ['never_counted', 'overdue', 'due_this_week', 'due_this_month', 'not_due'];
export const LISTED: DueStatus[] = ['never_counted', 'overdue', 'due_this_week', 'due_this_month'];
export const PLAN_CLASSES: PlanClass[] = ['A', 'B', 'C', 'S'];
export const STATUS_COLOR: Record<DueStatus, string> = {
  never_counted: 'grape',
  overdue: 'red',
  due_this_week: 'orange',
  due_this_month: 'yellow',
  not_due: 'gray',
};

export function usePlans(siteId: string | null) {
  return useQuery({
    queryKey: ['/api/count-plans', siteId],
    enabled: !!siteId,
    queryFn: async () => (await api.get<{ items: Plan[] }>('/api/count-plans', { siteId })).items,
  });
}

/** The status counts of the due list (one row asked for: the counts come with every page). */
export function useDueCounts(siteId: string | null, warehouseId: string | null) {
  return useQuery({
    queryKey: ['/api/count-plans/due', 'counts', siteId, warehouseId],
    enabled: !!siteId,
    queryFn: () => api.get<DueList>('/api/count-plans/due', { siteId, warehouseId, limit: 1 }),
  });
}

export function useKpis(siteId: string | null, from: string | null, to: string | null) {
  return useQuery({
    queryKey: ['/api/count-kpis', siteId, from, to],
    enabled: !!siteId,
    queryFn: () => api.get<Kpis>('/api/count-kpis', { siteId, from, to }),
  });
}

export function useAbcSchedule() {
  return useQuery({
    queryKey: ['/api/abc-analysis/schedule'],
    queryFn: () => api.get<AbcSchedule>('/api/abc-analysis/schedule'),
  });
}

export interface ContinuousInventory {
  id: string;
  number: string;
  description: string;
  method: string;
  status: string;
}
/** The site's continuous inventories that are not closed: where lists of today's capacity go. */
export function useContinuousInventories(siteId: string | null) {
  return useQuery({
    queryKey: ['/api/inventories', 'continuous', siteId],
    enabled: !!siteId,
    queryFn: async () =>
      (await api.get<{ items: ContinuousInventory[] }>('/api/inventories', { siteId, limit: 200 })).items.filter(
        (i) => i.method === 'continuous' && i.status !== 'closed',
      ),
  });
}
