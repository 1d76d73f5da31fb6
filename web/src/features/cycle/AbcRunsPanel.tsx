// The ABC analysis history (every run, by hand or by the schedule, with the items whose class it changed),
// a run by hand and the schedule of the analysis job; both changes are the administrator's.
import { useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { usePaged } from '../../components/usePaged';
import { VirtualTable } from '../../components/VirtualTable';
import { useSession } from '../auth/session';
import { type AbcRun, type AbcSchedule, useAbcSchedule } from './data';

export function AbcRunsPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const runs = usePaged<AbcRun>('/api/abc-analysis/runs', {}, 50);
  const schedule = useAbcSchedule();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [s, setS] = useState<AbcSchedule | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setS(schedule.data ?? null), [schedule.data]);
  const run = async () => {
    setBusy(true);
    try {
      const r = await api.post<AbcRun>('/api/abc-analysis/runs', { from, to });
      notifyOk(t('cycle.abc.ran', { count: r.changesCount }));
      await runs.refetch();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  const saveSchedule = async () => {
    if (!s) return;
    setBusy(true);
    try {
      await api.put('/api/abc-analysis/schedule', {
        enabled: s.enabled,
        everyDays: s.everyDays,
        periodDays: s.periodDays,
        thresholdA: s.thresholdA,
        thresholdB: s.thresholdB,
        ...(s.nextRunOn ? { nextRunOn: s.nextRunOn } : {}),
      });
      notifyOk(t('cycle.abc.scheduleSaved'));
      await qc.invalidateQueries({ queryKey: ['/api/abc-analysis/schedule'] });
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {admin && (
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('cycle.kpi.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput type="date" label={t('cycle.kpi.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button disabled={!from || !to} loading={busy} onClick={() => void run()} data-testid="abc-run">
            {t('cycle.abc.runNow')}
          </Button>
        </Group>
      )}
      {s && (
        <Group align="flex-end" data-testid="abc-schedule">
          <Switch
            label={t('cycle.abc.scheduled')}
            checked={s.enabled}
            disabled={!admin}
            onChange={(e) => setS({ ...s, enabled: e.currentTarget.checked })}
          />
          <NumberInput
            w={140}
            label={t('cycle.abc.everyDays')}
            value={s.everyDays}
            disabled={!admin}
            allowDecimal={false}
            onChange={(v) => setS({ ...s, everyDays: Number(v) || 1 })}
          />
          <NumberInput
            w={160}
            label={t('cycle.abc.periodDays')}
            value={s.periodDays}
            disabled={!admin}
            allowDecimal={false}
            onChange={(v) => setS({ ...s, periodDays: Number(v) || 1 })}
          />
          <Text size="sm" c="dimmed">
            {s.nextRunOn ? t('cycle.abc.nextRun', { date: fmt.date(s.nextRunOn) }) : ''}
          </Text>
          {admin && (
            <Button variant="default" loading={busy} onClick={() => void saveSchedule()}>
              {t('cycle.abc.saveSchedule')}
            </Button>
          )}
        </Group>
      )}
      <Title order={5}>{t('cycle.abc.history')}</Title>
      <VirtualTable
        rows={runs.rows}
        rowKey={(r) => r.id}
        loading={runs.loading}
        onEndReached={runs.more}
        height="calc(100vh - 420px)"
        testId="abc-runs"
        columns={[
          { key: 'when', header: t('cycle.abc.ranAt'), width: 170, render: (r) => fmt.dateTime(r.ranAt) },
          {
            key: 'by',
            header: t('cycle.abc.by'),
            width: 150,
            render: (r) =>
              r.trigger === 'schedule' ? (
                <Badge variant="light">{t('cycle.abc.bySchedule')}</Badge>
              ) : (
                (r.username ?? '–')
              ),
          },
          {
            key: 'period',
            header: t('cycle.abc.period'),
            width: 200,
            render: (r) => `${fmt.date(r.periodFrom)} – ${fmt.date(r.periodTo)}`,
          },
          {
            key: 'counts',
            header: t('cycle.abc.counts'),
            width: 160,
            render: (r) => `A ${r.countA} · B ${r.countB} · C ${r.countC}`,
          },
          {
            key: 'changes',
            header: t('cycle.abc.changes'),
            width: 300,
            grow: 1,
            render: (r) =>
              r.changesCount === 0
                ? t('cycle.abc.noChanges')
                : `${r.changesCount}: ${r.changedItems
                    .slice(0, 5)
                    .map((c) => `${c.itemCode} ${c.previousClass ?? '–'}→${c.newClass}`)
                    .join(', ')}${r.changesCount > 5 ? ' …' : ''}`,
          },
        ]}
      />
    </Stack>
  );
}
