// Infinite list over the API's `{items, nextOffset}` pages, for the virtualised tables.
import { useCallback } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, type Query } from '../api/client';

export function usePaged<T>(path: string | null, query: Query = {}, pageSize = 200) {
  const q = useInfiniteQuery({
    queryKey: [path, query],
    enabled: !!path,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => api.get<Page<T>>(path!, { ...query, limit: pageSize, offset: pageParam }),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { rows, loading: q.isPending && !!path, error: q.error, more, refetch: q.refetch };
}
