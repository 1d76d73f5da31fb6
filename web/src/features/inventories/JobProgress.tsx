// Live progress of a background job (opening, closing lists; closing the inventory): polls GET /api/jobs/:id
// until it ends, then shows the per-list outcomes — a job "succeeds" even when single lists could not be
// opened or closed, and the manager must see which and why.
import { useEffect } from 'react';
import { Alert, Group, List, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Job } from '../../api/models';
import { codeText } from '../../components/errors';
import { useFormat } from '../../components/format';

interface ListOutcome {
  countListId: string;
  countListNumber?: string;
  status: string;
  reason?: string;
  error?: { code?: string; message?: string; params?: Record<string, unknown> };
}
const FAILED = new Set(['failed', 'opening_failed', 'refused', 'not_found']);

/** The per-list outcomes in a job result ({lists: […]} or the array itself). */
export function listOutcomes(result: unknown): ListOutcome[] {
  const lists = Array.isArray(result) ? result : (result as { lists?: unknown } | null | undefined)?.lists;
  return Array.isArray(lists)
    ? (lists as ListOutcome[]).filter((x) => x && typeof x === 'object' && 'status' in x)
    : [];
}

export function JobProgress({ jobId, onDone }: { jobId: string; onDone: (job: Job) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<Job>(`/api/jobs/${jobId}`),
    refetchInterval: (query) =>
      query.state.data && ['succeeded', 'failed'].includes(query.state.data.status) ? false : 500,
  });
  const job = q.data;
  const finished = job && ['succeeded', 'failed'].includes(job.status);
  useEffect(() => {
    if (job && finished) onDone(job);
  }, [finished]);
  if (!job) return null;
  const pct = job.total > 0 ? Math.round((job.progress / job.total) * 100) : finished ? 100 : 5;
  const failed = listOutcomes(job.result).filter((o) => FAILED.has(o.status));
  const color =
    job.status === 'failed' ? 'red' : job.status === 'succeeded' ? (failed.length ? 'orange' : 'green') : 'blue';
  return (
    <Alert color={color} data-testid="job-progress" data-status={job.status} data-failed-lists={failed.length}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t(`job.${job.kind}`, { defaultValue: job.kind })}: {t(`jobStatus.${job.status}`)}
        </Text>
        <Text size="sm">{job.total > 0 ? `${fmt.integer(job.progress)} / ${fmt.integer(job.total)}` : ''}</Text>
      </Group>
      <Progress value={pct} animated={!finished} color={color} />
      {job.error && (job.error.code || job.error.message) && (
        <Text size="sm" mt={4}>
          {codeText(t, job.error)}
        </Text>
      )}
      {failed.length > 0 && (
        <>
          <Text size="sm" mt={6} fw={600}>
            {t('job.listsFailed', { count: failed.length })}
          </Text>
          <List size="sm" data-testid="job-failures">
            {failed.map((o) => (
              <List.Item key={o.countListId}>
                <b>{o.countListNumber ?? o.countListId}</b>:{' '}
                {o.error
                  ? codeText(t, o.error)
                  : (o.reason ?? t(`clStatus.${o.status}`, { defaultValue: t('jobStatus.failed') }))}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
