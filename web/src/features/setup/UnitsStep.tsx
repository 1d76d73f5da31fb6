// Step (d): the default units of measure — a proposed list, each row ticked or not and editable before it
// is created; one request (POST /api/setup/units) creates the ticked rows or none of them.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, NumberInput, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { applyServerError, rules } from '../../components/form';
import { useFormat } from '../../components/format';
import { StepFrame, type StepProps } from './StepFrame';
import { SETUP_KEY } from './useSetupStatus';
import { type UnitProposal, intRule, rowAliases, unitCodeRule, whenTicked } from './setupRules';

export interface UnitRow {
  selected: boolean;
  exists: boolean;
  code: string;
  description: string;
  decimals: number | string;
}
export interface UnitsValues {
  rows: UnitRow[];
}

export function unitRows(t: TFunction, proposals: UnitProposal[]): UnitRow[] {
  return proposals.map((p) => ({
    selected: !p.exists,
    exists: p.exists,
    code: p.code,
    decimals: p.decimals,
    description: t(`setup.defaults.units.${p.code}`, { defaultValue: p.description }),
  }));
}

export function unitsValidate(t: TFunction) {
  return {
    rows: {
      code: whenTicked<UnitsValues>(unitCodeRule(t)),
      description: whenTicked<UnitsValues>(rules.maxLength(t, 40)),
      decimals: whenTicked<UnitsValues>(intRule(t, 0, 6)),
    },
  };
}

/** Ticked rows as the request, with their form indexes (to put a refusal back on its row). */
export function unitsRequest(v: UnitsValues) {
  const picked = v.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.selected);
  return {
    indexes: picked.map(({ i }) => i),
    body: {
      units: picked.map(({ r }) => ({
        code: r.code.trim(),
        description: r.description.trim(),
        decimals: Number(r.decimals),
      })),
    },
  };
}

export function UnitsStep({ proposals, onDone, onSkip }: StepProps<string[]> & { proposals: UnitProposal[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<UnitsValues>({ initialValues: { rows: unitRows(t, proposals) }, validate: unitsValidate(t) });
  const save = useMutation({
    mutationFn: (req: ReturnType<typeof unitsRequest>) => unwrap(client.POST('/api/setup/units', { body: req.body })),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['/api/units'] });
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
      onDone(r.units.map((u) => u.code));
    },
    onError: (e, req) =>
      setAlert(applyServerError(form, t, e, rowAliases('units', req.indexes, ['code', 'description', 'decimals']))),
  });
  const ticked = form.values.rows.filter((r) => r.selected).length;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(unitsRequest(v)))} noValidate>
      <StepFrame
        id="units"
        help={t('setup.units.help')}
        onSkip={onSkip}
        creating={save.isPending}
        alert={alert}
        disabled={ticked === 0}
        createLabel={t('setup.createCount', { count: ticked })}
      >
        <Table withTableBorder verticalSpacing={4} data-testid="setup-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th w={140}>{t('common.code')}</Table.Th>
              <Table.Th>{t('setup.description')}</Table.Th>
              <Table.Th w={120}>{t('setup.units.decimals')}</Table.Th>
              <Table.Th w={150}>{t('setup.units.example')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.rows.map((r, i) => (
              <Table.Tr key={i} data-testid={`setup-unit-row-${i}`}>
                <Table.Td>
                  <Checkbox
                    disabled={r.exists}
                    aria-label={r.code}
                    {...form.getInputProps(`rows.${i}.selected`, { type: 'checkbox' })}
                    data-testid={`setup-unit-pick-${i}`}
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
                      maxLength={10}
                      aria-label={t('common.code')}
                      {...form.getInputProps(`rows.${i}.code`)}
                      data-testid={`setup-unit-code-${i}`}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    maxLength={40}
                    disabled={r.exists}
                    aria-label={t('setup.description')}
                    {...form.getInputProps(`rows.${i}.description`)}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    max={6}
                    allowDecimal={false}
                    allowNegative={false}
                    disabled={r.exists}
                    aria-label={t('setup.units.decimals')}
                    {...form.getInputProps(`rows.${i}.decimals`)}
                    data-testid={`setup-unit-decimals-${i}`}
                  />
                </Table.Td>
                <Table.Td className="mono">
                  {Number(r.decimals) >= 0 && Number(r.decimals) <= 6
                    ? f.quantity(Number(r.decimals) > 0 ? `1250.${'123456'.slice(0, Number(r.decimals))}` : '1250')
                    : ''}
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
            data-testid="setup-unit-add"
            onClick={() =>
              form.insertListItem('rows', { selected: true, exists: false, code: '', description: '', decimals: 0 })
            }
          >
            {t('setup.units.add')}
          </Button>
        </Group>
      </StepFrame>
    </form>
  );
}
