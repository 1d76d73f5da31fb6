// Live progress of a background job (opening, closing, generation): polls GET /api/jobs/:id until it ends.
import { useEffect } from 'react';
import { Alert, Group, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Job } from '../../api/models';

export function JobProgress({ jobId, onDone }: { jobId: string; onDone: (job: Job) => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<Job>(`/api/jobs/${jobId}`),
    refetchInterval: (query) => (query.state.data && ['succeeded', 'failed'].includes(query.state.data.status) ? false : 500),
  });
  const job = q.data;
  const finished = job && ['succeeded', 'failed'].includes(job.status);
  useEffect(() => {
    if (job && finished) onDone(job);
  }, [finished]);
  if (!job) return null;
  const pct = job.total > 0 ? Math.round((job.progress / job.total) * 100) : finished ? 100 : 5;
  return (
    <Alert color={job.status === 'failed' ? 'red' : job.status === 'succeeded' ? 'green' : 'blue'} data-testid="job-progress" data-status={job.status}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>{t(`job.${job.kind}`, { defaultValue: job.kind })}: {t(`jobStatus.${job.status}`)}</Text>
        <Text size="sm">{job.total > 0 ? `${job.progress} / ${job.total}` : ''}</Text>
      </Group>
      <Progress value={pct} animated={!finished} />
      {job.error?.message && <Text size="sm" mt={4}>{job.error.message}</Text>}
    </Alert>
  );
}
