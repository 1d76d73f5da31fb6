// GS1 company prefix and the counters of generated EAN-13 / EAN-8 codes: "Generate EAN-13" in New item takes
// prefix + next item reference + check digit and stores it as a search code. The prefix is the one GS1 assigned
// to the company; the item reference fills the digits it leaves.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { client, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { notifyOk } from '../../components/errors';
import { applyServerError, rules } from '../../components/form';
import { nextEan, referenceDigits } from './gtin';

type Setting = ResponseOf<'/api/item-master/barcode-settings', 'get'>['items'][number];
type Kind = Setting['kind'];
export const BARCODE_SETTINGS_KEY = ['/api/item-master/barcode-settings'];

export function useBarcodeSettings(enabled = true) {
  return useQuery({
    queryKey: BARCODE_SETTINGS_KEY,
    enabled,
    queryFn: () => unwrap(client.GET('/api/item-master/barcode-settings')),
  });
}

export interface Gs1Form {
  companyPrefix: string;
  nextValue: string;
}

/** EAN-13 leaves 12 digits before the check digit, EAN-8 seven: the prefix must leave at least one for the item. */
export function gs1Validate(t: TFunction, kind: Kind) {
  const max = kind === 'ean8' ? 6 : 11;
  return {
    companyPrefix: (v: string) =>
      rules.required(t)(v) ??
      (/^\d{2,}$/.test(v.trim()) && v.trim().length <= max ? null : t('itemSettings.gs1.prefixRule', { max })),
    nextValue: (v: string, f: Gs1Form) => {
      const s = v.trim();
      if (!/^[1-9]\d*$/.test(s)) return t('itemSettings.hint.counter');
      const width = referenceDigits(kind, f.companyPrefix.trim());
      return s.length > width ? t('itemSettings.gs1.counterTooWide', { width }) : null;
    },
  };
}

export function Gs1Settings() {
  const settings = useBarcodeSettings();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} maw={1100}>
      {(['ean13', 'ean8'] as const).map((k) => (
        <Gs1Card
          key={k}
          kind={k}
          current={settings.data?.items.find((s) => s.kind === k) ?? null}
          loaded={!!settings.data}
        />
      ))}
    </SimpleGrid>
  );
}

function Gs1Card({ kind, current, loaded }: { kind: Kind; current: Setting | null; loaded: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Gs1Form>({
    initialValues: { companyPrefix: '', nextValue: '1' },
    validate: gs1Validate(t, kind),
  });
  useEffect(() => {
    if (current) form.setValues({ companyPrefix: current.companyPrefix, nextValue: current.nextValue });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.companyPrefix, current?.nextValue]);
  const save = useMutation({
    mutationFn: (f: Gs1Form) =>
      unwrap(
        client.PUT('/api/item-master/barcode-settings/{kind}', {
          params: { path: { kind } },
          body: { companyPrefix: f.companyPrefix.trim(), nextValue: f.nextValue.trim() },
        }),
      ),
    onMutate: () => setGeneral(null),
    onSuccess: () => {
      notifyOk(t('common.saved'));
      void qc.invalidateQueries({ queryKey: BARCODE_SETTINGS_KEY });
    },
    onError: (e) => setGeneral(applyServerError(form, t, e)),
  });
  const v = form.getValues();
  const preview = nextEan(kind, v.companyPrefix.trim(), v.nextValue.trim());
  const lowered = current && /^\d+$/.test(v.nextValue.trim()) && BigInt(v.nextValue.trim()) < BigInt(current.nextValue);
  const name = kind === 'ean13' ? 'EAN-13' : 'EAN-8';
  return (
    <Card withBorder data-testid={`gs1-${kind}`}>
      <form onSubmit={form.onSubmit((f) => save.mutate(f))} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={5}>{name}</Title>
            {loaded &&
              (current ? (
                <Badge color="green">{t('itemSettings.gs1.configured')}</Badge>
              ) : (
                <Badge color="gray">{t('itemSettings.gs1.notConfigured')}</Badge>
              ))}
          </Group>
          <TextInput
            label={t('itemSettings.gs1.companyPrefix')}
            description={t(`itemSettings.gs1.prefixHelp_${kind}`)}
            required
            inputMode="numeric"
            {...form.getInputProps('companyPrefix')}
            data-testid={`gs1-${kind}-prefix`}
          />
          <TextInput
            label={t('itemSettings.gs1.nextValue')}
            description={t('itemSettings.gs1.nextValueHelp', { width: referenceDigits(kind, v.companyPrefix.trim()) })}
            required
            inputMode="numeric"
            {...form.getInputProps('nextValue')}
            data-testid={`gs1-${kind}-next`}
          />
          <Text size="sm">
            {t('itemSettings.gs1.preview')}:{' '}
            <span className="mono" data-testid={`gs1-${kind}-preview`}>
              {preview ?? '—'}
            </span>
          </Text>
          {lowered && <Alert color="yellow">{t('itemSettings.gs1.lowered', { current: current.nextValue })}</Alert>}
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid={`gs1-${kind}-save`}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
