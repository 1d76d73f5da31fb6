// The statistical sample of a sample-method inventory (docs/sampling.md): its outcome, the estimate with its
// standard error, interval and achieved precision against the book value, the verdict's reasons, the strata
// table, and what to do next — estimate (again), extend the sample as the verdict offers, fall back to a full
// count, print the result. Amounts arrive as exact decimal strings and are formatted as they are; standard
// errors and precisions are statistics (doubles) and are shown rounded.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalculator, IconListCheck, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { type Format, useFormat } from '../../components/format';
import { LANGUAGES } from '../../i18n';
import { downloadFile } from '../differences/download';

export type SampleView = ResponseOf<'/api/inventories/{id}/sample', 'get'>;
type SampleAction = ResponseOf<'/api/inventories/{id}/sample/extend', 'post'>;
type Estimate = NonNullable<SampleView['result']>;
type Reason = Estimate['verdict']['reasons'][number];

const OUTCOME_COLOR: Record<string, string> = {
  none: 'gray',
  drawn: 'blue',
  passed: 'green',
  extend: 'orange',
  full_count: 'red',
  fullCount: 'grape',
};

/** The badge's word: not drawn yet, waiting for an estimate, passed, extension offered, full count (offered or chosen). */
export function outcomeOf(s: SampleView): string {
  if (!s.drawn) return 'none';
  if (s.fullCount) return 'fullCount';
  return s.outcome ?? 'drawn';
}

function percentOf(fmt: Format) {
  const nf = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 3 });
  return (v: number | string) => (nf.format as unknown as (x: number | string) => string)(v);
}

/** A verdict reason in words, its figures formatted in the reader's language. */
export function reasonText(t: TFunction, fmt: Format, r: Reason): string {
  const p = r.params;
  const pc = percentOf(fmt);
  const money = (k: string) => (typeof p[k] === 'string' ? fmt.money(p[k]) : '');
  // A precision of a non-positive estimate is infinite and arrives as null.
  const percent = (k: string) => (typeof p[k] === 'number' || typeof p[k] === 'string' ? pc(p[k]) : '∞');
  return t(`samplePanel.reason.${r.code}`, {
    achieved: percent('achieved'),
    target: percent('target'),
    book: money('book'),
    lower: money('lower'),
    upper: money('upper'),
    difference: money('difference'),
    tolerance: percent('tolerance'),
  });
}

const uiLanguage = (lng: string) => LANGUAGES.find((l) => lng.startsWith(l.code))?.code ?? 'en';

