// Consistency of the transcribed GS1 AI table.
import { describe, expect, it } from 'vitest';
import { AI_DICTIONARY, getAi } from '../../../../src/domain/barcode/index.js';
import { AI_TABLE } from '../../../../src/domain/barcode/ai-table.js';
import { parseComponent } from '../../../../src/domain/barcode/ai-dictionary.js';

// GS1 General Specifications: AI prefixes whose element strings have a predefined length (no FNC1 after).
const PREDEFINED_PREFIXES = [
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
];

describe('AI dictionary', () => {
  const ais = [...AI_DICTIONARY.keys()];

  it('holds the complete table', () => {
    expect(ais.length).toBeGreaterThan(500);
    for (const ai of [
      '00',
      '01',
      '02',
      '03',
      '10',
      '11',
      '12',
      '13',
      '15',
      '16',
      '17',
      '20',
      '21',
      '22',
      '235',
      '240',
      '241',
      '242',
      '243',
      '250',
      '251',
      '253',
      '254',
      '255',
      '30',
      '3100',
      '3695',
      '37',
      '3909',
      '3939',
      '3943',
      '3955',
      '400',
      '403',
      '410',
      '417',
      '420',
      '427',
      '4300',
      '4333',
      '7001',
      '7041',
      '710',
      '717',
      '7230',
      '7239',
      '7240',
      '7259',
      '8001',
      '8030',
      '8040',
      '8043',
      '8110',
      '8112',
      '8200',
      '90',
      '91',
      '99',
    ]) {
      expect(getAi(ai), ai).toBeDefined();
    }
    for (const ai of ['04', '14', '19', '23', '3106', '3944', '3956', '4334', '7012', '7399', '8015', '89'])
      expect(getAi(ai), ai).toBeUndefined();
  });

  it('AIs are 2 to 4 digits and prefix-free', () => {
    expect(ais.filter((ai) => !/^[0-9]{2,4}$/.test(ai))).toEqual([]);
    const clashes = ais.flatMap((ai) =>
      ais.filter((other) => other !== ai && other.startsWith(ai)).map((other) => `${other} starts with ${ai}`),
    );
    expect(clashes).toEqual([]);
  });

  it('all AIs sharing a two-digit prefix have the same length', () => {
    const byPrefix = new Map<string, number>();
    for (const ai of ais) {
      const seen = byPrefix.get(ai.slice(0, 2));
      if (seen !== undefined) expect(ai.length, ai).toBe(seen);
      byPrefix.set(ai.slice(0, 2), ai.length);
    }
  });

  it('the predefined-length flag agrees with the GS1 predefined-length prefix table', () => {
    for (const def of AI_DICTIONARY.values()) {
      expect(def.predefinedLength, def.ai).toBe(PREDEFINED_PREFIXES.includes(def.ai.slice(0, 2)));
      if (def.predefinedLength) expect(def.minLength, def.ai).toBe(def.maxLength);
    }
  });

  it('every row has a long title and only the last component may vary in length', () => {
    for (const def of AI_DICTIONARY.values()) expect(def.title, def.ai).not.toBe(def.dataTitle);
    for (const [range, , spec] of AI_TABLE) {
      const comps = spec.split(' ').map(parseComponent);
      comps.slice(0, -1).forEach((c) => {
        if (!c.optional) expect(c.min, `${range} ${spec}`).toBe(c.max);
      });
      const firstOptional = comps.findIndex((c) => c.optional);
      if (firstOptional >= 0)
        expect(
          comps.slice(firstOptional).every((c) => c.optional),
          range,
        ).toBe(true);
    }
  });

  it('key AIs carry a check digit test', () => {
    for (const ai of [
      '00',
      '01',
      '02',
      '03',
      '253',
      '255',
      '402',
      '410',
      '411',
      '412',
      '413',
      '414',
      '415',
      '416',
      '417',
      '8006',
      '8017',
      '8018',
      '8026',
    ]) {
      expect(getAi(ai)?.components[0]?.linters, ai).toContain('csum');
    }
    expect(getAi('8003')?.components[1]?.linters).toContain('csum');
    expect(getAi('8013')?.components[0]?.linters).toContain('csumalpha');
  });

  it('dates allowing day 00 are exactly 11, 12, 13, 15, 16, 17 (and the 4324/4325 delivery dates)', () => {
    const d0 = ais.filter((ai) => getAi(ai)?.components.some((c) => c.linters.includes('yymmd0')));
    expect(d0.sort()).toEqual(['11', '12', '13', '15', '16', '17', '4324', '4325']);
  });

  it('parses component specifications', () => {
    expect(parseComponent('N14,csum,gcppos2')).toEqual({
      charset: 'N',
      min: 14,
      max: 14,
      optional: false,
      linters: ['csum', 'gcppos2'],
    });
    expect(parseComponent('[X..16]')).toEqual({ charset: 'X', min: 1, max: 16, optional: true, linters: [] });
    expect(parseComponent('[N3],iso3166')).toEqual({
      charset: 'N',
      min: 3,
      max: 3,
      optional: true,
      linters: ['iso3166'],
    });
    expect(() => parseComponent('Q5')).toThrow();
    expect(() => parseComponent('[N3')).toThrow();
  });

  it('exposes titles and formats', () => {
    expect(getAi('17')).toMatchObject({
      dataTitle: 'USE BY or EXPIRY',
      title: 'Expiration date (YYMMDD)',
      format: 'N6',
      predefinedLength: true,
    });
    expect(getAi('8003')).toMatchObject({
      dataTitle: 'GRAI',
      format: 'N1 N13 [X..16]',
      minLength: 14,
      maxLength: 30,
      predefinedLength: false,
    });
    expect(getAi('3103')).toMatchObject({
      dataTitle: 'NET WEIGHT (kg)',
      title: 'Net weight, kilograms (variable measure trade item)',
    });
  });
});
