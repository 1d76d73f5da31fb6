// The item's search codes (item editor, Search codes tab): any of them identifies the item and its unit when
// scanned or typed; added and removed at once on their own endpoint. A packing unit (a carton of 12) is a
// search code in the carton unit with its conversion (CT × 12 = PZ). A GTIN-shaped code (8, 12, 13 or 14
// digits) must carry a correct check digit — the scanner would refuse it — and is refused at the field.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { errorField, errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { rules } from '../../components/form';
import { gtinProblem } from '../itemsettings/gtin';
import { DescriptionInput, DESCRIPTION_MAX } from './DescriptionInput';
import { useUnits } from './masterData';

type ItemView = ResponseOf<'/api/item-master/items/{id}', 'get'>['item'];
type SearchCodeBody = BodyOf<'/api/items/{id}/search-codes', 'post'>;
const ON_FIELD = new Set(['code', 'unit', 'conversionFactor', 'description']);
type CodeErrors = Partial<Record<'code' | 'unit' | 'conversionFactor' | 'description', string>>;

/** The search-code request as the server checks it, per field; a GTIN with a wrong check digit names the right one. */
export function checkSearchCode(t: TFunction, f: SearchCodeBody): CodeErrors {
  const e: CodeErrors = {};
  const code = f.code.trim();
  const gtin = gtinProblem(code);
  if (!code) e.code = t('form.required');
  else if (code.length > 80 || /\s/.test(code)) e.code = t('itemsUi.searchCodeRule');
  else if (gtin)
    e.code = t('itemsUi.checkDigitKind', { kind: t(`itemsUi.gtinKind.${gtin.kind}`), expected: gtin.expected });
  if (!f.unit) e.unit = t('form.required');
  const factor =
    rules.decimal(t, { min: 'positive' })(f.conversionFactor ?? '') ?? (f.conversionFactor ? null : t('form.required'));
  if (factor) e.conversionFactor = factor;
  if ((f.description ?? '').length > DESCRIPTION_MAX)
    e.description = t('itemsUi.descriptionTooLong', { max: DESCRIPTION_MAX, count: (f.description ?? '').length });
  return e;
}

export function SearchCodes({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const fmt = useFormat();
  const [errors, setErrors] = useState<CodeErrors>({});
  const codes = useQuery({
    queryKey: ['search-codes', item.id],
    queryFn: () => unwrap(client.GET('/api/items/{id}/search-codes', { params: { path: { id: item.id } } })),
  });
  const blank = (): SearchCodeBody => ({
    code: '',
    unit: item.primaryUnit,
    conversionOp: 'x',
    conversionFactor: '1',
    description: '',
  });
  const [f, setF] = useState<SearchCodeBody>(blank());
  const refresh = () => void qc.invalidateQueries({ queryKey: ['search-codes', item.id] });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/items/{id}/search-codes', {
          params: { path: { id: item.id } },
          body: {
            ...f,
            code: f.code.trim(),
            ...(f.description?.trim() ? { description: f.description.trim() } : { description: undefined }),
          },
        }),
      ),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      setF(blank());
      setErrors({});
      refresh();
    },
    onError: (e) => {
      const field = errorField(e);
      if (field && ON_FIELD.has(field)) setErrors({ [field]: errorText(t, e) });
    },
  });
  const submit = () => {
    const e = checkSearchCode(t, f);
    setErrors(e);
    if (Object.keys(e).length === 0) add.mutate();
  };
  const edit = (ch: Partial<SearchCodeBody>) => {
    setF({ ...f, ...ch });
    const rest = { ...errors };
    for (const k of Object.keys(ch)) delete rest[k as keyof CodeErrors];
    setErrors(rest);
  };
  const del = useMutation({
    mutationFn: (searchCodeId: string) =>
      unwrap(
        client.DELETE('/api/items/{id}/search-codes/{searchCodeId}', {
          params: { path: { id: item.id, searchCodeId } },
        }),
      ),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  return (
    <Stack gap="xs">
      <Table fz="sm" withTableBorder data-testid="search-codes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.unit')}</Table.Th>
            <Table.Th>{t('itemEdit.conversion')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td className="mono">
                {c.code}{' '}
                {c.isMain && (
                  <Badge size="xs" color="gray">
                    {t('items.main')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.unit}</Table.Td>
              <Table.Td>{`1 ${c.unit} = ${c.conversionOp === 'x' ? `${fmt.quantity(c.conversionFactor)} ${item.primaryUnit}` : `${item.primaryUnit} / ${fmt.quantity(c.conversionFactor)}`}`}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td>
                {!c.isMain && (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('common.delete')} ${c.code}`}
                    loading={del.isPending && del.variables === c.id}
                    onClick={() => {
                      if (confirm(t('itemEdit.confirmDeleteCode', { code: c.code }))) del.mutate(c.id);
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">
        {t('itemEdit.addSearchCode')}
      </Text>
      <SimpleGrid cols={3}>
        <TextInput
          label={t('common.code')}
          required
          value={f.code}
          error={errors.code}
          onChange={(e) => edit({ code: e.currentTarget.value })}
          onBlur={() => {
            const g = gtinProblem(f.code);
            if (g)
              setErrors({
                ...errors,
                code: t('itemsUi.checkDigitKind', { kind: t(`itemsUi.gtinKind.${g.kind}`), expected: g.expected }),
              });
          }}
          data-testid="sc-code"
        />
        <Select
          label={t('items.unit')}
          searchable
          allowDeselect={false}
          data={(units.data?.items ?? []).map((u) => u.code)}
          value={f.unit}
          error={errors.unit}
          onChange={(x) => x && edit({ unit: x })}
          data-testid="sc-unit"
        />
        <Select
          label={t('itemEdit.conversionOp')}
          allowDeselect={false}
          data={[
            { value: 'x', label: t('itemEdit.op.x') },
            { value: '\\', label: t('itemEdit.op.div') },
          ]}
          value={f.conversionOp ?? 'x'}
          onChange={(x) => x && edit({ conversionOp: x as SearchCodeBody['conversionOp'] })}
          data-testid="sc-op"
        />
        <TextInput
          label={t('itemEdit.conversionFactor')}
          value={f.conversionFactor ?? ''}
          error={errors.conversionFactor}
          onChange={(e) => edit({ conversionFactor: e.currentTarget.value.trim() })}
          data-testid="sc-factor"
        />
        <DescriptionInput
          label={t('items.description')}
          placeholder={item.description}
          value={f.description ?? ''}
          error={errors.description}
          onChange={(e) => edit({ description: e.currentTarget.value })}
          data-testid="sc-description"
        />
      </SimpleGrid>
      {f.unit !== item.primaryUnit && f.conversionFactor && !errors.conversionFactor && (
        <Text size="xs" c="dimmed" data-testid="sc-conversion">
          {t('itemsUi.conversionReads', {
            unit: f.unit,
            text:
              (f.conversionOp ?? 'x') === 'x'
                ? `${fmt.quantity(f.conversionFactor)} ${item.primaryUnit}`
                : `${item.primaryUnit} / ${fmt.quantity(f.conversionFactor)}`,
          })}
        </Text>
      )}
      {add.error && !ON_FIELD.has(errorField(add.error) ?? '') && <Alert color="red">{errorText(t, add.error)}</Alert>}
      <Group justify="flex-end">
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={!f.code.trim()}
          loading={add.isPending}
          onClick={submit}
          data-testid="sc-add"
        >
          {t('itemEdit.addSearchCode')}
        </Button>
      </Group>
    </Stack>
  );
}
