// An item chosen by code or description: the server searches (the item master may hold 100k items), the
// select shows the first 20 hits. The value is the item id.
import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';

interface ItemHit {
  id: string;
  code: string;
  description: string;
}

export function ItemPicker(props: Omit<SelectProps, 'data' | 'searchable' | 'onSearchChange' | 'searchValue'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const hits = useQuery({
    queryKey: ['/api/items', 'picker', q],
    queryFn: () => api.get<Page<ItemHit>>('/api/items', { q: q || undefined, match: 'prefix', limit: 20 }),
    placeholderData: (prev) => prev,
  });
  const [chosen, setChosen] = useState<ItemHit | null>(null);
  const rows = [...(hits.data?.items ?? [])];
  if (chosen && !rows.some((r) => r.id === chosen.id)) rows.unshift(chosen);
  return (
    <Select
      {...props}
      searchable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('common.noRows')}
      data={rows.map((r) => ({ value: r.id, label: `${r.code} · ${r.description}` }))}
      onChange={(v, o) => {
        setChosen(rows.find((r) => r.id === v) ?? null);
        props.onChange?.(v, o);
      }}
    />
  );
}
