// An inventory's generation that runs as a job or stopped part-way (the count-list page's `generation`):
// while it runs, lines written of lines planned; once a chunk failed, the reason and how to continue. The
// lists it wrote so far show as partially generated in the table below.
import { Alert, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { useFormat } from '../../components/format';

type ListPage = ResponseOf<'/api/inventories/{id}/count-lists', 'get'>;

/** `refresh`: changes when the page starts a job, so the state is read again (and followed while it runs). */
export function GenerationRunAlert({ inventoryId, refresh = 0 }: { inventoryId: string; refresh?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['generation-run', inventoryId, refresh],
    queryFn: async () => {
      const page = await api.get<ListPage>(`/api/inventories/${inventoryId}/count-lists`, { limit: 1 });
      return page.generation ?? null;
    },
    // Poll while a job writes the lists; stop once it failed or is gone.
    refetchInterval: (query) => {
      const g = query.state.data;
      return g && g.status !== 'failed' ? 1000 : false;
    },
  });
  const g = q.data;
  if (!g) return null;
  const values = { done: fmt.integer(g.positionsDone), total: fmt.integer(g.positions) };
  const pct = g.positions > 0 ? Math.round((g.positionsDone / g.positions) * 100) : 0;
  if (g.status === 'failed')
    return (
      <Alert color="orange" data-testid="generation-unfinished">
        <Text size="sm">{t('gen.unfinished', { ...values, reason: g.reason ?? '' })}</Text>
        <Progress value={pct} color="orange" mt={6} />
      </Alert>
    );
  return (
    <Alert color="blue" data-testid="generation-running">
      <Text size="sm">{t('gen.running', values)}</Text>
      <Progress value={pct} animated mt={6} />
    </Alert>
  );
}
