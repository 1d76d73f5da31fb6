// Pieces every settings section shares: the header with search and New, the delete button that asks once
// more, the general error alert of a form, and who may write (some tables are the administrator's).
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/errors';
import { applyServerError } from '../../components/form';
import { useSession } from '../auth/session';

export function SectionHeader({
  title,
  help,
  search,
  onSearch,
  searchPlaceholder,
  onNew,
  newLabel,
  canWrite = true,
  children,
  testId,
}: {
  title: string;
  help?: ReactNode;
  search?: string;
  onSearch?: (q: string) => void;
  searchPlaceholder?: string;
  onNew?: () => void;
  newLabel?: string;
  canWrite?: boolean;
  children?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{title}</Title>
        <Group gap="xs">
          {children}
          {onSearch && (
            <TextInput
              size="xs"
              w={240}
              leftSection={<IconSearch size={14} />}
              placeholder={searchPlaceholder ?? t('settings.search')}
              value={search ?? ''}
              onChange={(e) => onSearch(e.currentTarget.value)}
              data-testid={`${testId}-search`}
              aria-label={t('settings.search')}
            />
          )}
          {onNew && canWrite && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onNew} data-testid={`${testId}-new`}>
              {newLabel ?? t('common.new')}
            </Button>
          )}
        </Group>
      </Group>
      {help && (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      )}
      {!canWrite && (
        <Text size="sm" c="orange" data-testid={`${testId}-readonly`}>
          {t('settings.adminOnly')}
        </Text>
      )}
    </Stack>
  );
}

/** A delete button that asks once more before it calls `onConfirm`. */
export function DeleteButton({
  onConfirm,
  loading,
  testId,
}: {
  onConfirm: () => void;
  loading?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button variant="subtle" color="red" onClick={() => setAsking(true)} data-testid={testId}>
        {t('common.delete')}
      </Button>
    );
  return (
    <Group gap={4}>
      <Button variant="filled" color="red" loading={loading} onClick={onConfirm} data-testid={`${testId}-confirm`}>
        {t('settings.confirmDelete')}
      </Button>
      <Button variant="subtle" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

export function FormError({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <Alert color="red" data-testid={testId}>
      {text}
    </Alert>
  );
}

/** Administrators maintain transaction keys, inventory types and periods; managers read them. */
export function useIsAdmin(): boolean {
  return useSession().user?.role === 'admin';
}

/** Text as typed, without leading/trailing spaces; `undefined` when empty (so the server default applies). */
export const trimmed = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/**
 * An error in words, and for "still in use" also what uses the record when the API says so (the table that
 * refers to a unit, the item that uses a code, what a numbering scheme numbers).
 */
export function reasonText(t: TFunction, e: unknown): string {
  const base = errorText(t, e);
  if (!(e instanceof ApiError) || e.code !== 'conflict.in_use') return base;
  const p = e.params ?? {};
  let why = '';
  if (typeof p.referencedBy === 'string') why = t(`settings.inUse.table.${p.referencedBy}`, { defaultValue: '' });
  else if (typeof p.item === 'string') why = t('settings.inUse.item', { item: p.item });
  else if (typeof p.usedBy === 'string')
    why = t(`settings.inUse.sequence.${p.usedBy}`, { code: String(p.code ?? ''), defaultValue: '' });
  return why ? `${base} ${why}` : base;
}

/** `applyServerError` with `reasonText` for the general alert. */
export function serverError<V>(
  form: UseFormReturnType<V>,
  t: TFunction,
  e: unknown,
  aliases: Record<string, string> = {},
): string | null {
  return applyServerError(form, t, e, aliases) === null ? null : reasonText(t, e);
}
