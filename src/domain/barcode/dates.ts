// Calendar helpers for GS1 dates. Pure: the "current year" for the century window is always passed in.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/**
 * Four-digit year for a two-digit GS1 year, by the sliding window of GS1 General Specifications §7.12:
 * YY minus the current year's last two digits in 51…99 → previous century, in −99…−50 → next century,
 * otherwise the current century. Without a reference year the result is 20YY, which keeps the module
 * deterministic; the API layer passes the clock's year.
 */
export function resolveYear(yy: number, referenceYear?: number): number {
  if (referenceYear === undefined || !Number.isSafeInteger(referenceYear) || referenceYear < 100) return 2000 + yy;
  const current = referenceYear % 100;
  const century = referenceYear - current;
  const diff = yy - current;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export type DateCheck = { ok: true; iso: string } | { ok: false; problem: string; offset: number };

/**
 * Validates year/month/day numbers. `dayZeroAllowed` is the yymmd0 rule: day 00 means "no specific day"
 * and GS1 says to read it as the last day of the month. `offset` in a failure is the index of the bad
 * part within a YYMMDD string (2 for the month, 4 for the day), shifted by the caller for YYYYMMDD.
 */
export function checkDate(year: number, month: number, day: number, dayZeroAllowed: boolean): DateCheck {
  if (month < 1 || month > 12) return { ok: false, problem: `month ${pad(month)} is not a valid month`, offset: 2 };
  const last = daysInMonth(year, month);
  if (day === 0) {
    if (dayZeroAllowed) return { ok: true, iso: isoDate(year, month, last) };
    return { ok: false, problem: 'day 00 is not a valid day (only AIs whose format allows it accept 00)', offset: 4 };
  }
  if (day > last) {
    return {
      ok: false,
      problem: `day ${pad(day)} is not a valid day (${monthName(month)} ${year} has ${last} days)`,
      offset: 4,
    };
  }
  return { ok: true, iso: isoDate(year, month, day) };
}
