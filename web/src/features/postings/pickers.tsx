// Pickers that search on the server as one types (100k items, thousands of bins): the item by code, search
// code or description; the bin by the start of its code within its zone. The chosen row is kept beside the
// results so its label stays while a new search runs.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Bin, Item } from './data';

interface PickerProps<T> {
  value: T | null;
  onChange: (v: T | null) => void;
  label?: string;
  error?: string | undefined;
  testId: string;
  disabled?: boolean;
}

export const itemLabel = (i: Pick<Item, 'code' | 'description'>) =>
  i.description ? `${i.code} · ${i.description}` : i.code;

function useSearch(value: { label: string } | null) {
  const [search, setSearch] = useState('');
  const term = search.trim() === (value?.label ?? '\u0000') ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  return { search, setSearch, term: debounced };
}

export function ItemPicker({ value, onChange, label, error, testId, disabled }: PickerProps<Item>) {
  const { t } = useTranslation();
  const { search, setSearch, term } = useSearch(value ? { label: itemLabel(value) } : null);
  const found = useQuery({
    queryKey: ['/api/items', 'pick', term],
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: async () =>
      (await api.get<{ items: Item[] }>('/api/items', { ...(term ? { q: term } : {}), limit: 30 })).items,
  });
  const rows = [...(value ? [value] : []), ...(found.data ?? []).filter((i) => i.id !== value?.id)];
  return (
    <Select
      label={label}
      placeholder={t('postingsUi.itemSearch')}
      searchable
      clearable
      disabled={disabled}
      data-testid={testId}
      data={rows.map((i) => ({ value: i.id, label: itemLabel(i) }))}
      value={value?.id ?? null}
      error={error}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('postingsUi.nothingFound')}
      onChange={(id) => onChange(rows.find((i) => i.id === id) ?? null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function BinPicker({
  value,
  onChange,
  label,
  error,
  testId,
  disabled,
  zoneId,
}: PickerProps<Bin> & { zoneId: string | null }) {
  const { t } = useTranslation();
  const { search, setSearch, term } = useSearch(value ? { label: value.code } : null);
  const found = useQuery({
    queryKey: ['/api/bins', 'pick', zoneId, term],
    enabled: !!zoneId,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: async () =>
      (
        await api.get<{ items: Bin[] }>('/api/bins', {
          zoneId: zoneId!,
          ...(term ? { codePrefix: term } : {}),
          limit: 50,
        })
      ).items,
  });
  const rows = [
    ...(value ? [value] : []),
    ...(found.data ?? []).filter((b) => b.id !== value?.id && b.zoneId === zoneId),
  ];
  return (
    <Select
      label={label}
      placeholder={t('postingsUi.binSearch')}
      searchable
      clearable
      disabled={disabled || !zoneId}
      data-testid={testId}
      data={rows.map((b) => ({ value: b.id, label: b.code, disabled: b.blocked }))}
      value={value?.id ?? null}
      error={error}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('postingsUi.nothingFound')}
      onChange={(id) => onChange(rows.find((b) => b.id === id) ?? null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
