// Bins in bulk: a structured zone and a range per element of its organisation (aisle × row × level × place),
// counted as you type, previewed by the server's dry run (bins to create, already existing, first, last and a
// sample of the codes it derives), then created in ONE request — one transaction — with a busy state and the
// result (created, existing kept). More than 100,000 bins are refused here as the server refuses them.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { Zone } from '../../api/models';
import { applyServerError } from '../../components/form';
import { useFormat } from '../../components/format';
import {
  MAX_BULK_BINS,
  ORGANISATION_ELEMENTS,
  RANGE_ALIASES,
  checkBulk,
  emptyRanges,
  isRequired,
  type Ranges,
} from './binRanges';
import { BELOW, codeNameOptions, useRefresh, useWarehousesPicker, useZonesPicker } from './shared';

export interface BulkResult {
  requested: number;
  created: number;
  skipped: number;
  firstCode: string;
  lastCode: string;
  sample?: string[];
}
interface Values {
  warehouseId: string | null;
  zoneId: string | null;
  ranges: Ranges;
  skipExisting: boolean;
}

export function BinRangeDialog({
  defaultWarehouseId,
  defaultZoneId,
  onClose,
}: {
  defaultWarehouseId: string | null;
  defaultZoneId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const refresh = useRefresh();
  const warehouses = useWarehousesPicker({ kind: 'structured' });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      warehouseId: defaultWarehouseId,
      zoneId: defaultZoneId,
      ranges: emptyRanges(),
      skipExisting: false,
    },
  });
  const v = form.values;
  const zones = useZonesPicker(v.warehouseId, { structured: 'true' });
  const zone: Zone | undefined = zones.data?.find((z) => z.id === v.zoneId);
  const check = zone ? checkBulk(zone.organisation, v.ranges) : null;
  const request = zone && check ? { zoneId: zone.id, ranges: check.body, skipExisting: v.skipExisting } : null;
  const requestKey = JSON.stringify(request);
  const [previewed, setPreviewed] = useState<{ key: string; result: BulkResult } | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const preview = previewed?.key === requestKey ? previewed.result : null;

  /** Client checks first (shown on the fields); true when the request may go to the server. */
  const validate = (): boolean => {
    form.clearErrors();
    if (!v.warehouseId) form.setFieldError('warehouseId', t('form.required'));
    if (!v.zoneId) form.setFieldError('zoneId', t('form.required'));
    if (!check) return false;
    for (const [path, p] of Object.entries(check.errors)) {
      const params = Object.fromEntries(
        Object.entries(p.params ?? {}).map(([k, x]) => [k, typeof x === 'number' ? f.quantity(String(x)) : x]),
      );
      form.setFieldError(path, t(p.key, params));
    }
    return Object.keys(check.errors).length === 0;
  };
  const onError = (e: unknown) => {
    // Existing bins refuse the whole range: name a few and point at the option that keeps them.
    const existing = e instanceof ApiError && e.code === 'conflict.duplicate' ? e.params?.existing : undefined;
    if (Array.isArray(existing) && existing.length > 0) {
      form.setFieldError(
        'skipExisting',
        t('placesUi.bulk.existingRefused', { codes: existing.join(', ') + (existing.length >= 5 ? ', …' : '') }),
      );
      return;
    }
    setGeneral(applyServerError(form, t, e, RANGE_ALIASES));
  };
  const dry = useMutation({
    mutationFn: (key: string) =>
      api.post<BulkResult>('/api/bins/range', { ...request, dryRun: true }).then((result) => ({ key, result })),
    onSuccess: setPreviewed,
    onError,
  });
  const create = useMutation({
    mutationFn: () => api.post<BulkResult>('/api/bins/range', request),
    onSuccess: () => refresh('/api/bins'),
    onError,
  });
  const run = (what: 'preview' | 'create') => {
    setGeneral(null);
    if (!validate()) return;
    if (what === 'preview') dry.mutate(requestKey);
    else create.mutate();
  };
  const busy = create.isPending;
  const done = create.data;

  const rangeRow = (name: (typeof ORGANISATION_ELEMENTS)['high_bay'][number]) => (
    <Table.Tr key={name}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {t(`places.${name}`)}
          {isRequired(name) ? ' *' : ''}
        </Text>
        {!isRequired(name) && (
          <Text size="xs" c="dimmed">
            {t('placesUi.range.optional')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          maxLength={10}
          disabled={busy || !!done}
          aria-label={`${t(`places.${name}`)} ${t('placesUi.range.from')}`}
          {...form.getInputProps(`ranges.${name}.from`)}
          data-testid={`range-${name}-from`}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          maxLength={10}
          disabled={busy || !!done}
          aria-label={`${t(`places.${name}`)} ${t('placesUi.range.to')}`}
          {...form.getInputProps(`ranges.${name}.to`)}
          data-testid={`range-${name}-to`}
        />
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      size="xl"
      title={t('placesUi.bulk.title')}
    >
      <Stack gap="sm" data-testid="bin-range-dialog" data-busy={busy ? 'true' : 'false'}>
        <SimpleGrid cols={2}>
          <Select
            allowDeselect={false}
            inputWrapperOrder={BELOW}
            label={t('placesUi.warehouseCol')}
            withAsterisk
            searchable
            data={codeNameOptions(warehouses.data)}
            disabled={busy || !!done}
            {...form.getInputProps('warehouseId')}
            onChange={(x) => {
              form.setFieldValue('warehouseId', x);
              form.setFieldValue('zoneId', null);
            }}
            data-testid="range-warehouse"
          />
          <Select
            allowDeselect={false}
            inputWrapperOrder={BELOW}
            label={t('placesUi.zoneCol')}
            withAsterisk
            searchable
            data={codeNameOptions(zones.data)}
            disabled={busy || !!done || !v.warehouseId}
            description={t('placesUi.bulk.structuredOnly')}
            nothingFoundMessage={t('placesUi.bulk.noStructuredZone')}
            {...form.getInputProps('zoneId')}
            data-testid="range-zone"
          />
        </SimpleGrid>
        {zone && (
          <>
            <Text size="sm" c="dimmed">
              {t(`placesUi.organisationHelp.${zone.organisation}`)} · {t('placesUi.range.help')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={4} style={{ maxWidth: 560 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('placesUi.range.from')}</Table.Th>
                  <Table.Th>{t('placesUi.range.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{ORGANISATION_ELEMENTS[zone.organisation].map(rangeRow)}</Table.Tbody>
            </Table>
            <Checkbox
              label={t('placesUi.bulk.skipExisting')}
              description={t('placesUi.bulk.skipExistingHelp')}
              disabled={busy || !!done}
              {...form.getInputProps('skipExisting', { type: 'checkbox' })}
              data-testid="range-skip-existing"
            />
            {check && check.total !== null && (
              <Text size="sm" data-testid="range-count" data-count={check.total} c={check.tooMany ? 'red' : undefined}>
                {check.tooMany
                  ? t('placesUi.range.tooMany', { max: f.quantity(String(MAX_BULK_BINS)) })
                  : t('placesUi.bulk.count', {
                      count: check.total,
                      n: f.quantity(String(check.total)),
                      first: check.first,
                      last: check.last,
                    })}
              </Text>
            )}
          </>
        )}
        {preview && !done && (
          <Paper
            withBorder
            p="sm"
            data-testid="range-preview"
            data-requested={preview.requested}
            data-created={preview.created}
          >
            <Text fw={600} size="sm">
              {t('placesUi.bulk.previewTitle')}
            </Text>
            <Text size="sm">
              {t('placesUi.bulk.previewLine', {
                n: f.quantity(String(preview.created)),
                first: preview.firstCode,
                last: preview.lastCode,
              })}
            </Text>
            {preview.skipped > 0 && (
              <Text size="sm" c="orange">
                {t('placesUi.bulk.previewExisting', { n: f.quantity(String(preview.skipped)) })}
              </Text>
            )}
            <Group gap={4} mt="xs" data-testid="range-sample">
              {(preview.sample ?? []).map((c, i, a) => (
                <Group key={c} gap={4}>
                  <Badge variant="light" tt="none" className="mono">
                    {c}
                  </Badge>
                  {i < a.length - 1 && (
                    <Text size="xs" c="dimmed">
                      …
                    </Text>
                  )}
                </Group>
              ))}
            </Group>
          </Paper>
        )}
        {busy && (
          <Stack gap={4} data-testid="range-busy">
            <Text size="sm">
              {t('placesUi.bulk.creating', { n: f.quantity(String(preview?.created ?? check?.total ?? 0)) })}
            </Text>
            <Progress value={100} striped animated />
          </Stack>
        )}
        {done && (
          <Alert color="green" data-testid="range-result" data-created={done.created} data-skipped={done.skipped}>
            {t('placesUi.bulk.result', {
              created: f.quantity(String(done.created)),
              skipped: f.quantity(String(done.skipped)),
              first: done.firstCode,
              last: done.lastCode,
            })}
          </Alert>
        )}
        {general && (
          <Alert color="red" data-testid="range-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          {done ? (
            <Button onClick={onClose} data-testid="range-close">
              {t('common.done')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button
                variant="light"
                onClick={() => run('preview')}
                loading={dry.isPending}
                disabled={busy || !zone}
                data-testid="range-preview-button"
              >
                {t('placesUi.bulk.preview')}
              </Button>
              <Button
                onClick={() => run('create')}
                loading={busy}
                disabled={!preview || preview.created === 0}
                data-testid="range-create"
              >
                {preview
                  ? t('placesUi.bulk.createN', { n: f.quantity(String(preview.created)) })
                  : t('placesUi.bulk.create')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
