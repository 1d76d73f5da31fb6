// The item's search codes (item editor, Search codes tab): any of them identifies the item and its unit when
// scanned or typed; added and removed at once on their own endpoint.
import { useState } from 'react';
import {
  ActionIcon, Alert, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useUnits } from './masterData';

type ItemView = ResponseOf<'/api/item-master/items/{id}', 'get'>['item'];
type SearchCodeBody = BodyOf<'/api/items/{id}/search-codes', 'post'>;

export function SearchCodes({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const codes = useQuery({ queryKey: ['search-codes', item.id], queryFn: () => unwrap(client.GET('/api/items/{id}/search-codes', { params: { path: { id: item.id } } })) });
  const blank = (): SearchCodeBody => ({ code: '', unit: item.primaryUnit, conversionOp: 'x', conversionFactor: '1', description: '' });
  const [f, setF] = useState<SearchCodeBody>(blank());
  const refresh = () => void qc.invalidateQueries({ queryKey: ['search-codes', item.id] });
  const add = useMutation({
    mutationFn: () => unwrap(client.POST('/api/items/{id}/search-codes', {
      params: { path: { id: item.id } }, body: { ...f, code: f.code.trim(), ...(f.description?.trim() ? { description: f.description.trim() } : { description: undefined }) },
    })),
    onSuccess: () => { notifyOk(t('common.saved')); setF(blank()); refresh(); },
  });
  const del = useMutation({
    mutationFn: (searchCodeId: string) => unwrap(client.DELETE('/api/items/{id}/search-codes/{searchCodeId}', { params: { path: { id: item.id, searchCodeId } } })),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  return (
    <Stack gap="xs">
      <Table fz="sm" withTableBorder data-testid="search-codes">
        <Table.Thead><Table.Tr>
          <Table.Th>{t('common.code')}</Table.Th><Table.Th>{t('items.unit')}</Table.Th><Table.Th>{t('itemEdit.conversion')}</Table.Th>
          <Table.Th>{t('items.description')}</Table.Th><Table.Th />
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {codes.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td className="mono">{c.code} {c.isMain && <Badge size="xs" color="gray">{t('items.main')}</Badge>}</Table.Td>
              <Table.Td>{c.unit}</Table.Td>
              <Table.Td>{`1 ${c.unit} = ${c.conversionOp === 'x' ? `${c.conversionFactor} ${item.primaryUnit}` : `${item.primaryUnit} / ${c.conversionFactor}`}`}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td>{!c.isMain && (
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={`${t('common.delete')} ${c.code}`} loading={del.isPending && del.variables === c.id}
                  onClick={() => { if (confirm(t('itemEdit.confirmDeleteCode', { code: c.code }))) del.mutate(c.id); }}><IconTrash size={14} /></ActionIcon>
              )}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">{t('itemEdit.addSearchCode')}</Text>
      <SimpleGrid cols={5}>
        <TextInput label={t('common.code')} required value={f.code} onChange={(e) => setF({ ...f, code: e.currentTarget.value })} data-testid="sc-code" />
        <Select label={t('items.unit')} searchable allowDeselect={false} data={(units.data?.items ?? []).map((u) => u.code)} value={f.unit} onChange={(x) => x && setF({ ...f, unit: x })} />
        <Select label={t('itemEdit.conversionOp')} allowDeselect={false} data={[{ value: 'x', label: t('itemEdit.op.x') }, { value: '\\', label: t('itemEdit.op.div') }]}
          value={f.conversionOp ?? 'x'} onChange={(x) => x && setF({ ...f, conversionOp: x as SearchCodeBody['conversionOp'] })} />
        <TextInput label={t('itemEdit.conversionFactor')} value={f.conversionFactor ?? ''} onChange={(e) => setF({ ...f, conversionFactor: e.currentTarget.value.trim() })} />
        <TextInput label={t('items.description')} maxLength={40} placeholder={item.description} value={f.description ?? ''} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} />
      </SimpleGrid>
      {add.error && <Alert color="red">{errorText(t, add.error)}</Alert>}
      <Group justify="flex-end">
        <Button size="xs" leftSection={<IconPlus size={14} />} disabled={!f.code.trim()} loading={add.isPending} onClick={() => add.mutate()} data-testid="sc-add">{t('itemEdit.addSearchCode')}</Button>
      </Group>
    </Stack>
  );
}

