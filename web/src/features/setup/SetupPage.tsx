// The first set-up (administrator): site, stock owner, warehouse with zones and differences zone, units,
// transaction keys, numbering schemes with inventory types, and a counter account. Every step shows what
// exists, can be skipped and done later on its own screen, and writes nothing until it is confirmed.
import { type ReactNode, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/format';
import { useSession } from '../auth/session';
import { UserCreateForm } from '../users/UserCreateForm';
import { CodeNameStep, type Created } from './CodeNameStep';
import { KeysStep } from './KeysStep';
import { TypesStep } from './TypesStep';
import { UnitsStep } from './UnitsStep';
import { WarehouseStep, type WarehouseResult } from './WarehouseStep';
import { SETUP_KEY, useSetupStatus } from './useSetupStatus';
import type { SetupStatus } from './setupRules';

export const STEPS = ['site', 'owner', 'warehouse', 'units', 'keys', 'types', 'counter'] as const;
type StepId = (typeof STEPS)[number];
type Outcome = { summary: string } | 'skipped';

/** Where each part is kept after the set-up. */
const LATER: Record<StepId, string> = {
  site: '/places',
  owner: '/places',
  warehouse: '/places',
  units: '/settings/units',
  keys: '/settings/transaction-keys',
  types: '/settings/inventory-types',
  counter: '/users',
};

export default function SetupPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const status = useSetupStatus(admin);
  if (!admin) return <Alert color="orange">{t('setup.adminOnly')}</Alert>;
  if (!status.data) return <Loader />;
  return <Wizard status={status.data} />;
}

