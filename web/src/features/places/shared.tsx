// Pieces the place screens share: the code/name rules of the request schemas (src/api/schemas/places.ts),
// option lists for the warehouse, zone and user pickers, and a delete button that asks first and shows the
// server's refusal (e.g. still in use) in place.
import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { UserRow, Warehouse, Zone } from '../../api/models';
import { errorText, notifyOk } from '../../components/errors';
import { rules } from '../../components/form';

/** code20 of the schemas: 1–20 letters, digits, _ . - */
export const CODE20 = /^[A-Za-z0-9_.-]{1,20}$/;
/** One bin element (aisle, row, level, place): 1–10 letters or digits. */
export const ELEMENT = /^[A-Za-z0-9]{1,10}$/;

export const codeRule = (t: TFunction) =>
  rules.all(rules.required(t), rules.maxLength(t, 20), rules.pattern(t, CODE20, t('placesUi.codeHint')));
export const nameRule = (t: TFunction) => rules.all(rules.required(t), rules.maxLength(t, 80));

/** Every path the place screens list; a change to one refreshes its lists (and the pickers). */
export const PLACE_PATHS = ['/api/sites', '/api/owners', '/api/warehouses', '/api/zones', '/api/bins'] as const;
export type PlacePath = (typeof PLACE_PATHS)[number];

export function useRefresh() {
  const qc = useQueryClient();
  return (...paths: PlacePath[]) => {
    for (const p of paths) {
      void qc.invalidateQueries({ queryKey: [p] });
      void qc.invalidateQueries({ queryKey: ['picker', p] });
    }
  };
}

function usePicker<T>(path: PlacePath | '/api/users', query: Record<string, string | undefined> = {}, enabled = true) {
  return useQuery({
    queryKey: ['picker', path, query],
    enabled,
    queryFn: () => api.get<Page<T>>(path, { ...query, limit: 1000 }),
    select: (p) => p.items,
  });
}

export function useSitesPicker() {
  return usePicker<{ id: string; code: string; name: string }>('/api/sites');
}

export function useWarehousesPicker(query: { kind?: string } = {}) {
  return usePicker<Warehouse>('/api/warehouses', query);
}

export function useZonesPicker(warehouseId: string | null, query: { structured?: string } = {}) {
  return usePicker<Zone>('/api/zones', { warehouseId: warehouseId ?? undefined, ...query }, !!warehouseId);
}

/** Every zone the user may see (up to 1,000), for showing zone codes beside bins of any warehouse. */
export function useAllZones() {
  return usePicker<Zone>('/api/zones');
}

export function useActiveUsers(enabled = true) {
  return usePicker<UserRow>('/api/users', { active: 'true' }, enabled);
}

export const codeNameOptions = (rows: Array<{ id: string; code: string; name: string }> | undefined) =>
  (rows ?? []).map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` }));

/** A delete button that asks once more, then deletes; the server's refusal stays visible under it. */
export function DeleteButton({ path, testId, onDeleted }: { path: string; testId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const del = useMutation({
    mutationFn: () => api.del(path),
    onSuccess: () => {
      notifyOk(t('placesUi.deleted'));
      onDeleted();
    },
    onError: () => setAsking(false),
  });
  return (
    <>
      {del.error && (
        <Alert color="red" data-testid={`${testId}-error`}>
          {errorText(t, del.error)}
        </Alert>
      )}
      {asking ? (
        <Group gap="xs">
          <Text size="sm">{t('placesUi.confirmDelete')}</Text>
          <Button
            size="xs"
            color="red"
            loading={del.isPending}
            onClick={() => del.mutate()}
            data-testid={`${testId}-confirm`}
          >
            {t('common.delete')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => {
            del.reset();
            setAsking(true);
          }}
          data-testid={testId}
        >
          {t('common.delete')}
        </Button>
      )}
    </>
  );
}

/** Only the fields whose value differs from the stored record, for a PATCH. */
export function changed<T extends object>(before: Partial<T>, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as Array<keyof T>) {
    if (after[k] !== before[k]) out[k] = after[k];
  }
  return out;
}

/** Inputs' help text under the input, so the inputs of a form row line up whatever their help's length. */
export const BELOW: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'error', 'description'];
