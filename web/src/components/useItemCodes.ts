// Item codes for rows that carry item ids only (ledger entries, parked postings): one cached look-up per
// distinct id (items rarely change their code), at most `limit` at a time so a long list stays cheap.
import { useQueries } from '@tanstack/react-query';
import { api } from '../api/client';

interface ItemRef {
  id: string;
  code: string;
  description: string;
}

export function useItemCodes(ids: Iterable<string>, known?: Map<string, string>, limit = 100): (id: string) => string {
  const missing = [...new Set(ids)].filter((id) => !known?.has(id)).slice(0, limit);
  const looked = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['item', id],
      staleTime: 600_000,
      queryFn: () => api.get<ItemRef>(`/api/items/${id}`),
    })),
  });
  const found = new Map<string, string>();
  for (const q of looked) if (q.data) found.set(q.data.id, q.data.code);
  return (id: string) => known?.get(id) ?? found.get(id) ?? `#${id}`;
}
