// The posting error file: transactions parked (e.g. stock locked by an open count list), with their reason.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText, notifyError, notifyOk } from '../../components/errors';

type Row = Record<string, string | number | null | undefined>;
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export default function PostingErrorsPage() {
  const { t } = useTranslation();
  const list = usePaged<Row>('/api/posting-errors');
  const retry = useMutation({
    mutationFn: () => api.post('/api/posting-errors/reprocess', {}),
    onSuccess: () => { notifyOk(t('postingErrors.reprocessed')); void list.refetch(); },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.postingErrors')}</Title>
        <Button size="xs" onClick={() => retry.mutate()} loading={retry.isPending}>{t('postingErrors.reprocess')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('postingErrors.help')}</Text>
      {list.error ? <Alert color="red">{errorText(t, list.error)}</Alert> : (
        <VirtualTable rows={list.rows} rowKey={(r) => cell(r.id)} loading={list.loading} onEndReached={list.more} columns={[
          { key: 'at', header: t('stock.postedAt'), width: 170, render: (r) => cell(r.createdAt).replace('T', ' ').slice(0, 19) },
          { key: 'key', header: t('stock.key'), width: 90, render: (r) => cell(r.transactionKey) },
          { key: 'item', header: t('items.code'), width: 140, render: (r) => cell(r.itemCode) },
          { key: 'qty', header: t('stock.quantity'), width: 100, align: 'right', render: (r) => cell(r.quantity) },
          { key: 'reason', header: t('postingErrors.reason'), grow: 1, width: 240, render: (r) => cell(r.reasonMessage ?? r.reason ?? r.reasonCode) },
          { key: 'status', header: t('common.status'), width: 110, render: (r) => cell(r.status) },
        ]} />
      )}
    </Stack>
  );
}
