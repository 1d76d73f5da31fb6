// The cycle-counting KPIs per class: on-time share (today, against the plans) and count accuracy (lines
// posted without a difference) as bars, and the value of the posted differences per month. The charts take
// numbers for drawing only; the figures in the table are the server's exact decimals.
import '@mantine/charts/styles.css';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import { useKpis } from './data';

export function KpiDashboard({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  const kpis = useKpis(siteId, from || null, to || null);
  if (kpis.error) return <Alert color="red">{errorText(t, kpis.error)}</Alert>;
  const k = kpis.data;
  const classBars = (k?.classes ?? []).map((c) => ({
    cls: t(`cycle.classes.${c.planClass}`),
    onTime: c.onTimePercent === null ? 0 : Number(c.onTimePercent),
    accuracy: c.accuracyPercent === null ? 0 : Number(c.accuracyPercent),
  }));
  const byMonth = new Map<string, { month: string; gains: number; losses: number }>();
  for (const m of k?.months ?? []) {
    const row = byMonth.get(m.month) ?? { month: m.month, gains: 0, losses: 0 };
    row.gains += Number(m.gains);
    row.losses += Number(m.losses);
    byMonth.set(m.month, row);
  }
  const pct = (v: string | null) => (v === null ? '–' : `${fmt.quantity(v)} %`);
  return (
    <Stack data-testid="kpi-dashboard">
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('cycle.kpi.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('cycle.kpi.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        {k && (
          <Text size="sm" c="dimmed">
            {t('cycle.kpi.period', { from: fmt.date(k.from), to: fmt.date(k.to) })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('cycle.kpi.sharesTitle')}
          </Title>
          <BarChart
            h={240}
            data={classBars}
            dataKey="cls"
            yAxisProps={{ domain: [0, 100] }}
            unit=" %"
            withLegend
            series={[
              { name: 'onTime', label: t('cycle.kpi.onTime'), color: 'teal.6' },
              { name: 'accuracy', label: t('cycle.kpi.accuracy'), color: 'blue.6' },
            ]}
            data-testid="kpi-shares-chart"
          />
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('cycle.kpi.valuesTitle')}
          </Title>
          <BarChart
            h={240}
            data={[...byMonth.values()]}
            dataKey="month"
            withLegend
            series={[
              { name: 'gains', label: t('cycle.kpi.gains'), color: 'green.6' },
              { name: 'losses', label: t('cycle.kpi.losses'), color: 'red.6' },
            ]}
            data-testid="kpi-values-chart"
          />
        </Card>
      </SimpleGrid>
      <Table withTableBorder data-testid="kpi-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cycle.class')}</Table.Th>
            <Table.Th ta="right">{t('cycle.kpi.positions')}</Table.Th>
            <Table.Th ta="right">{t('cycle.kpi.onTime')}</Table.Th>
            <Table.Th ta="right">{t('cycle.kpi.counted')}</Table.Th>
            <Table.Th ta="right">{t('cycle.kpi.accuracy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(k?.classes ?? []).map((c) => (
            <Table.Tr key={c.planClass} data-testid={`kpi-row-${c.planClass}`}>
              <Table.Td>{t(`cycle.classes.${c.planClass}`)}</Table.Td>
              <Table.Td ta="right">{fmt.integer(c.positions)}</Table.Td>
              <Table.Td ta="right">
                {pct(c.onTimePercent)} ({fmt.integer(c.onTime)})
              </Table.Td>
              <Table.Td ta="right">{fmt.integer(c.counted)}</Table.Td>
              <Table.Td ta="right">
                {pct(c.accuracyPercent)} ({fmt.integer(c.withinTolerance)})
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {k && (
        <Text size="sm" data-testid="kpi-totals">
          {t('cycle.kpi.totals', {
            gains: fmt.money(k.totals.gains),
            losses: fmt.money(k.totals.losses),
            net: fmt.money(k.totals.net),
          })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('cycle.kpi.note')}
      </Text>
    </Stack>
  );
}
