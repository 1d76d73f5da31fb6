// Error text for people. An API error is shown by its code, translated (errorCodes.<code> in i18n/errorCodes.ts)
// with its params and the field it names; the code itself never appears as text. A code without a
// translation (or lacking a param its sentence needs) falls back to the server's message, which names the
// field and the rule in English. validation.failed with params.rule (a failed request-schema rule) is said by
// its rule and limits. codeText does the same for errors kept in results (jobs, close outcomes, parked postings).
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

/** The request field an error names, without the request part (`body.lines.0.qty` → `lines.0.qty`). */
export function errorField(e: unknown): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined;
  return e.field.replace(/^(body|query|querystring|params)\./, '');
}

/**
 * A failed schema rule (`params.rule` of validation.failed) in words: errorCodes.validationRule.<rule>, with
 * the variant for what the rule limits (`too_big_string`, `too_small_number_exclusive`, `invalid_type_number`,
 * `invalid_format_date`), in the plural form of the limit (`At most 1 character` / `At most 40 characters`).
 */
function ruleText(t: TFunction, p: Record<string, unknown>): string {
  const rule = String(p.rule);
  const limit = rule === 'too_small' ? p.minimum : rule === 'too_big' ? p.maximum : undefined;
  let context: string | undefined;
  if (rule === 'too_small' || rule === 'too_big') {
    const origin = typeof p.origin === 'string' ? p.origin : undefined;
    context =
      origin === 'number' || origin === 'int' || origin === 'bigint'
        ? `number${p.inclusive === false ? '_exclusive' : ''}`
        : origin;
  } else if (rule === 'invalid_type') context = typeof p.expected === 'string' ? p.expected : undefined;
  else if (rule === 'invalid_format') context = typeof p.format === 'string' ? p.format : undefined;
  const options: Record<string, unknown> = { ...p, defaultValue: '' };
  if (context) options.context = context;
  // Only strings and lists count their limit (characters, entries); a number limit is shown, not counted.
  if (typeof limit === 'number' && (p.origin === 'string' || p.origin === 'array')) options.count = limit;
  if (Array.isArray(p.values)) options.values = p.values.map(String).join(', ');
  return t(`errorCodes.validationRule.${rule}`, options);
}

export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.offline) return t('errors.offline');
    if (e.status === 401 && e.code !== 'auth.invalid_credentials') return t('errors.unauthorized');
    const text = translated(t, e.code, errorField(e), e.params);
    if (text) return text;
    if (e.status === 403) return `${t('errors.forbidden')}: ${e.message}`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The translated sentence of an error code with its params, or '' when the code has none. */
function translated(
  t: TFunction,
  code: string,
  field: string | undefined,
  params: Record<string, unknown> | undefined,
): string {
  if (code === 'validation.failed') {
    // A schema rule is said by its rule; a rule the domain checked has no `rule` and its own precise
    // message (e.g. "the bin is not in this zone"), which says more than a generic sentence would.
    if (typeof params?.rule !== 'string') return '';
    const rule = ruleText(t, params);
    if (rule) return rule;
  }
  // A sentence whose params the error lacks (or has as null) is not said with holes: the caller falls back.
  let missing = false;
  const given = Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== null && v !== undefined));
  const key = `errorCodes.${code}`;
  const text = t(key, {
    ...given,
    field: field ?? '',
    defaultValue: '',
    missingInterpolationHandler: () => {
      missing = true;
      return '';
    },
  } as Record<string, unknown>);
  return text && text !== key && !missing ? text : '';
}

/**
 * An error kept in a result rather than thrown (a job's error, a list's close outcome, a parked posting's
 * reason): its code translated with its params, else its message, else a general "not possible".
 */
export function codeText(
  t: TFunction,
  e: { code?: string | null; message?: string | null; field?: string | null; params?: Record<string, unknown> | null },
): string {
  const text = e.code
    ? translated(
        t,
        e.code,
        e.field?.replace(/^(body|query|querystring|params)\./, '') ?? undefined,
        e.params ?? undefined,
      )
    : '';
  return text || e.message || t('errors.title');
}

export function notifyError(t: TFunction, e: unknown, title?: string): void {
  notifications.show({ color: 'red', title: title ?? t('errors.title'), message: errorText(t, e), autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