function Counts({ counts }: { counts: SetupStatus['counts'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const entries = Object.entries(counts) as Array<[keyof SetupStatus['counts'], number]>;
  return (
    <Group gap={6} data-testid="setup-counts">
      {entries.map(([k, n]) => (
        <Badge
          key={k}
          variant={n > 0 ? 'light' : 'outline'}
          color={n > 0 ? 'green' : 'gray'}
          data-testid={`setup-count-${k}`}
        >
          {t(`setup.counts.${k}`)}: {f.quantity(String(n))}
        </Badge>
      ))}
    </Group>
  );
}

function Wizard({ status }: { status: SetupStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [active, setActive] = useState(0);
  const [outcomes, setOutcomes] = useState<Partial<Record<StepId, Outcome>>>({});
  const [site, setSite] = useState<Created | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const finish = (id: StepId, o: Outcome) => {
    setOutcomes((x) => ({ ...x, [id]: o }));
    setLast(o === 'skipped' ? null : t('setup.stepDone', { step: t(`setup.steps.${id}`), summary: o.summary }));
    setActive(STEPS.indexOf(id) + 1);
  };
  const skip = (id: StepId) => () => finish(id, 'skipped');
  const describe = (id: StepId) => {
    const o = outcomes[id];
    if (!o) return undefined;
    return o === 'skipped' ? t('setup.skipped') : o.summary;
  };
  // Under a step's label only the first codes, so the stepper stays on one line.
  const brief = (id: StepId) => {
    const text = describe(id);
    const parts = text?.split(', ') ?? [];
    return parts.length > 3 ? `${parts.slice(0, 2).join(', ')} +${f.quantity(String(parts.length - 2))}` : text;
  };
  const c = status.counts;
  const p = status.proposals;
  const body: Record<StepId, () => ReactNode> = {
    site: () => (
      <CodeNameStep
        kind="site"
        existing={c.sites}
        onSkip={skip('site')}
        onDone={(r) => {
          setSite(r);
          finish('site', { summary: r.code });
        }}
      />
    ),
    owner: () => (
      <CodeNameStep
        kind="owner"
        existing={c.owners}
        onSkip={skip('owner')}
        onDone={(r) => finish('owner', { summary: r.code })}
      />
    ),
    warehouse: () => (
      <WarehouseStep
        siteId={site?.id ?? null}
        existing={c.warehouses}
        onSkip={skip('warehouse')}
        onDone={(r: WarehouseResult) =>
          finish('warehouse', { summary: [r.warehouse.code, ...r.zones.map((z) => z.code)].join(', ') })
        }
      />
    ),
    units: () => (
      <UnitsStep
        proposals={p.units}
        onSkip={skip('units')}
        onDone={(codes) => finish('units', { summary: codes.join(', ') })}
      />
    ),
    keys: () => (
      <KeysStep
        proposals={p.transactionKeys}
        onSkip={skip('keys')}
        onDone={(codes) => finish('keys', { summary: codes.join(', ') })}
      />
    ),
    types: () => (
      <TypesStep
        proposals={p.inventoryTypes}
        onSkip={skip('types')}
        onDone={(codes) => finish('types', { summary: codes.join(', ') })}
      />
    ),
    counter: () => (
      <Stack gap="sm" data-testid="setup-step-counter">
        <Text size="sm" c="dimmed">
          {t('setup.counter.help')}
        </Text>
        {c.counters > 0 && (
          <Alert color="gray" variant="light">
            {t('setup.counter.existing', { count: c.counters })}
          </Alert>
        )}
        <UserCreateForm
          fixedRole="counter"
          defaultSiteId={site?.id ?? null}
          testId="setup-counter"
          submitLabel={t('setup.create')}
          cancelLabel={t('setup.skip')}
          onCancel={skip('counter')}
          onCreated={(u) => {
            void qc.invalidateQueries({ queryKey: SETUP_KEY });
            finish('counter', { summary: u.username });
          }}
        />
      </Stack>
    ),
  };
  return (
    <Stack data-testid="setup-page">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={3}>{t('setup.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('setup.intro')}
          </Text>
        </Stack>
      </Group>
      <Counts counts={c} />
      <Paper withBorder p="md">
        <Stepper
          active={active}
          onStepClick={(i) => {
            setLast(null);
            setActive(i);
          }}
          size="sm"
          iconSize={30}
          allowNextStepsSelect
          data-testid="setup-stepper"
        >
          {STEPS.map((id) => (
            <Stepper.Step
              key={id}
              label={t(`setup.steps.${id}`)}
              description={brief(id)}
              data-testid={`setup-tab-${id}`}
              color={outcomes[id] === 'skipped' ? 'gray' : undefined}
              completedIcon={outcomes[id] === 'skipped' ? <Text size="xs">–</Text> : <IconCheck size={16} />}
            >
              {last && (
                <Alert color="green" mt="md" icon={<IconCheck size={16} />} data-testid="setup-last-done">
                  {last}
                </Alert>
              )}
              <Title order={4} mt="md" mb="xs">
                {t(`setup.${id}.title`)}
              </Title>
              {body[id]()}
            </Stepper.Step>
          ))}
          <Stepper.Completed>
            <Stack mt="md" data-testid="setup-done">
              <Title order={4}>{t('setup.doneTitle')}</Title>
              <Text size="sm">{t('setup.doneText')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {STEPS.map((id) => (
                  <Group key={id} gap="xs" data-testid={`setup-summary-${id}`}>
                    <Text size="sm" fw={600} w={150}>
                      {t(`setup.steps.${id}`)}
                    </Text>
                    <Text size="sm" c={outcomes[id] && outcomes[id] !== 'skipped' ? undefined : 'dimmed'}>
                      {describe(id) ?? t('setup.notDone')}
                    </Text>
                    {(!outcomes[id] || outcomes[id] === 'skipped') && (
                      <Button size="compact-xs" variant="subtle" component={Link} to={LATER[id]}>
                        {t('setup.doLater')}
                      </Button>
                    )}
                  </Group>
                ))}
              </SimpleGrid>
              <Group>
                <Button component={Link} to="/inventories" data-testid="setup-finish">
                  {t('setup.toInventories')}
                </Button>
                <Button variant="default" onClick={() => setActive(0)}>
                  {t('setup.again')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Completed>
        </Stepper>
      </Paper>
    </Stack>
  );
}