export function SamplePanel({ inventoryId, onChanged }: { inventoryId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const key = ['inventory', inventoryId, 'sample'];
  const sample = useQuery({
    queryKey: key,
    queryFn: () => api.get<SampleView>(`/api/inventories/${inventoryId}/sample`),
  });
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: async (a: 'estimate' | 'extend' | 'full-count') => {
      const r = await api.post<SampleView | SampleAction>(`/api/inventories/${inventoryId}/sample/${a}`);
      return { a, view: 'sample' in r ? r.sample : r, lists: 'generation' in r ? r.generation.lists.length : 0 };
    },
    onMutate: () => setError(null),
    onSuccess: ({ a, view, lists }) => {
      qc.setQueryData(key, view);
      if (a === 'estimate') notifyOk(t(`samplePanel.estimated.${outcomeOf(view)}`, { defaultValue: t('common.done') }));
      else notifyOk(t('samplePanel.listsGenerated', { count: lists }));
      onChanged();
    },
    onError: (e) => {
      setError(errorText(t, e));
      notifyError(t, e);
    },
  });
  const print = useMutation({
    mutationFn: () =>
      downloadFile(
        `/api/inventories/${inventoryId}/sample/print`,
        { language: uiLanguage(i18n.language) },
        `sample-${inventoryId}.pdf`,
      ),
    onMutate: () => setError(null),
    onSuccess: (name) => notifyOk(t('samplePanel.printed', { file: name })),
    onError: (e) => setError(errorText(t, e)),
  });

  if (sample.error)
    return (
      <Alert color="red" data-testid="sample-load-error">
        {errorText(t, sample.error)}
      </Alert>
    );
  const s = sample.data;
  if (!s) return null;
  const outcome = outcomeOf(s);
  const r = s.result;
  const offer = r?.verdict.offer;
  const live = s.drawn && !s.fullCount;
  return (
    <Card withBorder data-testid="sample-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={4}>{t('samplePanel.title')}</Title>
            <Badge size="lg" color={OUTCOME_COLOR[outcome]} data-testid="sample-outcome">
              {t(`samplePanel.outcome.${outcome}`)}
            </Badge>
            {s.estimatedAt && (
              <Text size="xs" c="dimmed">
                {t('samplePanel.estimatedAt', { at: fmt.dateTime(s.estimatedAt) })}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconCalculator size={14} />}
              disabled={!live}
              loading={act.isPending && act.variables === 'estimate'}
              onClick={() => act.mutate('estimate')}
              data-testid="sample-estimate"
            >
              {r ? t('samplePanel.estimateAgain') : t('samplePanel.estimate')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconPlus size={14} />}
              disabled={!live || offer?.kind !== 'extend'}
              loading={act.isPending && act.variables === 'extend'}
              onClick={() => {
                if (offer?.kind === 'extend' && confirm(t('samplePanel.confirmExtend', { n: fmt.integer(offer.n) })))
                  act.mutate('extend');
              }}
              data-testid="sample-extend"
            >
              {t('samplePanel.extend')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconListCheck size={14} />}
              disabled={!live}
              loading={act.isPending && act.variables === 'full-count'}
              onClick={() => {
                if (confirm(t('samplePanel.confirmFullCount', { n: fmt.integer(s.positions.population) })))
                  act.mutate('full-count');
              }}
              data-testid="sample-full-count"
            >
              {t('samplePanel.fullCount')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPrinter size={14} />}
              disabled={!s.drawn}
              loading={print.isPending}
              onClick={() => print.mutate()}
              data-testid="sample-print"
            >
              {t('samplePanel.print')}
            </Button>
          </Group>
        </Group>
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="sample-error">
            {error}
          </Alert>
        )}
        {!s.drawn ? (
          <Text size="sm" c="dimmed" data-testid="sample-not-drawn">
            {t('samplePanel.notDrawn')}
          </Text>
        ) : (
          <SampleBody s={s} fmt={fmt} t={t} />
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, value, testId, color }: { label: string; value: string; testId: string; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={color} data-testid={testId}>
        {value || '—'}
      </Text>
    </div>
  );
}

function SampleBody({ s, fmt, t }: { s: SampleView; fmt: Format; t: TFunction }) {
  const d = s.design!;
  const r = s.result;
  const pc = percentOf(fmt);
  const diff = r ? signedDiff(r.estimate, r.bookTotal) : null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('samplePanel.bookValue')} value={fmt.money(d.population.bookTotal)} testId="sample-book" />
        <Figure
          label={t('samplePanel.estimateValue')}
          value={r ? fmt.money(r.estimate) : ''}
          testId="sample-estimate-value"
        />
        <Figure
          label={t('samplePanel.interval', { level: pc(d.config.confidence) })}
          value={r ? `${fmt.money(r.interval.lower)} – ${fmt.money(r.interval.upper)}` : ''}
          testId="sample-interval"
        />
        <Figure
          label={t('samplePanel.precision')}
          value={
            r && r.achievedRelativePrecision !== null
              ? t('samplePanel.precisionOf', {
                  achieved: pc(r.achievedRelativePrecision),
                  target: pc(r.targetRelativePrecision),
                })
              : t('samplePanel.targetOnly', { target: pc(d.config.targetRelativePrecision) })
          }
          color={r ? (r.verdict.precisionMet ? 'green' : 'red') : undefined}
          testId="sample-precision"
        />
        <Figure
          label={t('samplePanel.standardError')}
          value={r ? fmt.money(r.standardError.toFixed(2)) : ''}
          testId="sample-se"
        />
        <Figure
          label={t('samplePanel.difference')}
          value={diff === null ? '' : diff.startsWith('-') ? fmt.money(diff) : `+${fmt.money(diff)}`}
          testId="sample-difference"
        />
        <Figure
          label={t('samplePanel.positions')}
          value={t('samplePanel.positionsOf', {
            complete: fmt.integer(s.positions.complete),
            drawn: fmt.integer(s.positions.drawn),
            rest: fmt.integer(s.positions.population),
          })}
          testId="sample-positions"
        />
        <Figure
          label={t('samplePanel.design')}
          value={t('samplePanel.designOf', {
            estimator: t(`sampling.estimators.${d.config.estimator}`),
            allocation: t(`sampling.allocations.${d.config.allocation}`),
            draws: d.draws,
          })}
          testId="sample-design"
        />
      </SimpleGrid>
      {s.fullCount && (
        <Alert color="grape" data-testid="sample-full-count-chosen">
          {t('samplePanel.fullCountChosen')}
        </Alert>
      )}
      {r && !s.fullCount && <Verdict r={r} fmt={fmt} t={t} />}
      {!r && !s.fullCount && (
        <Text size="sm" c="dimmed">
          {t('samplePanel.countThenEstimate', { count: s.positions.complete + s.positions.drawn })}
        </Text>
      )}
      <StrataTable s={s} fmt={fmt} t={t} />
    </Stack>
  );
}

