// Accounting periods: postings are dated into an open period; closing one freezes stock at its end date.
// Closing is refused while the posting error file holds postings, or while an earlier period is open; the
// reason is shown translated on the row.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { applyServerError, rules } from '../../components/form';
import { errorText, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { CODE20 } from './ClassificationsSection';
import { FormError, SectionHeader, useIsAdmin } from './shared';

export type Period = ResponseOf<'/api/periods', 'post'>;

export default function PeriodsSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const canWrite = useIsAdmin();
  const [year, setYear] = useState<string | null>(null);
  const periods = useQuery({
    queryKey: ['/api/periods', year],
    queryFn: () => api.get<{ items: Period[] }>('/api/periods', { fiscalYear: year ?? undefined }),
  });
  const all = useQuery({
    queryKey: ['/api/periods', 'years'],
    queryFn: () => api.get<{ items: Period[] }>('/api/periods'),
  });
  const years = useMemo(
    () => [...new Set((all.data?.items ?? []).map((p) => String(p.fiscalYear)))].sort().reverse(),
    [all.data],
  );
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Period | null>(null);
  const [refusal, setRefusal] = useState<{ code: string; text: string; pending: boolean } | null>(null);
  const close = useMutation({
    mutationFn: (p: Period) => api.post<Period>(`/api/periods/${p.id}/close`),
    onMutate: () => setRefusal(null),
    onSuccess: (p) => {
      notifyOk(t('settings.periods.closed', { code: p.code }));
      setClosing(null);
      void qc.invalidateQueries({ queryKey: ['/api/periods'] });
    },
    onError: (e, p) => {
      setClosing(null);
      setRefusal({
        code: p.code,
        text: errorText(t, e),
        pending: e instanceof ApiError && e.code === 'ledger.posting_error_file_not_empty',
      });
    },
  });
  return (
    <Stack>
      <SectionHeader
        testId="periods"
        title={t('nav.periods')}
        help={t('settings.periods.help')}
        onNew={() => setCreating(true)}
        newLabel={t('settings.periods.new')}
        canWrite={canWrite}
      >
        <Select
          size="xs"
          w={150}
          clearable
          placeholder={t('settings.periods.allYears')}
          value={year}
          onChange={setYear}
          data={years}
          aria-label={t('settings.periods.fiscalYear')}
          data-testid="periods-year"
        />
      </SectionHeader>
      {refusal && (
        <Alert
          color="red"
          withCloseButton
          onClose={() => setRefusal(null)}
          title={t('settings.periods.closeRefused', { code: refusal.code })}
          data-testid="period-close-error"
        >
          <Stack gap={4}>
            <Text size="sm">{refusal.text}</Text>
            {refusal.pending && <Link to="/posting-errors">{t('settings.periods.toPostingErrors')}</Link>}
          </Stack>
        </Alert>
      )}
      {periods.error && <Alert color="red">{errorText(t, periods.error)}</Alert>}
      <VirtualTable
        rows={periods.data?.items ?? []}
        rowKey={(p) => p.id}
        loading={periods.isPending}
        testId="periods-table"
        columns={[
          { key: 'year', header: t('settings.periods.fiscalYear'), width: 110, render: (p) => p.fiscalYear },
          {
            key: 'code',
            header: t('common.code'),
            width: 140,
            render: (p) => (
              <span className="mono" data-testid={`period-${p.code}`}>
                {p.code}
              </span>
            ),
          },
          { key: 'from', header: t('settings.periods.startDate'), width: 140, render: (p) => f.date(p.startDate) },
          { key: 'to', header: t('settings.periods.endDate'), width: 140, render: (p) => f.date(p.endDate) },
          {
            key: 'status',
            header: t('common.status'),
            width: 110,
            render: (p) => (
              <Badge size="sm" color={p.status === 'open' ? 'green' : 'gray'}>
                {t(`settings.periods.status.${p.status}`)}
              </Badge>
            ),
          },
          {
            key: 'closedAt',
            header: t('settings.periods.closedAt'),
            grow: 1,
            width: 160,
            render: (p) => f.dateTime(p.closedAt),
          },
          {
            key: 'actions',
            header: '',
            width: 120,
            render: (p) =>
              p.status === 'open' && canWrite ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setClosing(p)}
                  data-testid={`period-close-${p.code}`}
                >
                  {t('settings.periods.close')}
                </Button>
              ) : null,
          },
        ]}
      />
      {creating && <PeriodForm onClose={() => setCreating(false)} />}
      {closing && (
        <Modal opened onClose={() => setClosing(null)} title={t('settings.periods.closeTitle', { code: closing.code })}>
          <Stack>
            <Text size="sm">{t('settings.periods.closeHelp', { end: f.date(closing.endDate) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setClosing(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={close.isPending}
                onClick={() => close.mutate(closing)}
                data-testid="period-close-confirm"
              >
                {t('settings.periods.close')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

interface Values {
  fiscalYear: number | string;
  code: string;
  startDate: string | null;
  endDate: string | null;
}

/** `Date | string | null` from the date input as `yyyy-mm-dd`. */
function isoOf(v: unknown): string | null {
  if (!v) return null;
  if (v instanceof Date)
    return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}

export function PeriodForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const form = useForm<Values>({
    initialValues: { fiscalYear: thisYear, code: '', startDate: null, endDate: null },
    validate: {
      fiscalYear: (v) =>
        v === '' || !Number.isInteger(Number(v)) || Number(v) < 1900 || Number(v) > 2999
          ? t('settings.periods.yearRange')
          : null,
      code: rules.all(rules.required(t), rules.pattern(t, CODE20, t('settings.code20Hint'))),
      startDate: rules.required(t),
      endDate: (v, all) => {
        if (!v) return t('form.required');
        const s = isoOf(all.startDate),
          e = isoOf(v);
        return s && e && e < s ? t('settings.periods.endBeforeStart') : null;
      },
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Period>('/api/periods', {
        fiscalYear: Number(v.fiscalYear),
        code: v.code.trim(),
        startDate: isoOf(v.startDate),
        endDate: isoOf(v.endDate),
      }),
    onMutate: () => setAlert(null),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['/api/periods'] });
      notifyOk(t('settings.savedCode', { code: p.code }));
      onClose();
    },
    onError: (e) => setAlert(applyServerError(form, t, e)),
  });
  const fillYear = () => {
    const y = Number(form.values.fiscalYear);
    if (!Number.isInteger(y)) return;
    form.setValues({ code: form.values.code || `FY${y}`, startDate: `${y}-01-01`, endDate: `${y}-12-31` });
  };
  return (
    <Modal opened onClose={onClose} title={t('settings.periods.new')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="period-form" noValidate>
        <Stack>
          <Group align="flex-end" grow>
            <NumberInput
              label={t('settings.periods.fiscalYear')}
              withAsterisk
              min={1900}
              max={2999}
              allowDecimal={false}
              thousandSeparator=""
              {...form.getInputProps('fiscalYear')}
              data-testid="period-year"
            />
            <Button variant="light" onClick={fillYear} data-testid="period-whole-year">
              {t('settings.periods.wholeYear')}
            </Button>
          </Group>
          <TextInput
            label={t('common.code')}
            withAsterisk
            description={t('settings.periods.codeHelp')}
            {...form.getInputProps('code')}
            data-testid="period-code"
          />
          <Group grow align="flex-start">
            <DateInput
              label={t('settings.periods.startDate')}
              withAsterisk
              valueFormat="L"
              {...form.getInputProps('startDate')}
              data-testid="period-start"
            />
            <DateInput
              label={t('settings.periods.endDate')}
              withAsterisk
              valueFormat="L"
              {...form.getInputProps('endDate')}
              data-testid="period-end"
            />
          </Group>
          <FormError text={alert} testId="period-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="period-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
