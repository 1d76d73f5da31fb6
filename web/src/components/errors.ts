// Error text for people: the API's message (which names the field and the rule), prefixed by a translated
// headline for the common families, so a rules violation reads as such and not as a crash.
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.offline) return t('errors.offline');
    if (e.status === 401) return t('errors.unauthorized');
    if (e.status === 403) return `${t('errors.forbidden')}: ${e.message}`;
    const field = e.field ? ` (${e.field})` : '';
    return `${e.message}${field}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function notifyError(t: TFunction, e: unknown, title?: string): void {
  const code = e instanceof ApiError ? e.code : undefined;
  notifications.show({ color: 'red', title: title ?? t('errors.title'), message: `${errorText(t, e)}${code ? ` [${code}]` : ''}`, autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
