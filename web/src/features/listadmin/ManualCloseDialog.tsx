// Closes the selected count lists manually (POST /api/count-lists/{id}/manual-close per list): nothing is
// posted, the reason stays on the list, its stock locks are released. A reason is required (as the request
// schema says: 1–500 characters after trimming), and the manager confirms before anything happens. Each list
// is its own transaction on the server; the lists it refuses (e.g. already closed) are named with the
// translated reason, and the others are closed.
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, unwrap, ApiError } from '../../api/client';
import { applyServerError, rules } from '../../components/form';
import { errorText } from '../../components/errors';

export const REASON_MAX = 500;

interface Failure {
  id: string;
  number: string;
  text: string;
}

export function ManualCloseDialog({
  lists,
  opened,
  onClose,
  onDone,
}: {
  lists: Array<{ id: string; number: string }>;
  opened: boolean;
  onClose: () => void;
  onDone: (closed: number) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: rules.all(rules.required(t), (v) => rules.maxLength(t, REASON_MAX)(String(v ?? '').trim())) },
  });
  const run = useMutation({
    mutationFn: async (reason: string) => {
      const failed: Failure[] = [];
      let closed = 0;
      for (const l of lists) {
        try {
          await unwrap(
            client.POST('/api/count-lists/{id}/manual-close', { params: { path: { id: l.id } }, body: { reason } }),
          );
          closed++;
        } catch (e) {
          // A refused reason is the same for every list: put it on the field and stop.
          if (e instanceof ApiError && e.field?.replace(/^body\./, '') === 'reason') throw e;
          failed.push({ id: l.id, number: l.number, text: errorText(t, e) });
        }
      }
      return { closed, failed };
    },
    onMutate: () => {
      setGeneral(null);
      setFailures([]);
    },
    onSuccess: ({ closed, failed }) => {
      if (closed > 0) onDone(closed);
      if (failed.length === 0) close();
      else {
        setFailures(failed);
        setConfirming(false);
      }
    },
    onError: (e) => {
      setConfirming(false);
      setGeneral(applyServerError(form, t, e));
    },
  });
  const close = () => {
    form.reset();
    setConfirming(false);
    setGeneral(null);
    setFailures([]);
    run.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('listAdmin.manualClose.title')}>
      <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
        <Stack gap="sm" data-testid="manual-close-dialog">
          <Text size="sm">{t('listAdmin.manualClose.lists', { count: lists.length })}</Text>
          <Text size="sm" c="dimmed">
            {t('listAdmin.manualClose.help')}
          </Text>
          <Textarea
            label={t('listAdmin.manualClose.reason')}
            description={t('listAdmin.manualClose.reasonHelp')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            disabled={confirming}
            data-testid="manual-close-reason"
            {...form.getInputProps('reason')}
          />
          {failures.length > 0 && (
            <Alert color="red" title={t('listAdmin.manualClose.failed')} data-testid="manual-close-failures">
              <List size="sm">
                {failures.map((f) => (
                  <List.Item key={f.id}>
                    <b>{f.number}</b>: {f.text}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {general && (
            <Alert color="red" data-testid="manual-close-error">
              {general}
            </Alert>
          )}
          {confirming ? (
            <Alert color="orange" data-testid="manual-close-confirm">
              <Text size="sm">{t('listAdmin.manualClose.confirm', { count: lists.length })}</Text>
              <Group justify="flex-end" mt="sm">
                <Button variant="default" onClick={() => setConfirming(false)} disabled={run.isPending}>
                  {t('listAdmin.manualClose.back')}
                </Button>
                <Button
                  color="red"
                  loading={run.isPending}
                  onClick={() => run.mutate(form.getValues().reason.trim())}
                  data-testid="manual-close-run"
                >
                  {t('listAdmin.manualClose.run')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="dark" data-testid="manual-close-next">
                {t('listAdmin.manualClose.next')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
