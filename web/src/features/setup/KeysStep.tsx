// Step (e): the default transaction keys — one main key per kind (receipt, issue, transfer, inventory
// difference, value adjustment), ticked and editable; one request creates the ticked keys or none.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Select, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { applyServerError, rules } from '../../components/form';
import { StepFrame, type StepProps } from './StepFrame';
import { SETUP_KEY } from './useSetupStatus';
import { type KeyProposal, codeRule, rowAliases, whenTicked } from './setupRules';

export type KeyKind = KeyProposal['kind'];
export const KEY_KINDS: KeyKind[] = ['receipt', 'issue', 'transfer', 'adjustment', 'revaluation'];
export interface KeyRow {
  selected: boolean;
  exists: boolean;
  code: string;
  description: string;
  kind: KeyKind;
}
export interface KeysValues {
  rows: KeyRow[];
}

export const keysValidate = (t: TFunction) => ({
  rows: { code: whenTicked<KeysValues>(codeRule(t)), description: whenTicked<KeysValues>(rules.maxLength(t, 80)) },
});

export function keysRequest(v: KeysValues) {
  const picked = v.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.selected);
  return {
    indexes: picked.map(({ i }) => i),
    body: { keys: picked.map(({ r }) => ({ code: r.code.trim(), description: r.description.trim(), kind: r.kind })) },
  };
}

export function KeysStep({ proposals, onDone, onSkip }: StepProps<string[]> & { proposals: KeyProposal[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<KeysValues>({
    initialValues: {
      rows: proposals.map((p) => ({
        selected: !p.exists,
        exists: p.exists,
        code: p.code,
        kind: p.kind,
        description: t(`setup.defaults.keys.${p.code}`, { defaultValue: p.description }),
      })),
    },
    validate: keysValidate(t),
  });
  const save = useMutation({
    mutationFn: (req: ReturnType<typeof keysRequest>) =>
      unwrap(client.POST('/api/setup/transaction-keys', { body: req.body })),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['/api/transaction-keys'] });
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
      onDone(r.keys.map((k) => k.code));
    },
    onError: (e, req) =>
      setAlert(applyServerError(form, t, e, rowAliases('keys', req.indexes, ['code', 'description', 'kind']))),
  });
  const ticked = form.values.rows.filter((r) => r.selected).length;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(keysRequest(v)))} noValidate>
      <StepFrame
        id="keys"
        help={t('setup.keys.help')}
        onSkip={onSkip}
        creating={save.isPending}
        alert={alert}
        disabled={ticked === 0}
        createLabel={t('setup.createCount', { count: ticked })}
      >
        <Table withTableBorder verticalSpacing={4} data-testid="setup-keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th w={160}>{t('common.code')}</Table.Th>
              <Table.Th>{t('setup.description')}</Table.Th>
              <Table.Th w={220}>{t('setup.keys.kind')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.rows.map((r, i) => (
              <Table.Tr key={i} data-testid={`setup-key-row-${i}`}>
                <Table.Td>
                  <Checkbox
                    disabled={r.exists}
                    aria-label={r.code}
                    {...form.getInputProps(`rows.${i}.selected`, { type: 'checkbox' })}
                    data-testid={`setup-key-pick-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  {r.exists ? (
                    <Group gap={4}>
                      <span className="mono">{r.code}</span>
                      <Badge size="xs" color="gray">
                        {t('setup.exists')}
                      </Badge>
                    </Group>
                  ) : (
                    <TextInput
                      size="xs"
                      maxLength={20}
                      aria-label={t('common.code')}
                      {...form.getInputProps(`rows.${i}.code`)}
                      data-testid={`setup-key-code-${i}`}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    maxLength={80}
                    disabled={r.exists}
                    aria-label={t('setup.description')}
                    {...form.getInputProps(`rows.${i}.description`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    allowDeselect={false}
                    disabled={r.exists}
                    aria-label={t('setup.keys.kind')}
                    {...form.getInputProps(`rows.${i}.kind`)}
                    data={KEY_KINDS.map((k) => ({ value: k, label: t(`setup.keys.kinds.${k}`) }))}
                    data-testid={`setup-key-kind-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  {!r.exists && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={() => form.removeListItem('rows', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            data-testid="setup-key-add"
            onClick={() =>
              form.insertListItem('rows', { selected: true, exists: false, code: '', description: '', kind: 'receipt' })
            }
          >
            {t('setup.keys.add')}
          </Button>
        </Group>
      </StepFrame>
    </form>
  );
}
