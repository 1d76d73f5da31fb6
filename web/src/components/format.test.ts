// makeFormat: quantities and amounts from exact decimal strings, with the separators of each UI language;
// calendar dates never shifted by the time zone. The tests run in a zone west of UTC so a date read as
// midnight UTC and shown in local time would land on the day before.
const zone = process.env.TZ;
process.env.TZ = 'America/New_York';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFormat } from './format';

// Intl uses no-break spaces (U+00A0, U+202F) as group separators and before currency signs.
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('makeFormat', () => {
  it.each([
    ['en', '1,234,567.125', '1,234'],
    ['it', '1.234.567,125', '1234'],
    ['pl', '1 234 567,125', '1234'],
    ['de', '1.234.567,125', '1.234'],
  ])('%s: quantities with thousands separators and exactly their decimals', (lang, big, small) => {
    const f = makeFormat(lang);
    expect(plain(f.quantity('1234567.125'))).toBe(big);
    expect(plain(f.quantity('1234'))).toBe(small);
  });

  it('keeps every decimal of a long value (no binary float on the way)', () => {
    const f = makeFormat('en');
    expect(f.quantity('12345678901234567890.123456789012')).toBe('12,345,678,901,234,567,890.123456789012');
    expect(f.quantity('0.1')).toBe('0.1');
    expect(f.quantity('-3.000001')).toBe('-3.000001');
    expect(makeFormat('de').quantity('9007199254740993')).toBe('9.007.199.254.740.993');
  });

  it('signs movements and differences, and groups counts', () => {
    const f = makeFormat('de');
    expect([
      f.signedQuantity('1234.5'),
      f.signedQuantity('-3'),
      f.signedQuantity('0'),
      f.signedQuantity('0.000'),
    ]).toEqual(['+1.234,5', '-3', '0', '0']);
    expect(makeFormat('en').signedQuantity('0.125')).toBe('+0.125');
    expect([f.integer(12345), f.integer(0), f.integer(null)]).toEqual(['12.345', '0', '']);
  });

  it('shows nothing for a missing value', () => {
    const f = makeFormat('de');
    expect([
      f.quantity(null),
      f.quantity(undefined),
      f.quantity(''),
      f.money(null, 'EUR'),
      f.date(null),
      f.dateTime(undefined),
    ]).toEqual(['', '', '', '', '', '']);
  });

  it.each([
    ['en', '€1,234.50', '1,234.50', '€0.12345'],
    ['it', '1234,50 €', '1234,50', '0,12345 €'],
    ['pl', '1234,50 €', '1234,50', '0,12345 €'],
    ['de', '1.234,50 €', '1.234,50', '0,12345 €'],
  ])(
    '%s: money with two decimals, or more when the value has them, and its currency',
    (lang, withCurrency, without, precise) => {
      const f = makeFormat(lang);
      expect(plain(f.money('1234.5', 'EUR'))).toBe(withCurrency);
      expect(plain(f.money('1234.5'))).toBe(without);
      expect(plain(f.money('0.12345', 'EUR'))).toBe(precise);
    },
  );

  it.each([
    ['en', '31 Dec 2026', '1 Jan 2027'],
    ['it', '31 dic 2026', '1 gen 2027'],
    ['pl', '31 gru 2026', '1 sty 2027'],
    ['de', '31.12.2026', '01.01.2027'],
  ])('%s: a calendar date is the same day in every time zone', (lang, dec31, jan1) => {
    const f = makeFormat(lang);
    expect(f.date('2026-12-31')).toBe(dec31);
    expect(f.date('2027-01-01')).toBe(jan1);
    expect(f.date('2027-01-01T00:00:00.000Z')).toBe(jan1);
  });

  it('shows a moment in the local time zone', () => {
    // 03:30 UTC on 1 January is still 31 December, 22:30 in New York.
    expect(plain(makeFormat('en').dateTime('2027-01-01T03:30:00Z'))).toBe('31 Dec 2026, 22:30');
    expect(plain(makeFormat('de').dateTime('2027-01-01T03:30:00Z'))).toBe('31.12.2026, 22:30');
    expect(plain(makeFormat('de').dateTime('2027-01-01T03:30:15Z', { seconds: true }))).toBe('31.12.2026, 22:30:15');
  });

  it('uses the language of the UI, English for an unknown one', () => {
    expect(makeFormat('de').locale).toBe('de-DE');
    expect(makeFormat('fr').locale).toBe('en-GB');
    expect(makeFormat(undefined).quantity('1000.5')).toBe('1,000.5');
  });
});
