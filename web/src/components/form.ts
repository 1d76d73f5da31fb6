// Forms (@mantine/form) and the server's errors: an API error that names a field of the form is shown on that
// field; any other error is returned for the form's general alert. Client-side rules mirror the request
// schema (required, lengths, patterns) so most mistakes never reach the server.
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { errorField, errorText } from './errors';

/**
 * Puts `e` on the form field it names (`aliases` maps server field names to form paths where they differ).
 * Returns the text for the general alert when no field of the form matches, else null.
 */
export function applyServerError<V>(
  form: UseFormReturnType<V>,
  t: TFunction,
  e: unknown,
  aliases: Record<string, string> = {},
): string | null {
  const text = errorText(t, e);
  const field = errorField(e);
  if (field) {
    const path = aliases[field] ?? field;
    const values = form.getValues() as Record<string, unknown>;
    if (path.split('.')[0]! in values) {
      form.setFieldError(path, text);
      return null;
    }
  }
  return text;
}

/** Client-side checks, translated: each returns the message or null, as @mantine/form's `validate` wants. */
export const rules = {
  required: (t: TFunction) => (v: unknown) =>
    v === null || v === undefined || String(v).trim() === '' ? t('form.required') : null,
  maxLength: (t: TFunction, max: number) => (v: unknown) =>
    typeof v === 'string' && v.length > max ? t('form.maxLength', { max }) : null,
  pattern: (t: TFunction, re: RegExp, hint: string) => (v: unknown) =>
    typeof v === 'string' && v !== '' && !re.test(v) ? t('form.pattern', { hint }) : null,
  /** An exact decimal as text (no binary floating point): digits, one optional point, `scale` decimals at most. */
  decimal:
    (t: TFunction, opts: { scale?: number; min?: 'positive' | 'nonNegative' } = {}) =>
    (v: unknown) => {
      if (v === null || v === undefined || v === '') return null;
      const s = String(v).trim();
      if (!/^-?\d+(\.\d+)?$/.test(s)) return t('form.decimal');
      const decimals = s.split('.')[1]?.length ?? 0;
      if (opts.scale !== undefined && decimals > opts.scale) return t('form.scale', { scale: opts.scale });
      if (opts.min === 'positive' && (s.startsWith('-') || /^-?0+(\.0+)?$/.test(s))) return t('form.positive');
      if (opts.min === 'nonNegative' && s.startsWith('-') && !/^-0+(\.0+)?$/.test(s)) return t('form.nonNegative');
      return null;
    },
  /** The first failing rule's message. */
  all:
    (...checks: Array<(v: unknown) => string | null>) =>
    (v: unknown) => {
      for (const c of checks) {
        const m = c(v);
        if (m) return m;
      }
      return null;
    },
};
