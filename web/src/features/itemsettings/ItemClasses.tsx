// Item classes: the automatic coding rule of new items (prefix + zero-padded counter, e.g. RM-000042). An item
// created without a code takes the next number of its class, or of the default class. The counter only goes up.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { useItemClasses } from '../items/masterData';

type ItemClass = ResponseOf<'/api/item-master/item-classes', 'get'>['items'][number];
type ClassBody = BodyOf<'/api/item-master/item-classes', 'post'>;
export const CODE20 = /^[A-Za-z0-9_.-]{1,20}$/;
const COUNTER = /^[1-9]\d{0,17}$/;
const ITEM_CODE_MAX = 50;

export interface ClassForm {
  code: string;
  description: string;
  prefix: string;
  width: number | string;
  nextValue: string;
  isDefault: boolean;
}

/** The code the counter gives next, as the server formats it. */
export const nextCode = (prefix: string, width: number, nextValue: string) => prefix + nextValue.padStart(width, '0');

export function classValidate(t: TFunction) {
  return {
    code: rules.all(rules.required(t), rules.pattern(t, CODE20, t('itemSettings.hint.code20'))),
    description: rules.maxLength(t, 80),
    prefix: (v: string, f: ClassForm) =>
      rules.all(rules.maxLength(t, 20), rules.pattern(t, /^\S*$/, t('itemSettings.hint.noSpaces')))(v) ??
      (v.length + Number(f.width || 0) > ITEM_CODE_MAX
        ? t('itemSettings.classes.tooLong', { max: ITEM_CODE_MAX })
        : null),
    width: (v: number | string) =>
      Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 18 && v !== ''
        ? null
        : t('itemSettings.classes.widthRange'),
    nextValue: (v: string, f: ClassForm) =>
      rules.all(rules.required(t), rules.pattern(t, COUNTER, t('itemSettings.hint.counter')))(v) ??
      (v.length > Number(f.width || 0) ? t('itemSettings.classes.counterTooWide', { width: f.width }) : null),
  };
}

export function classBody(f: ClassForm): ClassBody {
  return {
    code: f.code.trim(),
    description: f.description.trim(),
    prefix: f.prefix.trim(),
    width: Number(f.width),
    nextValue: f.nextValue.trim(),
    isDefault: f.isDefault,
  };
}

export function ItemClasses() {
  const { t } = useTranslation();
  const classes = useItemClasses();
  const [edit, setEdit] = useState<ItemClass | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEdit('new')} data-testid="class-new">
          {t('itemSettings.classes.new')}
        </Button>
      </Group>
      <Table withTableBorder striped data-testid="classes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.prefix')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.width')}</Table.Th>
            <Table.Th>{t('itemSettings.classes.nextCode')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {classes.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.classes.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {classes.data?.items.map((c) => (
            <Table.Tr key={c.code} data-testid={`class-row-${c.code}`}>
              <Table.Td className="mono">
                {c.code}{' '}
                {c.isDefault && (
                  <Badge size="xs" ml={4}>
                    {t('itemSettings.classes.default')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td className="mono">{c.prefix}</Table.Td>
              <Table.Td>{c.width}</Table.Td>
              <Table.Td className="mono">{nextCode(c.prefix, c.width, c.nextValue)}</Table.Td>
              <Table.Td w={50}>
                <ActionIcon variant="subtle" onClick={() => setEdit(c)} aria-label={`${t('itemEdit.edit')} ${c.code}`}>
                  <IconEdit size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {edit && <ClassModal current={edit === 'new' ? null : edit} onClose={() => setEdit(null)} />}
    </Stack>
  );
}

export function ClassModal({ current, onClose }: { current: ItemClass | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<ClassForm>({
    initialValues: current
      ? {
          code: current.code,
          description: current.description,
          prefix: current.prefix,
          width: current.width,
          nextValue: current.nextValue,
          isDefault: current.isDefault,
        }
      : { code: '', description: '', prefix: '', width: 6, nextValue: '1', isDefault: false },
    validate: classValidate(t),
  });
  const save = useMutation({
    mutationFn: (f: ClassForm) => {
      const body = classBody(f);
      if (!current) return unwrap(client.POST('/api/item-master/item-classes', { body }));
      const { code: _code, ...patch } = body;
      return unwrap(
        client.PATCH('/api/item-master/item-classes/{code}', { params: { path: { code: current.code } }, body: patch }),
      );
    },
    onMutate: () => setGeneral(null),
    onSuccess: (c) => {
      notifyOk(t('itemSettings.savedCode', { code: c.code }));
      void qc.invalidateQueries({ queryKey: ['/api/item-master/item-classes'] });
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const v = form.getValues();
  const preview = CODE20.test(v.code) || v.prefix !== '' ? nextCode(v.prefix, Number(v.width) || 0, v.nextValue) : '';
  return (
    <Modal
      opened
      onClose={onClose}
      title={current ? `${t('itemSettings.classes.edit')} ${current.code}` : t('itemSettings.classes.new')}
      size="lg"
    >
      <form onSubmit={form.onSubmit((f) => save.mutate(f))} data-testid="class-form" noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.code')}
              required
              disabled={!!current}
              {...form.getInputProps('code')}
              data-testid="class-code"
            />
            <TextInput
              label={t('items.description')}
              {...form.getInputProps('description')}
              data-testid="class-description"
            />
            <TextInput
              label={t('itemSettings.classes.prefix')}
              description={t('itemSettings.classes.prefixHelp')}
              {...form.getInputProps('prefix')}
              data-testid="class-prefix"
            />
            <NumberInput
              label={t('itemSettings.classes.width')}
              description={t('itemSettings.classes.widthHelp')}
              min={1}
              max={18}
              allowDecimal={false}
              {...form.getInputProps('width')}
              data-testid="class-width"
            />
            <TextInput
              label={t('itemSettings.classes.nextValue')}
              description={current ? t('itemSettings.classes.nextValueHelp') : undefined}
              {...form.getInputProps('nextValue')}
              data-testid="class-next"
            />
            <Switch
              mt="lg"
              label={t('itemSettings.classes.isDefault')}
              {...form.getInputProps('isDefault', { type: 'checkbox' })}
              data-testid="class-default"
            />
          </SimpleGrid>
          <Text size="sm">
            {t('itemSettings.classes.preview')}:{' '}
            <span className="mono" data-testid="class-preview">
              {preview}
            </span>
          </Text>
          {general && (
            <Alert color="red" data-testid="class-error">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="class-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
