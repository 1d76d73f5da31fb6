// The handheld page (/scan): phone-sized, one hand. First the counter picks one of their open count lists,
// then counts on it (CountScreen). Installable as a PWA; works offline with the outbox.
import { useState } from 'react';
import { Badge, Box, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconChevronRight, IconCloudOff, IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import { useSession } from '../features/auth/session';
import { errorText } from '../components/errors';
import { handheld, type HandheldList } from './handheldApi';
import { CountScreen } from './CountScreen';
import { useOutbox } from './useOutbox';
import { UserMenu } from './UserMenu';

/** "W1 · RACK, FLOOR · 01-01 … 01-09": the warehouse, zones and bin range a list covers. */
function placesOf(l: HandheldList): string {
  const bins = l.firstBin ? (l.lastBin && l.lastBin !== l.firstBin ? `${l.firstBin} … ${l.lastBin}` : l.firstBin) : '';
  return [l.warehouseCode ?? '', (l.zones ?? []).join(', '), bins].filter(Boolean).join(' · ');
}

export default function ScanPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const listId = params.get('list');
  const [filter, setFilter] = useState('');
  const outbox = useOutbox((o) => {
    if (o.sent > 0) notifications.show({ color: 'green', message: t('scan.synced', { count: o.sent }) });
    if (o.failed > 0) notifications.show({ color: 'red', message: t('scan.syncFailed', { count: o.failed }) });
  });

  // Progress changes as the counter (and others) report: read again on return to the picker and every 30 s.
  const lists = useQuery({
    queryKey: ['handheld-lists'],
    queryFn: handheld.lists,
    networkMode: 'always',
    refetchOnMount: 'always',
    refetchInterval: listId ? false : 30_000,
  });
  const list = lists.data?.find((l) => l.id === listId);

  const header = (
    <Group justify="space-between" px="sm" py={8} bg="blue.9" c="white" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        {user?.role !== 'counter' && (
          <Button component={Link} to="/" size="compact-sm" variant="subtle" c="white" aria-label={t('nav.backOffice')}>
            <IconHome size={18} />
          </Button>
        )}
        <Text fw={700}>{list ? `${t('scan.list')} ${list.number}` : t('scan.title')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {!outbox.online && (
          <Badge color="orange" leftSection={<IconCloudOff size={12} />} data-testid="offline-badge">
            {t('scan.offline')}
          </Badge>
        )}
        <Badge
          color={outbox.waiting ? 'yellow' : 'gray'}
          variant={outbox.waiting ? 'filled' : 'light'}
          data-testid="queue-count"
        >
          {t('scan.waiting', { count: outbox.waiting })}
        </Badge>
        <UserMenu waiting={outbox.waiting} />
      </Group>
    </Group>
  );

  if (list) {
    return (
      <Box maw={560} mx="auto" mih="100vh" bg="white">
        {header}
        <CountScreen
          list={list}
          outbox={outbox}
          onLeave={() => {
            setParams({});
            void lists.refetch();
          }}
        />
      </Box>
    );
  }

  const shown = (lists.data ?? []).filter((l: HandheldList) => {
    const f = filter.trim().toLowerCase();
    return (
      !f ||
      l.number.toLowerCase().includes(f) ||
      l.inventoryNumber.toLowerCase().includes(f) ||
      l.name.toLowerCase().includes(f)
    );
  });
  return (
    <Box maw={560} mx="auto" mih="100vh" bg="white">
      {header}
      <Stack p="sm" gap="sm">
        <Title order={3}>{t('scan.myLists')}</Title>
        <TextInput
          size="lg"
          placeholder={t('scan.searchInventory')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        {lists.isPending && <Loader />}
        {lists.error && <Text c="red">{errorText(t, lists.error)}</Text>}
        {lists.data && shown.length === 0 && <Text c="dimmed">{t('scan.noLists')}</Text>}
        {shown.map((l) => (
          <Card
            key={l.id}
            withBorder
            padding="md"
            component="button"
            onClick={() => setParams({ list: l.id })}
            style={{ textAlign: 'left', cursor: 'pointer', minHeight: 72 }}
            data-testid={`list-${l.number}`}
          >
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={700} size="lg">
                  {l.number}{' '}
                  {l.name && (
                    <Text span c="dimmed" size="md">
                      · {l.name}
                    </Text>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('scan.inventory')} {l.inventoryNumber} ·{' '}
                  {t(`countType.${l.countType}`, { defaultValue: l.countType })}
                  {l.itemCount !== undefined && ` · ${l.reportedCount ?? 0}/${l.itemCount}`}
                </Text>
                <Text size="sm" data-testid={`list-places-${l.number}`}>
                  {placesOf(l)}
                </Text>
              </div>
              <IconChevronRight />
            </Group>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
