// Price lists (code, currency, whether prices may carry cascading discounts). The prices themselves — per item,
// unit, validity, with quantity tiers — are the item's price rows (item editor, Prices tab): a list only names
// the currency and the discount rule they follow.
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { client, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { useFormat } from '../../components/format';
import { usePriceLists } from '../items/masterData';
import { CODE20 } from './ItemClasses';

type PriceList = ResponseOf<'/api/item-master/price-lists', 'get'>['items'][number];
export interface PriceListForm {
  code: string;
  description: string;
  currency: string;
  discountsAllowed: boolean;
}

/** ISO 4217 as Intl knows it: three letters and a currency the browser can format. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

export function priceListValidate(t: TFunction) {
  return {
    code: rules.all(rules.required(t), rules.pattern(t, CODE20, t('itemSettings.hint.code20'))),
    description: rules.maxLength(t, 80),
    currency: (v: string) =>
      rules.required(t)(v) ?? (isCurrency(v.trim().toUpperCase()) ? null : t('itemSettings.prices.currencyRule')),
  };
}

export function PriceLists() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lists = usePriceLists();
  const [edit, setEdit] = useState<PriceList | 'new' | null>(null);
  return (
    <Stack>
      <Alert color="blue" variant="light">
        {t('itemSettings.prices.tiersHelp')} <Link to="/items">{t('itemSettings.prices.toItems')}</Link>
      </Alert>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEdit('new')} data-testid="price-list-new">
          {t('itemSettings.prices.new')}
        </Button>
      </Group>
      <Table withTableBorder striped data-testid="price-lists-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('itemEdit.currency')}</Table.Th>
            <Table.Th>{t('itemSettings.prices.example')}</Table.Th>
            <Table.Th>{t('itemSettings.prices.discounts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.prices.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {lists.data?.items.map((l) => (
            <Table.Tr key={l.id} data-testid={`price-list-row-${l.code}`}>
              <Table.Td className="mono">{l.code}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td>{l.currency}</Table.Td>
              <Table.Td>{fmt.money('1234.5', l.currency)}</Table.Td>
              <Table.Td>{l.discountsAllowed ? <Badge size="sm">{t('common.yes')}</Badge> : t('common.no')}</Table.Td>
              <Table.Td w={50}>
                <ActionIcon variant="subtle" onClick={() => setEdit(l)} aria-label={`${t('itemEdit.edit')} ${l.code}`}>
                  <IconEdit size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {edit && <PriceListModal current={edit === 'new' ? null : edit} onClose={() => setEdit(null)} />}
    </Stack>
  );
}

export function PriceListModal({ current, onClose }: { current: PriceList | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<PriceListForm>({
    initialValues: current
      ? {
          code: current.code,
          description: current.description,
          currency: current.currency,
          discountsAllowed: current.discountsAllowed,
        }
      : { code: '', description: '', currency: 'EUR', discountsAllowed: false },
    validate: priceListValidate(t),
  });
  const save = useMutation({
    mutationFn: (f: PriceListForm) =>
      current
        ? unwrap(
            client.PATCH('/api/item-master/price-lists/{id}', {
              params: { path: { id: current.id } },
              body: { description: f.description.trim(), discountsAllowed: f.discountsAllowed },
            }),
          )
        : unwrap(
            client.POST('/api/item-master/price-lists', {
              body: {
                code: f.code.trim(),
                description: f.description.trim(),
                currency: f.currency.trim().toUpperCase(),
                discountsAllowed: f.discountsAllowed,
              },
            }),
          ),
    onMutate: () => setGeneral(null),
    onSuccess: (l) => {
      notifyOk(t('itemSettings.savedCode', { code: l.code }));
      void qc.invalidateQueries({ queryKey: ['/api/item-master/price-lists'] });
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={current ? `${t('itemSettings.prices.edit')} ${current.code}` : t('itemSettings.prices.new')}
    >
      <form onSubmit={form.onSubmit((f) => save.mutate(f))} noValidate data-testid="price-list-form">
        <Stack gap="sm">
          <TextInput
            label={t('common.code')}
            required
            disabled={!!current}
            {...form.getInputProps('code')}
            data-testid="price-list-code"
          />
          <TextInput
            label={t('items.description')}
            {...form.getInputProps('description')}
            data-testid="price-list-description"
          />
          <TextInput
            label={t('itemEdit.currency')}
            description={current ? t('itemSettings.prices.currencyFixed') : t('itemSettings.prices.currencyHelp')}
            required
            maxLength={3}
            disabled={!!current}
            {...form.getInputProps('currency')}
            data-testid="price-list-currency"
          />
          <Switch
            label={t('itemSettings.prices.discountsAllowed')}
            description={t('itemSettings.prices.discountsHelp')}
            {...form.getInputProps('discountsAllowed', { type: 'checkbox' })}
            data-testid="price-list-discounts"
          />
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="price-list-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