function signedDiff(a: string, b: string): string {
  // Exact: both are decimal strings with at most two decimals (the estimate is rounded to cents).
  const cents = (v: string) => {
    const [i = '0', f = ''] = v.replace('-', '').split('.');
    const n = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
    return v.startsWith('-') ? -n : n;
  };
  const d = cents(a) - cents(b);
  const abs = d < 0n ? -d : d;
  return `${d < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function Verdict({ r, fmt, t }: { r: Estimate; fmt: Format; t: TFunction }) {
  const v = r.verdict;
  const offer = v.offer;
  return (
    <Alert color={v.passes ? 'green' : 'orange'} title={v.passes ? t('samplePanel.passes') : t('samplePanel.fails')}>
      <Stack gap={4}>
        {v.passes && (
          <Text size="sm" data-testid="sample-next">
            {t('samplePanel.passedNext')}
          </Text>
        )}
        {v.reasons.length > 0 && (
          <List size="sm" data-testid="sample-reasons">
            {v.reasons.map((x) => (
              <List.Item key={x.code}>{reasonText(t, fmt, x)}</List.Item>
            ))}
          </List>
        )}
        {offer?.kind === 'extend' && (
          <Text size="sm" fw={500} data-testid="sample-offer">
            {t('samplePanel.offerExtend', { n: fmt.integer(offer.n) })}
          </Text>
        )}
        {offer?.kind === 'full_count' && (
          <Text size="sm" fw={500} data-testid="sample-offer">
            {t('samplePanel.offerFullCount')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function StrataTable({ s, fmt, t }: { s: SampleView; fmt: Format; t: TFunction }) {
  const d = s.design!;
  const r = s.result;
  const num = { style: { textAlign: 'right' as const } };
  return (
    <Table striped withTableBorder fz="sm" data-testid="sample-strata">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('samplePanel.col.stratum')}</Table.Th>
          <Table.Th>{t('samplePanel.col.range')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.population')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.book')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.sample')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.bookMean')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.countedMean')}</Table.Th>
          <Table.Th {...num}>{t('samplePanel.col.estimate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr data-testid="sample-stratum-complete">
          <Table.Td>{t('samplePanel.completeLayer')}</Table.Td>
          <Table.Td />
          <Table.Td {...num}>{fmt.integer(d.completeLayer.count)}</Table.Td>
          <Table.Td {...num}>{fmt.money(d.completeLayer.bookTotal)}</Table.Td>
          <Table.Td {...num}>{fmt.integer(d.completeLayer.count)}</Table.Td>
          <Table.Td />
          <Table.Td />
          <Table.Td {...num}>{r ? fmt.money(r.completeLayer.countedTotal) : ''}</Table.Td>
        </Table.Tr>
        {d.strata.map((st, h) => {
          const e = r?.strata[h];
          return (
            <Table.Tr key={st.index} data-testid={`sample-stratum-${st.index}`}>
              <Table.Td>{st.index}</Table.Td>
              <Table.Td>
                {fmt.money(st.minBookValue)} – {fmt.money(st.maxBookValue)}
              </Table.Td>
              <Table.Td {...num}>{fmt.integer(st.populationCount)}</Table.Td>
              <Table.Td {...num}>{fmt.money(st.bookTotal)}</Table.Td>
              <Table.Td {...num}>{fmt.integer(st.sampleSize)}</Table.Td>
              <Table.Td {...num}>{e ? fmt.money(e.sampleBookMean) : ''}</Table.Td>
              <Table.Td {...num}>{e ? fmt.money(e.sampleCountedMean) : ''}</Table.Td>
              <Table.Td {...num}>{e ? fmt.money(e.estimate) : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('samplePanel.total')}</Table.Th>
          <Table.Th />
          <Table.Th {...num}>{fmt.integer(d.population.count)}</Table.Th>
          <Table.Th {...num}>{fmt.money(d.population.bookTotal)}</Table.Th>
          <Table.Th {...num}>{fmt.integer(d.completeLayer.count + d.sampleSize)}</Table.Th>
          <Table.Th />
          <Table.Th />
          <Table.Th {...num}>{r ? fmt.money(r.estimate) : ''}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
