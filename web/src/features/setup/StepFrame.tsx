// The frame of one set-up step: what it is for, what exists already, the step's form, and the two ways on —
// create what the form shows (nothing is written before that) or skip the step and do it later on its screen.
import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface StepProps<R = string> {
  /** The step's result summary once created (e.g. the code), shown on the overview. */
  onDone: (summary: R) => void;
  onSkip: () => void;
}

export function StepFrame({
  id,
  help,
  existing,
  alert,
  children,
  onSkip,
  creating,
  createLabel,
  disabled,
}: {
  id: string;
  help: ReactNode;
  existing?: string | null;
  alert?: string | null;
  children: ReactNode;
  onSkip: () => void;
  creating: boolean;
  createLabel?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid={`setup-step-${id}`}>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      {existing && (
        <Alert color="gray" variant="light" data-testid={`setup-${id}-existing`}>
          {existing}
        </Alert>
      )}
      {children}
      {alert && (
        <Alert color="red" data-testid={`setup-${id}-error`}>
          {alert}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" onClick={onSkip} data-testid={`setup-${id}-skip`}>
          {t('setup.skip')}
        </Button>
        <Button type="submit" loading={creating} disabled={disabled} data-testid={`setup-${id}-create`}>
          {createLabel ?? t('setup.create')}
        </Button>
      </Group>
    </Stack>
  );
}
