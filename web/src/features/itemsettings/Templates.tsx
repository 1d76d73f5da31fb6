// Item templates ("models"): a reference item whose fields seed every field a new item leaves empty (validity
// dates excepted). Chosen in New item; created from an existing item, deleted when no longer wanted.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { notifyError, notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { useTemplates } from '../items/masterData';
import { CODE20 } from './ItemClasses';
import { ItemPicker } from './ItemPicker';

interface TemplateForm {
  code: string;
  description: string;
  referenceItemId: string | null;
}

export function Templates() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const templates = useTemplates();
  const [creating, setCreating] = useState(false);
  const del = useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/item-master/templates/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifyOk(t('itemSettings.deleted'));
      void qc.invalidateQueries({ queryKey: ['/api/item-master/templates'] });
    },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Stack>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="template-new">
          {t('itemSettings.templates.new')}
        </Button>
      </Group>
      <Table withTableBorder striped data-testid="templates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.code')}</Table.Th>
            <Table.Th>{t('items.description')}</Table.Th>
            <Table.Th>{t('itemSettings.templates.reference')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.templates.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {templates.data?.items.map((x) => (
            <Table.Tr key={x.id} data-testid={`template-row-${x.code}`}>
              <Table.Td className="mono">{x.code}</Table.Td>
              <Table.Td>{x.description}</Table.Td>
              <Table.Td className="mono">{x.referenceItemCode}</Table.Td>
              <Table.Td w={50}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('common.delete')} ${x.code}`}
                  loading={del.isPending && del.variables === x.id}
                  onClick={() => {
                    if (confirm(t('itemSettings.templates.confirmDelete', { code: x.code }))) del.mutate(x.id);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {creating && <TemplateModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

export function TemplateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<TemplateForm>({
    initialValues: { code: '', description: '', referenceItemId: null },
    validate: {
      code: rules.all(rules.required(t), rules.pattern(t, CODE20, t('itemSettings.hint.code20'))),
      description: rules.maxLength(t, 80),
      referenceItemId: rules.required(t),
    },
  });
  const save = useMutation({
    mutationFn: (f: TemplateForm) =>
      unwrap(
        client.POST('/api/item-master/templates', {
          body: { code: f.code.trim(), description: f.description.trim(), referenceItemId: f.referenceItemId! },
        }),
      ),
    onMutate: () => setGeneral(null),
    onSuccess: (x) => {
      notifyOk(t('itemSettings.savedCode', { code: x.code }));
      void qc.invalidateQueries({ queryKey: ['/api/item-master/templates'] });
      onClose();
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  return (
    <Modal opened onClose={onClose} title={t('itemSettings.templates.new')}>
      <form onSubmit={form.onSubmit((f) => save.mutate(f))} noValidate data-testid="template-form">
        <Stack gap="sm">
          <TextInput label={t('common.code')} required {...form.getInputProps('code')} data-testid="template-code" />
          <TextInput
            label={t('items.description')}
            {...form.getInputProps('description')}
            data-testid="template-description"
          />
          <ItemPicker
            label={t('itemSettings.templates.reference')}
            description={t('itemSettings.templates.referenceHelp')}
            required
            {...form.getInputProps('referenceItemId')}
            data-testid="template-item"
          />
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="template-save">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
