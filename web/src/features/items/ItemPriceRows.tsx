// The item's price-list rows (item editor, Prices tab): each row saved on its own endpoint at once; quantity
// tiers with an open-ended last one and up to four discounts.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { usePriceLists } from './masterData';

type ItemView = ResponseOf<'/api/item-master/items/{id}', 'get'>['item'];
type PriceBody = BodyOf<'/api/item-master/items/{id}/prices', 'post'>;
type PriceRow = ResponseOf<'/api/item-master/items/{id}/prices', 'get'>['items'][number];

interface TierForm {
  upTo: string;
  price: string;
  discounts: string;
}
interface PriceForm {
  id: string | null;
  priceListId: string | null;
  unit: string;
  currency: string;
  validFrom: string;
  validTo: string;
  tiers: TierForm[];
}
const newPrice = (unit: string): PriceForm => ({
  id: null,
  priceListId: null,
  unit,
  currency: '',
  validFrom: '',
  validTo: '',
  tiers: [{ upTo: '', price: '', discounts: '' }],
});

/** The API body of a price row form: open-ended last tier when "up to" is empty; discounts comma-separated. */
export function priceBody(f: PriceForm): PriceBody {
  return {
    priceListId: f.priceListId ?? '',
    unit: f.unit.trim(),
    validFrom: f.validFrom || null,
    validTo: f.validTo || null,
    ...(f.currency.trim() ? { currency: f.currency.trim().toUpperCase() } : {}),
    tiers: f.tiers.map((x) => ({
      upTo: x.upTo.trim() === '' ? null : x.upTo.trim(),
      price: x.price.trim(),
      discounts: x.discounts.split(/[\s,;]+/).filter(Boolean),
    })),
  };
}

export function PriceRows({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lists = usePriceLists();
  const rows = useQuery({
    queryKey: ['item-prices', item.id],
    queryFn: () => unwrap(client.GET('/api/item-master/items/{id}/prices', { params: { path: { id: item.id } } })),
  });
  const [f, setF] = useState<PriceForm | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['item-prices', item.id] });
  const saveRow = useMutation({
    mutationFn: (form: PriceForm) =>
      form.id
        ? unwrap(
            client.PUT('/api/item-master/items/{id}/prices/{priceId}', {
              params: { path: { id: item.id, priceId: form.id } },
              body: priceBody(form),
            }),
          )
        : unwrap(
            client.POST('/api/item-master/items/{id}/prices', {
              params: { path: { id: item.id } },
              body: priceBody(form),
            }),
          ),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      setF(null);
      refresh();
    },
  });
  const del = useMutation({
    mutationFn: (priceId: string) =>
      unwrap(
        client.DELETE('/api/item-master/items/{id}/prices/{priceId}', { params: { path: { id: item.id, priceId } } }),
      ),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  const edit = (r: PriceRow) =>
    setF({
      id: r.id,
      priceListId: r.priceListId,
      unit: r.unit,
      currency: r.currency,
      validFrom: r.validFrom ?? '',
      validTo: r.validTo ?? '',
      tiers: r.tiers.map((x) => ({ upTo: x.upTo ?? '', price: x.price, discounts: x.discounts.join(', ') })),
    });
  const setTier = (i: number, ch: Partial<TierForm>) =>
    f && setF({ ...f, tiers: f.tiers.map((x, j) => (j === i ? { ...x, ...ch } : x)) });
  const discounts = lists.data?.items.find((l) => l.id === f?.priceListId)?.discountsAllowed ?? false;
  return (
    <Stack gap="xs" mt="md">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('itemEdit.priceRows')}
        </Text>
        <Button size="compact-xs" leftSection={<IconPlus size={14} />} onClick={() => setF(newPrice(item.primaryUnit))}>
          {t('itemEdit.addPrice')}
        </Button>
      </Group>
      {rows.error && <Alert color="red">{errorText(t, rows.error)}</Alert>}
      <Table fz="xs" withTableBorder data-testid="price-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('itemEdit.priceList')}</Table.Th>
            <Table.Th>{t('items.unit')}</Table.Th>
            <Table.Th>{t('itemEdit.currency')}</Table.Th>
            <Table.Th>{t('itemEdit.validity')}</Table.Th>
            <Table.Th>{t('itemEdit.tiers')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('common.noRows')}</Table.Td>
            </Table.Tr>
          )}
          {rows.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.priceListCode}</Table.Td>
              <Table.Td>{r.unit}</Table.Td>
              <Table.Td>{r.currency}</Table.Td>
              <Table.Td>
                {r.validFrom ?? '…'} – {r.validTo ?? '…'}
              </Table.Td>
              <Table.Td>
                {r.tiers
                  .map(
                    (x) =>
                      `${x.upTo === null ? t('itemEdit.over') : `≤ ${x.upTo}`}: ${x.price}${x.discounts.length ? ` −${x.discounts.join('%+')}%` : ''}`,
                  )
                  .join(' · ')}
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" onClick={() => edit(r)} aria-label={t('itemEdit.edit')}>
                    <IconEdit size={14} />
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (confirm(t('itemEdit.confirmDeletePrice'))) del.mutate(r.id);
                    }}
                    aria-label={t('common.delete')}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {f && (
        <Stack
          gap="xs"
          p="sm"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          data-testid="price-form"
        >
          <SimpleGrid cols={5}>
            <Select
              label={t('itemEdit.priceList')}
              required
              searchable
              data={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.currency}` }))}
              value={f.priceListId}
              onChange={(x) => setF({ ...f, priceListId: x })}
            />
            <TextInput
              label={t('items.unit')}
              required
              value={f.unit}
              onChange={(e) => setF({ ...f, unit: e.currentTarget.value })}
            />
            <TextInput
              label={t('itemEdit.currency')}
              placeholder={t('itemEdit.listCurrency')}
              maxLength={3}
              value={f.currency}
              onChange={(e) => setF({ ...f, currency: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('itemEdit.validFrom')}
              value={f.validFrom}
              onChange={(e) => setF({ ...f, validFrom: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('itemEdit.validTo')}
              value={f.validTo}
              onChange={(e) => setF({ ...f, validTo: e.currentTarget.value })}
            />
          </SimpleGrid>
          {f.tiers.map((x, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <TextInput
                size="xs"
                label={i === 0 ? t('itemEdit.upTo') : undefined}
                placeholder={t('itemEdit.over')}
                value={x.upTo}
                onChange={(e) => setTier(i, { upTo: e.currentTarget.value })}
              />
              <TextInput
                size="xs"
                label={i === 0 ? t('itemEdit.tierPrice') : undefined}
                required
                value={x.price}
                onChange={(e) => setTier(i, { price: e.currentTarget.value })}
              />
              {discounts && (
                <TextInput
                  size="xs"
                  label={i === 0 ? t('itemEdit.discounts') : undefined}
                  placeholder="10, 5"
                  value={x.discounts}
                  onChange={(e) => setTier(i, { discounts: e.currentTarget.value })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={f.tiers.length === 1}
                onClick={() => setF({ ...f, tiers: f.tiers.filter((_, j) => j !== i) })}
                aria-label={t('common.delete')}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setF({ ...f, tiers: [...f.tiers, { upTo: '', price: '', discounts: '' }] })}
            >
              {t('itemEdit.addTier')}
            </Button>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setF(null);
                  saveRow.reset();
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button size="xs" disabled={!f.priceListId} loading={saveRow.isPending} onClick={() => saveRow.mutate(f)}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
          {saveRow.error && <Alert color="red">{errorText(t, saveRow.error)}</Alert>}
        </Stack>
      )}
    </Stack>
  );
}
