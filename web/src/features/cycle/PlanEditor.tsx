// The count plan of the site, or of one of its warehouses (which then wins there): counts per year of A, B
// and C, an optional class of slow movers, the daily capacity, the working weekdays and the holidays.
import { useEffect, useState } from 'react';
import { Button, Chip, Group, NumberInput, Select, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifyOk } from '../../components/errors';
import { codeName, useWarehouses } from '../postings/data';
import { type Plan, type PlanBody, usePlans } from './data';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

interface Form {
  countsA: number;
  countsB: number;
  countsC: number;
  slow: boolean;
  slowMoverDays: number;
  slowMoverCounts: number;
  dailyCapacity: number;
  workingDays: string[];
  holidays: string;
}
const EMPTY: Form = {
  countsA: 12,
  countsB: 4,
  countsC: 1,
  slow: false,
  slowMoverDays: 180,
  slowMoverCounts: 1,
  dailyCapacity: 50,
  workingDays: ['1', '2', '3', '4', '5'],
  holidays: '',
};
const formOf = (p: Plan | undefined): Form =>
  p
    ? {
        countsA: p.countsA,
        countsB: p.countsB,
        countsC: p.countsC,
        slow: p.slowMoverDays !== null,
        slowMoverDays: p.slowMoverDays ?? 180,
        slowMoverCounts: p.slowMoverCounts ?? 1,
        dailyCapacity: p.dailyCapacity,
        workingDays: p.workingDays.map(String),
        holidays: p.holidays.join('\n'),
      }
    : EMPTY;

export function PlanEditor({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const plans = usePlans(siteId);
  const warehouses = useWarehouses(siteId);
  const [scope, setScope] = useState<string>('');
  const current = (plans.data ?? []).find((p) => (p.warehouseId ?? '') === scope);
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(formOf(current)), [current]);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  // The due list and the KPIs follow the plans: their cached answers go too.
  const refresh = () =>
    qc.invalidateQueries({
      predicate: (q) => typeof q.queryKey[0] === 'string' && /^\/api\/count-(plans|kpis)/.test(q.queryKey[0]),
    });
  const save = async () => {
    setBusy(true);
    try {
      const body: PlanBody = {
        siteId,
        warehouseId: scope || null,
        countsA: form.countsA,
        countsB: form.countsB,
        countsC: form.countsC,
        slowMoverDays: form.slow ? form.slowMoverDays : null,
        slowMoverCounts: form.slow ? form.slowMoverCounts : null,
        dailyCapacity: form.dailyCapacity,
        workingDays: form.workingDays.map(Number),
        holidays: form.holidays.split(/[\s,;]+/).filter(Boolean),
      };
      await api.put('/api/count-plans', body);
      notifyOk(t('cycle.plan.saved'));
      await refresh();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api.del(`/api/count-plans?siteId=${siteId}${scope ? `&warehouseId=${scope}` : ''}`);
      notifyOk(t('cycle.plan.deleted'));
      await refresh();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  const num = (k: 'countsA' | 'countsB' | 'countsC' | 'slowMoverDays' | 'slowMoverCounts' | 'dailyCapacity') => ({
    value: form[k],
    onChange: (v: string | number) => set(k, typeof v === 'number' ? v : Number(v) || 0),
    allowDecimal: false,
    min: 0,
  });
  return (
    <Stack maw={760}>
      <Select
        w={320}
        label={t('cycle.plan.scope')}
        data={[
          { value: '', label: t('cycle.plan.sitePlan') },
          ...(warehouses.data ?? []).map((w) => ({ value: w.id, label: codeName(w) })),
        ]}
        value={scope}
        onChange={(v) => setScope(v ?? '')}
        allowDeselect={false}
        data-testid="plan-scope"
      />
      <Text size="sm" c="dimmed">
        {current ? t('cycle.plan.existing') : t('cycle.plan.none')}
      </Text>
      <Group grow>
        <NumberInput label={t('cycle.plan.countsA')} {...num('countsA')} data-testid="plan-countsA" />
        <NumberInput label={t('cycle.plan.countsB')} {...num('countsB')} data-testid="plan-countsB" />
        <NumberInput label={t('cycle.plan.countsC')} {...num('countsC')} data-testid="plan-countsC" />
        <NumberInput label={t('cycle.plan.capacity')} {...num('dailyCapacity')} data-testid="plan-capacity" />
      </Group>
      <Switch label={t('cycle.plan.slow')} checked={form.slow} onChange={(e) => set('slow', e.currentTarget.checked)} />
      {form.slow && (
        <Group grow>
          <NumberInput label={t('cycle.plan.slowDays')} {...num('slowMoverDays')} />
          <NumberInput label={t('cycle.plan.slowCounts')} {...num('slowMoverCounts')} />
        </Group>
      )}
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('cycle.plan.workingDays')}
        </Text>
        <Chip.Group multiple value={form.workingDays} onChange={(v) => set('workingDays', v)}>
          <Group gap="xs">
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={d} size="sm">
                {t(`cycle.weekday.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Textarea
        label={t('cycle.plan.holidays')}
        description={t('cycle.plan.holidaysHint')}
        autosize
        minRows={2}
        value={form.holidays}
        onChange={(e) => set('holidays', e.currentTarget.value)}
      />
      {current && (
        <Table withTableBorder maw={420} data-testid="plan-intervals">
          <Table.Tbody>
            {(['A', 'B', 'C', 'S'] as const).map((c) => (
              <Table.Tr key={c}>
                <Table.Td>{t(`cycle.classes.${c}`)}</Table.Td>
                <Table.Td ta="right">
                  {current.intervals[c] === null
                    ? t('cycle.plan.notCounted')
                    : t('cycle.plan.every', { count: current.intervals[c] ?? 0 })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button loading={busy} onClick={() => void save()} data-testid="plan-save">
          {t('cycle.plan.save')}
        </Button>
        {current && (
          <Button variant="default" color="red" loading={busy} onClick={() => void remove()}>
            {t('cycle.plan.delete')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
