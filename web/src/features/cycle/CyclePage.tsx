// Cycle counting: the due list of the site's count plans, the KPI dashboard, the plan editor and the ABC
// analysis history, one tab each.
import { useState } from 'react';
import { Alert, Group, Select, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeName, useSiteChoice } from '../postings/data';
import { AbcRunsPanel } from './AbcRunsPanel';
import { DueListPanel } from './DueListPanel';
import { KpiDashboard } from './KpiDashboard';
import { PlanEditor } from './PlanEditor';

export default function CyclePage() {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const { siteId, sites, fixed } = useSiteChoice(chosen);
  const [tab, setTab] = useState<string | null>('due');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.cycle')}</Title>
        {!fixed && (
          <Select
            w={240}
            placeholder={t('cycle.chooseSite')}
            data={sites.map((s) => ({ value: s.id, label: codeName(s) }))}
            value={siteId}
            onChange={setChosen}
            data-testid="cycle-site"
          />
        )}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="due" data-testid="cycle-tab-due">
            {t('cycle.tabs.due')}
          </Tabs.Tab>
          <Tabs.Tab value="kpi" data-testid="cycle-tab-kpi">
            {t('cycle.tabs.kpi')}
          </Tabs.Tab>
          <Tabs.Tab value="plan" data-testid="cycle-tab-plan">
            {t('cycle.tabs.plan')}
          </Tabs.Tab>
          <Tabs.Tab value="abc" data-testid="cycle-tab-abc">
            {t('cycle.tabs.abc')}
          </Tabs.Tab>
        </Tabs.List>
        <Stack pt="md">
          {tab === 'abc' ? (
            <AbcRunsPanel />
          ) : !siteId ? (
            <Alert>{t('cycle.chooseSite')}</Alert>
          ) : tab === 'due' ? (
            <DueListPanel siteId={siteId} />
          ) : tab === 'kpi' ? (
            <KpiDashboard siteId={siteId} />
          ) : (
            <PlanEditor siteId={siteId} />
          )}
        </Stack>
      </Tabs>
    </Stack>
  );
}
