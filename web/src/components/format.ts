// Numbers, money and dates in the user's language (Intl). Quantities and amounts arrive as exact decimal
// strings; Intl.NumberFormat formats the string itself, so no value passes through a binary float.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const LOCALES: Record<string, string> = { en: 'en-GB', it: 'it-IT', pl: 'pl-PL', de: 'de-DE' };

export function localeOf(lang: string | undefined): string {
  return LOCALES[lang ?? 'en'] ?? 'en-GB';
}

type Decimal = string | null | undefined;
// Intl.NumberFormat.format takes decimal strings exactly (ES2023); the cast is for older lib typings.
type Fmt = (v: string) => string;

export function makeFormat(lang: string | undefined) {
  const locale = localeOf(lang);
  const num = (min: number, max: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format as unknown as Fmt;
  const qty = num(0, 20);
  const signedQty = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: 20,
    signDisplay: 'exceptZero',
  }).format as unknown as Fmt;
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateTimeSeconds = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return {
    locale,
    /** A quantity with thousands separators and exactly the decimals it has. */
    quantity: (v: Decimal) => (v === null || v === undefined || v === '' ? '' : qty(v)),
    /** A movement or difference: with its sign, `+` for a receipt (`+12.5`, `-3`, `0`). */
    signedQuantity: (v: Decimal) => (v === null || v === undefined || v === '' ? '' : signedQty(v)),
    /** A count (lists, items, attempts) with thousands separators. */
    integer: (n: number | null | undefined) => (n === null || n === undefined ? '' : int.format(n)),
    /** An amount of money with its currency (ISO code); two decimals unless more are given. */
    money: (v: Decimal, currency?: string | null) => {
      if (v === null || v === undefined || v === '') return '';
      const decimals = Math.max(2, v.split('.')[1]?.length ?? 0);
      if (!currency) return num(2, decimals)(v);
      return (
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: 2,
          maximumFractionDigits: decimals,
        }).format as unknown as Fmt
      )(v);
    },
    /** A calendar date (`2026-12-31`) without shifting it through a time zone. */
    date: (v: string | null | undefined) => {
      if (!v) return '';
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
      if (!m) return v;
      return date.format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
    },
    /** A moment (ISO timestamp) in the user's time zone; with seconds where moments minutes apart matter (reports). */
    dateTime: (v: string | null | undefined, opts: { seconds?: boolean } = {}) =>
      v ? (opts.seconds ? dateTimeSeconds : dateTime).format(new Date(v)) : '',
  };
}
export type Format = ReturnType<typeof makeFormat>;

/** The formatters for the current UI language. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormat(i18n.resolvedLanguage ?? i18n.language), [i18n.resolvedLanguage, i18n.language]);
}
