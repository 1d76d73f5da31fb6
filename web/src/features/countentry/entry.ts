// Pure helpers of the back-office count entry: the report body of a grid line, the client report id made once
// per entry (a retried save is counted once by the server), exact decimal sums for the running total and the
// quantity check a line's unit allows. Quantities stay decimal strings; no binary float arithmetic.
import type { TFunction } from 'i18next';
import type { CountListItem, ResponseOf } from '../../api/models';
import { rules } from '../../components/form';

export type EntryMode = 'add' | 'replace';
export type ReportResult = ResponseOf<'/api/count-lists/{id}/reports', 'post'>;

/** The report mode of the inventory's report type: cumulative adds, single replaces. */
export const modeOfReportType = (reportType: string | undefined): EntryMode =>
  reportType === 'cumulative' ? 'add' : 'replace';

/** Unique per entry: kept while the same value is retried, replaced when the value changes. */
export function newReportId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && 'randomUUID' in c) return `bo-${c.randomUUID()}`;
  return `bo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** a + b exactly (decimal strings): scaled BigInt arithmetic, trailing zeros dropped. */
export function decAdd(a: string, b: string): string {
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const toInt = (s: string) => {
    const neg = s.trim().startsWith('-');
    const [i, f = ''] = s.trim().replace(/^[-+]/, '').split('.');
    const v = BigInt((i || '0') + f.padEnd(scale, '0'));
    return neg ? -v : v;
  };
  const sum = toInt(a) + toInt(b);
  const neg = sum < 0n;
  const digits = (neg ? -sum : sum).toString().padStart(scale + 1, '0');
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '') : digits;
  return (neg && out !== '0' ? '-' : '') + out;
}

/** A line's entry as typed, checked: the message (translated) or null. */
export function checkQuantity(
  t: TFunction,
  value: string,
  o: { decimals: number | undefined; mode: EntryMode; serial: boolean; previous: string | null },
): string | null {
  const s = value.trim();
  const scale = o.decimals === undefined ? {} : { scale: o.decimals };
  const m = rules.decimal(t, { ...scale, ...(o.mode === 'replace' ? { min: 'nonNegative' as const } : {}) })(s);
  if (m) return m;
  const resulting = o.mode === 'add' ? decAdd(o.previous ?? '0', s) : s;
  if (resulting.startsWith('-')) return t('countEntry.negativeResult', { previous: o.previous ?? '0' });
  if (o.serial && !/^0+(\.0+)?$|^0*1(\.0+)?$/.test(resulting)) return t('countEntry.serialQuantity');
  return null;
}

/** The request body of POST /api/count-lists/{id}/reports for a grid line (itemId null: an empty bin, 0). */
export function reportBody(
  row: Pick<CountListItem, 'itemId' | 'warehouseId' | 'zoneId' | 'binId' | 'lot' | 'serial'>,
  quantity: string,
  mode: EntryMode,
  clientReportId: string,
) {
  return {
    itemId: row.itemId,
    warehouseId: row.warehouseId,
    zoneId: row.zoneId,
    binId: row.binId,
    ...(row.lot ? { lot: row.lot } : {}),
    ...(row.serial ? { serial: row.serial } : {}),
    quantity: row.itemId === null ? '0' : quantity.trim(),
    mode,
    clientReportId,
    device: 'back-office',
  };
}

/** What a line's grid state is, from the server's item and this session's entry. */
export interface Entry {
  value: string;
  /** Made on the first save attempt of this value; kept for retries so the server counts it once. */
  reportId?: string | undefined;
  state: 'idle' | 'saving' | 'saved' | 'error';
  error?: string | undefined;
}

export const blankEntry: Entry = { value: '', state: 'idle' };
