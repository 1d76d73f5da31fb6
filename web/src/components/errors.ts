// Error text for people. An API error is shown by its code, translated (errorCodes.<code> in i18n/errorCodes.ts)
// with its params and the field it names; the code itself never appears as text. A code without a
// translation falls back to the server's message, which names the field and the rule in English.
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

/** The request field an error names, without the request part (`body.lines.0.qty` → `lines.0.qty`). */
export function errorField(e: unknown): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined;
  return e.field.replace(/^(body|query|querystring|params)\./, '');
}

export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.offline) return t('errors.offline');
    if (e.status === 401 && e.code !== 'auth.invalid_credentials') return t('errors.unauthorized');
    const key = `errorCodes.${e.code}`;
    const field = errorField(e);
    const params = { ...(e.params ?? {}), field: field ?? '', defaultValue: '' };
    const text = t(key, params);
    if (text && text !== key) return text;
    if (e.status === 403) return `${t('errors.forbidden')}: ${e.message}`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

export function notifyError(t: TFunction, e: unknown, title?: string): void {
  notifications.show({ color: 'red', title: title ?? t('errors.title'), message: errorText(t, e), autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
