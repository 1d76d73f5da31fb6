// decodeBarcode must never throw and must always answer in the one JSON shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AI_DICTIONARY,
  BARCODE_ERROR_CODES,
  decodeBarcode,
  makeEan13,
  type DecodeOptions,
  type DecodeResult,
} from '../../../../src/domain/barcode/index.js';

const GS = '\u001d';
const IDS = [']C1', ']d2', ']Q3', ']e0', ']J1', ']E0', ']E4', ']I1', ']C0', ']d1', ']Q1', ']X9', ']', ''];
const TYPES = ['gtin', 'gs1', 'plain', 'rule'];
const AIS = [...AI_DICTIONARY.keys()];
const SET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

function assertShape(result: DecodeResult): void {
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  if (result.ok) {
    expect(TYPES).toContain(result.type);
    expect(Array.isArray(result.elements)).toBe(true);
    expect(typeof result.fields).toBe('object');
    if (result.gtin14 !== undefined) expect(result.gtin14).toMatch(/^[0-9]{14}$/);
  } else {
    expect(BARCODE_ERROR_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
const gs1ish = fc
  .tuple(
    fc.constantFrom(...IDS),
    fc.array(
      fc.tuple(
        fc.constantFrom(...AIS),
        fc.array(fc.constantFrom(...SET82, GS, '0', '1'), { maxLength: 40 }).map((a) => a.join('')),
        fc.boolean(),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([id, parts]) => id + parts.map(([ai, v, sep]) => ai + v + (sep ? GS : '')).join(''));
const options: fc.Arbitrary<DecodeOptions> = fc.record(
  {
    assume: fc.constantFrom('gtin', 'gs1') as fc.Arbitrary<'gtin' | 'gs1'>,
    referenceYear: fc.oneof(fc.integer(), fc.double()),
    rules: fc.anything() as fc.Arbitrary<never>,
  },
  { requiredKeys: [] },
);

describe('decodeBarcode never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), options, (s, o) => assertShape(decodeBarcode(s, o))),
      { numRuns: 2000 },
    );
  });

  it('on random strings with symbology identifiers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDS), fc.string({ maxLength: 60 }), (id, s) => assertShape(decodeBarcode(id + s))),
      { numRuns: 2000 },
    );
  });

  it('on random digit strings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDS), digits(0, 50), options, (id, d, o) => assertShape(decodeBarcode(id + d, o))),
      { numRuns: 2000 },
    );
  });

  it('on GS1-ish strings built from real AIs with GS separators', () => {
    fc.assert(
      fc.property(gs1ish, options, (s, o) => assertShape(decodeBarcode(s, o))),
      { numRuns: 3000 },
    );
  });

  it('on non-string input from untyped callers', () => {
    for (const bad of [undefined, null, 42, {}, []])
      assertShape(decodeBarcode(bad as unknown as string, bad as unknown as DecodeOptions));
  });
});

describe('decoding properties', () => {
  it('every EAN-13 built by makeEan13 decodes to its 14-digit form', () => {
    fc.assert(
      fc.property(digits(12, 12), (d) => {
        const ean = makeEan13(d);
        expect(decodeBarcode(`]E0${ean}`)).toMatchObject({ ok: true, gtin14: `0${ean}` });
        expect(decodeBarcode(ean)).toMatchObject({ ok: true, type: 'gtin', gtin14: `0${ean}` });
      }),
    );
  });

  it('a changed last digit of a GTIN is always a bad check digit', () => {
    fc.assert(
      fc.property(digits(12, 12), fc.integer({ min: 1, max: 9 }), (d, delta) => {
        const ean = makeEan13(d);
        const wrong = ean.slice(0, 12) + String((Number(ean[12]) + delta) % 10);
        expect(decodeBarcode(`]E0${wrong}`)).toMatchObject({ ok: false, error: { code: 'barcode.bad_check_digit' } });
      }),
    );
  });

  it('GTIN + lot + serial element strings round-trip', () => {
    const value = fc.array(fc.constantFrom(...SET82), { minLength: 1, maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(digits(12, 12), value, value, (d, lot, serial) => {
        const gtin = `0${makeEan13(d)}`;
        const result = decodeBarcode(`]d201${gtin}10${lot}${GS}21${serial}`);
        expect(result).toMatchObject({ ok: true, type: 'gs1', fields: { gtin, lot, serial } });
      }),
    );
  });
});
