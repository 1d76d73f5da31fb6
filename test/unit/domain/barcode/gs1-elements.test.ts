// GS1 element strings: table-driven cases modelled on the GS1 General Specifications examples, the GS1
// Barcode Syntax Engine / Syntax Dictionary test vectors and common parser suites (own wording and data).
import { describe, expect, it } from 'vitest';
import { decodeBarcode, type DecodeOptions } from '../../../../src/domain/barcode/index.js';

const GS = '\u001d';
const Y = { referenceYear: 2026 };

type Ok = { input: string; opts?: DecodeOptions; expect: Record<string, unknown> };

const OK_CASES: Record<string, Ok> = {
  'GTIN + lot + GS + expiry': {
    input: `]C1010950600013435210ABC123${GS}17261231`,
    expect: {
      symbology: 'gs1-128',
      type: 'gs1',
      gtin14: '09506000134352',
      elements: [
        { ai: '01', raw: '09506000134352' },
        { ai: '10', raw: 'ABC123' },
        { ai: '17', raw: '261231', value: '2026-12-31' },
      ],
      fields: { gtin: '09506000134352', lot: 'ABC123', expiry: '2026-12-31' },
    },
  },
  'superfluous GS after a predefined-length AI': {
    input: `]C10109506000134352${GS}10ABC123`,
    expect: { fields: { gtin: '09506000134352', lot: 'ABC123' } },
  },
  'leading FNC1 sent as GS after the identifier': {
    input: `]C1${GS}0109506000134352`,
    expect: { fields: { gtin: '09506000134352' } },
  },
  'trailing GS tolerated': { input: `]C10109506000134352${GS}`, expect: { elements: [{ ai: '01' }] } },
  'fixed-length AI runs straight into the next AI': {
    input: ']C10112345678901231991234',
    expect: { elements: [{ ai: '01' }, { ai: '99', raw: '1234' }] },
  },
  'expiry day 00 in a leap February': {
    input: ']C11724020010LOT1',
    expect: { fields: { expiry: '2024-02-29', lot: 'LOT1' } },
  },
  'expiry day 00 in a common February': { input: ']C11723020010LOT1', expect: { fields: { expiry: '2023-02-28' } } },
  'expiry day 00 in a 30-day month': {
    input: ']C1172604000112345678901231',
    expect: { fields: { expiry: '2026-04-30' } },
  },
  'expiry 29 Feb in a leap year': { input: ']C117240229', expect: { fields: { expiry: '2024-02-29' } } },
  'best before (15)': { input: ']C115261231', expect: { fields: { bestBefore: '2026-12-31' } } },
  'production date (11)': { input: ']C111260101', expect: { fields: { productionDate: '2026-01-01' } } },
  'packaging date (13) with day 00': { input: ']C113251100', expect: { fields: { packDate: '2025-11-30' } } },
  'sell by (16)': { input: ']C116270315', expect: { fields: { sellBy: '2027-03-15' } } },
  'due date (12)': { input: ']C112260630', expect: { fields: { dueDate: '2026-06-30' } } },
  'century window: YY 80 with 2026 is 1980': { input: ']C117800101', expect: { fields: { expiry: '1980-01-01' } } },
  'century window: YY 75 with 2026 is 2075': { input: ']C117750101', expect: { fields: { expiry: '2075-01-01' } } },
  'century window: YY 76 (difference 50) stays in 2076': {
    input: ']C117760101',
    expect: { fields: { expiry: '2076-01-01' } },
  },
  'century window: YY 77 (difference 51) is 1977': {
    input: ']C117770101',
    expect: { fields: { expiry: '1977-01-01' } },
  },
  'century window: YY 20 with 2080 is 2120': {
    input: ']C117200101',
    opts: { referenceYear: 2080 },
    expect: { fields: { expiry: '2120-01-01' } },
  },
  'century window: YY 31 with 2080 is 2031': {
    input: ']C117310101',
    opts: { referenceYear: 2080 },
    expect: { fields: { expiry: '2031-01-01' } },
  },
  'century window: YY 99 with 2001 is 1999': {
    input: ']C117991231',
    opts: { referenceYear: 2001 },
    expect: { fields: { expiry: '1999-12-31' } },
  },
  'no reference year: 20YY': { input: ']C117800101', opts: {}, expect: { fields: { expiry: '2080-01-01' } } },
  'net weight 3103 001250 is 1.250 kg': {
    input: ']C10109506000134352310300125010ABC',
    expect: { fields: { netWeightKg: '1.250', lot: 'ABC' }, elements: [{}, { ai: '3103', value: '1.250' }, {}] },
  },
  'net weight 3100 no decimals': { input: ']C13100000500', expect: { fields: { netWeightKg: '500' } } },
  'net weight 3105 five decimals': { input: ']C13105123456', expect: { fields: { netWeightKg: '1.23456' } } },
  'net weight 3102 zero': { input: ']C13102000000', expect: { fields: { netWeightKg: '0.00' } } },
  'pounds 3202 have no kg field': {
    input: ']C13202000075',
    expect: { elements: [{ ai: '3202', value: '0.75' }], fields: {} },
  },
  'gross weight 3301': { input: ']C13301001500', expect: { fields: { grossWeightKg: '150.0' } } },
  'length 3112 in metres': {
    input: ']C13112000250',
    expect: { elements: [{ ai: '3112', title: 'LENGTH (m)', value: '2.50' }] },
  },
  'GS1 example (01)95012345678903(3103)000123': {
    input: '(01)95012345678903(3103)000123',
    expect: { fields: { gtin: '95012345678903', netWeightKg: '0.123' } },
  },
  'price 3922 with two decimals': {
    input: `]C13922001234${GS}0109506000134352`,
    expect: { fields: { price: '12.34', gtin: '09506000134352' } },
  },
  'price 3933 with currency EUR (978)': {
    input: ']C13933978001250',
    expect: {
      elements: [{ ai: '3933', raw: '978001250', value: '1.250', currency: '978' }],
      fields: { price: '1.250', priceCurrency: '978' },
    },
  },
  'amount 3900 integer': { input: ']C13900100', expect: { elements: [{ ai: '3900', value: '100' }] } },
  'amount 3912 with currency': {
    input: ']C13912978995',
    expect: { elements: [{ ai: '3912', value: '9.95', currency: '978' }] },
  },
  'amount 3929 nine decimals': { input: ']C139295', expect: { elements: [{ ai: '3929', value: '0.000000005' }] } },
  'percentage off 3942': { input: ']C139422550', expect: { elements: [{ ai: '3942', value: '25.50' }] } },
  'price per unit of measure 3952': { input: ']C13952001234', expect: { elements: [{ ai: '3952', value: '12.34' }] } },
  'variable count (30)': { input: ']C13012', expect: { fields: { quantity: '12', count: '12' } } },
  'variable count with leading zeros': { input: ']C13000000012', expect: { fields: { quantity: '12' } } },
  'variable count zero': { input: ']C13000000000', expect: { fields: { quantity: '0' } } },
  'SSCC + count (37)': {
    input: ']C100106141411234567897371440',
    expect: { fields: { sscc: '106141411234567897', quantity: '1440' } },
  },
  'CONTENT (02) + count (37)': {
    input: ']C1020950600013435237100',
    expect: { gtin14: '09506000134352', fields: { gtin: '09506000134352', quantity: '100' } },
  },
  'SSCC example 376104250021234569': {
    input: ']C100376104250021234569',
    expect: { fields: { sscc: '376104250021234569' } },
  },
  'GRAI 8003 with serial': { input: ']C1800302112345678900ABC', expect: { fields: { grai: '02112345678900ABC' } } },
  'GRAI 8003 without serial': { input: ']C1800302112345678900', expect: { fields: { grai: '02112345678900' } } },
  'GRAI 8003 with 16-character serial': {
    input: ']C1800302112345678900ABCDEFGHIJKLMNOP',
    expect: { elements: [{ ai: '8003' }] },
  },
  'GIAI 8004': { input: ']C180041234ABC', expect: { fields: { giai: '1234ABC' } } },
  'GLN 414 + extension 254': {
    input: ']C14144012345000009254A1',
    expect: { elements: [{ ai: '414' }, { ai: '254', raw: 'A1' }] },
  },
  'GLNs 410 and 411 chained without separator': {
    input: ']C14104012345000009411541234500015010X',
    expect: { elements: [{ ai: '410' }, { ai: '411' }, { ai: '10', raw: 'X' }] },
  },
  'GDTI 253 with serial': {
    input: ']C12534012345000009ABC123',
    expect: { elements: [{ ai: '253', raw: '4012345000009ABC123' }] },
  },
  'GCN 255 with serial': { input: ']C125554123450001500000123', expect: { elements: [{ ai: '255' }] } },
  'GSIN 402': { input: ']C140212345678901234560', expect: { elements: [{ ai: '402' }] } },
  'GSRN 8017': { input: ']C18017950123456789012341', expect: { elements: [{ ai: '8017' }] } },
  'GSRN 8018': { input: ']C18018950123456789012341', expect: { elements: [{ ai: '8018' }] } },
  'ITIP 8006': { input: ']C18006123456789012310102', expect: { elements: [{ ai: '8006' }] } },
  'serial (21) after GTIN': { input: ']C10109506000134352211234567890', expect: { fields: { serial: '1234567890' } } },
  'variant (20)': { input: ']C1200110ABC', expect: { fields: { variant: '01', lot: 'ABC' } } },
  'expiry time 7003': { input: ']C170032112251230', expect: { elements: [{ ai: '7003', value: '2021-12-25T12:30' }] } },
  'harvest date 7007 single': { input: ']C17007211225', expect: { elements: [{ value: '2021-12-25' }] } },
  'harvest date 7007 range': {
    input: ']C17007211225211231',
    expect: { elements: [{ value: '2021-12-25/2021-12-31' }] },
  },
  'test by date 7011 without time': { input: ']C17011261231', expect: { elements: [{ value: '2026-12-31' }] } },
  'test by date 7011 with time': { input: ']C170112612310815', expect: { elements: [{ value: '2026-12-31T08:15' }] } },
  'production time 8008 hour only': { input: ']C1800826010112', expect: { elements: [{ value: '2026-01-01T12:00' }] } },
  'production time 8008 with seconds': {
    input: ']C1800826010112304' + '5',
    expect: { elements: [{ value: '2026-01-01T12:30:45' }] },
  },
  'not before delivery 4324': { input: ']C143242612312359', expect: { elements: [{ value: '2026-12-31T23:59' }] } },
  'date of birth 7250 (four-digit year)': { input: ']C1725019900115', expect: { elements: [{ value: '1990-01-15' }] } },
  'date and time of birth 7251': {
    input: ']C17251199001151230',
    expect: { elements: [{ value: '1990-01-15T12:30' }] },
  },
  'temperature 4331 positive': { input: ']C14331001250', expect: { elements: [{ value: '12.50' }] } },
  'temperature 4331 negative': { input: ']C14331001250-', expect: { elements: [{ value: '-12.50' }] } },
  'GMN 8013 with valid check pair': {
    input: ']C180131987654Ad4X4bL5ttr2310c2K',
    expect: { elements: [{ ai: '8013' }] },
  },
  'GMN 8013 another vector': { input: ']C180137907665Bm8v2AB', expect: { elements: [{ ai: '8013' }] } },
  'CPID 8010 character set 39': { input: ']C18010ABC-123/#', expect: { elements: [{ ai: '8010', raw: 'ABC-123/#' }] } },
  'DIGSIG 8030 base64url with padding': { input: ']C18030ABCabc-_09==', expect: { elements: [{ ai: '8030' }] } },
  'percent-encoded 4300': { input: ']C14300ACME%20CORP', expect: { elements: [{ ai: '4300', raw: 'ACME%20CORP' }] } },
  'internal AIs 90 and 91-99': {
    input: `]C190ABC${GS}91XYZ${GS}99TEST`,
    expect: { elements: [{ ai: '90' }, { ai: '91' }, { ai: '99' }] },
  },
  'countries 423 with several codes': {
    input: ']C1423276040056',
    expect: { elements: [{ ai: '423', raw: '276040056' }] },
  },
  'ship-to postal code with country 421': { input: ']C142127612345', expect: { elements: [{ ai: '421' }] } },
  'certification 7230': { input: ']C17230EMXYZ', expect: { elements: [{ ai: '7230', title: 'CERT # 1' }] } },
  'roll dimensions 8001': { input: ']C1800112341234512398', expect: { elements: [{ ai: '8001' }] } },
  'yes/no flag 4321': { input: ']C143211', expect: { elements: [{ ai: '4321', raw: '1' }] } },
  'NHRN 717': { input: ']C1717ABC123', expect: { elements: [{ ai: '717', title: 'NHRN SRN' }] } },
  'PSIM 8043 with optional part': { input: ']C1804312345678901234567812', expect: { elements: [{ ai: '8043' }] } },
  'MTO variant 242 at its limit then another AI': {
    input: `]C1242123456${GS}10ABC123`,
    expect: { elements: [{ ai: '242' }, { ai: '10' }] },
  },
  'points 8111 then another AI': {
    input: `]C181111234${GS}10ABC123`,
    expect: { elements: [{ ai: '8111' }, { ai: '10' }] },
  },
  'lot of exactly 20 characters': {
    input: ']C110ABCDEFGHIJKLMNOPQRST',
    expect: { fields: { lot: 'ABCDEFGHIJKLMNOPQRST' } },
  },
  'all punctuation of set 82 in a lot': {
    input: `]C110!"%&'()*+,-./:;<=>?_`,
    expect: { fields: { lot: `!"%&'()*+,-./:;<=>?_` } },
  },
  'pharma DataMatrix': {
    input: `]d20109506000134352172612311010AB-1${GS}21SER1${GS}3103001250`,
    expect: {
      symbology: 'gs1-datamatrix',
      fields: { gtin: '09506000134352', expiry: '2026-12-31', lot: '10AB-1', serial: 'SER1', netWeightKg: '1.250' },
    },
  },
  'GS1 QR': {
    input: `]Q3011231231231233310ABC123${GS}99TESTING`,
    expect: { symbology: 'gs1-qr', fields: { gtin: '12312312312333', lot: 'ABC123' } },
  },
  'GS1 DataBar Expanded': {
    input: `]e0011231231231233310ABC123${GS}1199122598TESTING${GS}97XYZ`,
    expect: { symbology: 'gs1-databar', fields: { productionDate: '1999-12-25' } },
  },
  'GS1 DataBar without reference year': {
    input: `]e0011231231231233310ABC123${GS}11991225`,
    opts: {},
    expect: { fields: { productionDate: '2099-12-25' } },
  },
  'GS1 DotCode': { input: ']J10109506000134352', expect: { symbology: 'gs1-dotcode', gtin14: '09506000134352' } },
  'bracketed form without identifier': {
    input: '(01)09506000134352(10)ABC',
    expect: { symbology: null, type: 'gs1', fields: { gtin: '09506000134352', lot: 'ABC' } },
  },
  'bracketed form, fixed-length AI then another': {
    input: '(3100)123456(10)12345',
    expect: { fields: { netWeightKg: '123456', lot: '12345' } },
  },
  'bracketed form with escaped bracket': {
    input: '(10)12345\\(11)991225',
    expect: { elements: [{ ai: '10', raw: '12345(11)991225' }] },
  },
  'bracketed form with escaped bracket at the end': { input: '(10)12345\\(', expect: { fields: { lot: '12345(' } } },
  'bracketed form under ]C1': {
    input: ']C1(01)12345678901231(10)12345',
    expect: { symbology: 'gs1-128', fields: { lot: '12345' } },
  },
  'first occurrence of a field wins': {
    input: `]C110FIRST${GS}10SECOND`,
    expect: { fields: { lot: 'FIRST' }, elements: [{}, {}] },
  },
};

describe('GS1 element strings: valid data', () => {
  it.each(Object.entries(OK_CASES))('%s', (_name, c) => {
    const result = decodeBarcode(c.input, c.opts ?? Y);
    expect(result).toMatchObject({ ok: true, type: 'gs1', ...c.expect });
  });
});

type Bad = { input: string; code: string; ai?: string; position?: number; message?: RegExp; opts?: DecodeOptions };

const ERROR_CASES: Record<string, Bad> = {
  'GTIN check digit': {
    input: ']C10109506000134353',
    code: 'barcode.bad_check_digit',
    ai: '01',
    position: 18,
    message: /AI 01 \(GTIN\): check digit should be 2, found 3/,
  },
  'SSCC check digit': { input: ']C100106141411234567892', code: 'barcode.bad_check_digit', ai: '00', position: 22 },
  'GLN 410 check digit': { input: ']C14104012345000008', code: 'barcode.bad_check_digit', ai: '410' },
  'GLN 417 check digit': { input: ']C14174012345000001', code: 'barcode.bad_check_digit', ai: '417' },
  'GSRN 8017 check digit': { input: ']C18017950123456789012342', code: 'barcode.bad_check_digit', ai: '8017' },
  'GSRN 8018 check digit': { input: ']C18018950123456789012340', code: 'barcode.bad_check_digit', ai: '8018' },
  'GDTI 253 check digit': { input: ']C12534012345000008ABC', code: 'barcode.bad_check_digit', ai: '253' },
  'GCN 255 check digit': { input: ']C125554123450001510', code: 'barcode.bad_check_digit', ai: '255' },
  'GRAI 8003 check digit on the first component': {
    input: ']C1800302112345678901ABC',
    code: 'barcode.bad_check_digit',
    ai: '8003',
  },
  'ITIP 8006 check digit': { input: ']C18006123456789012320102', code: 'barcode.bad_check_digit', ai: '8006' },
  'GSIN 402 check digit': { input: ']C140212345678901234561', code: 'barcode.bad_check_digit', ai: '402' },
  'CONTENT 02 check digit': { input: ']C1020950600013435337100', code: 'barcode.bad_check_digit', ai: '02' },
  'GMN 8013 check pair': {
    input: ']C180131987654Ad4X4bL5ttr2310cXK',
    code: 'barcode.bad_check_digit',
    ai: '8013',
    message: /check characters should be "2K"/,
  },
  'GMN 8013 too short for a check pair': { input: ']C18013A', code: 'barcode.too_short', ai: '8013' },
  'letter in GTIN': { input: ']C101A2345678901231', code: 'barcode.invalid_character', ai: '01', position: 5 },
  'lowercase in numeric date': {
    input: ']C10109506000134352171302x1',
    code: 'barcode.invalid_character',
    ai: '17',
    position: 25,
  },
  'tilde outside set 82': { input: ']C199~ABC', code: 'barcode.invalid_character', ai: '99', position: 5 },
  'space outside set 82': { input: ']C110ABC DEF', code: 'barcode.invalid_character', ai: '10', position: 8 },
  'non-ASCII outside set 82': { input: ']C110Müller', code: 'barcode.invalid_character', ai: '10', position: 6 },
  'underscore outside set 39 (8010)': { input: ']C18010123456_', code: 'barcode.invalid_character', ai: '8010' },
  'colon outside set 64 (8030)': { input: ']C18030ABC:123', code: 'barcode.invalid_character', ai: '8030' },
  'bad percent encoding (4300)': { input: ']C14300ABC%0g', code: 'barcode.invalid_character', ai: '4300' },
  'yes/no flag not 0 or 1 (4321)': { input: ']C143212', code: 'barcode.invalid_character', ai: '4321' },
  'temperature sign not a hyphen (4330)': { input: ']C14330000000X', code: 'barcode.invalid_character', ai: '4330' },
  'winding direction 2 (8001)': { input: ']C1800112341234512321', code: 'barcode.invalid_character', ai: '8001' },
  'GRAI must start with 0': {
    input: ']C18003112345678901281234567890123456',
    code: 'barcode.invalid_character',
    ai: '8003',
  },
  'GTIN too short': { input: ']C1011234567890123', code: 'barcode.too_short', ai: '01' },
  'GTIN cut short by a GS': { input: `]C1011234567890123${GS}10ABC`, code: 'barcode.too_short', ai: '01' },
  'date too short at end': { input: ']C1172612', code: 'barcode.too_short', ai: '17' },
  'points 8111 too short': { input: ']C18111123', code: 'barcode.too_short', ai: '8111' },
  'dimensions 8001 too short': { input: ']C180011234123451239', code: 'barcode.too_short', ai: '8001' },
  'harvest 7007 with a partial second date': { input: ']C170072112252', code: 'barcode.too_short', ai: '7007' },
  'certification 7230 without reference': { input: ']C1723012', code: 'barcode.too_short', ai: '7230' },
  'lot longer than 20': {
    input: ']C110ABCDEFGHIJKLMNOPQRSTU',
    code: 'barcode.too_long',
    ai: '10',
    position: 25,
    message: /AI 10 \(BATCH\/LOT\): value has 21 characters, at most 20 are allowed \(format X\.\.20\)/,
  },
  'MTO variant 242 longer than 6': { input: ']C12421234567', code: 'barcode.too_long', ai: '242' },
  'points 8111 longer than 4': { input: ']C1811112345', code: 'barcode.too_long', ai: '8111' },
  'dimensions 8001 too long': { input: ']C18001123412345123981', code: 'barcode.too_long', ai: '8001' },
  'expiry time 7003 too long': { input: ']C17003211225123059', code: 'barcode.too_long', ai: '7003' },
  'GRAI serial longer than 16': {
    input: ']C1800302112345678900ABCDEFGHIJKLMNOPQ',
    code: 'barcode.too_long',
    ai: '8003',
  },
  'leftover digit after a GTIN': { input: ']C101123456789012312', code: 'barcode.unknown_ai', ai: '2' },
  'unknown two-digit AI 89': { input: ']C1891234', code: 'barcode.unknown_ai', ai: '89', position: 3 },
  'unknown three-digit AI 230': { input: ']C12301234', code: 'barcode.unknown_ai', ai: '230' },
  'unknown four-digit AI 3106': { input: ']C13106000500', code: 'barcode.unknown_ai', ai: '3106' },
  'unknown AI 7399': { input: ']C17399ABC', code: 'barcode.unknown_ai' },
  'unknown AI 23 after a GTIN': { input: ']C10109506000134352235', code: 'barcode.empty_value', ai: '235' },
  'letters where an AI belongs': { input: ']C1ABC', code: 'barcode.invalid_character', position: 3 },
  'empty lot before GS': { input: `]C110${GS}17261231`, code: 'barcode.empty_value', ai: '10', position: 5 },
  'AI without data at end': { input: ']C101', code: 'barcode.empty_value', ai: '01' },
  'month 13': {
    input: ']C117261301',
    code: 'barcode.invalid_date',
    ai: '17',
    position: 7,
    message: /month 13 is not a valid month/,
  },
  'month 00': { input: ']C11780000075', code: 'barcode.invalid_date', ai: '17' },
  'day 32': {
    input: ']C117260132',
    code: 'barcode.invalid_date',
    ai: '17',
    position: 9,
    message: /AI 17 \(USE BY or EXPIRY\): day 32 is not a valid day/,
  },
  '29 February in a common year': { input: ']C117230229', code: 'barcode.invalid_date', ai: '17' },
  '31 April': { input: ']C115260431', code: 'barcode.invalid_date', ai: '15' },
  'day 00 where the format is YYMMDD (7006)': {
    input: ']C17006201200',
    code: 'barcode.invalid_date',
    ai: '7006',
    message: /day 00/,
  },
  'release date 4326 with day 00': { input: ']C14326201200', code: 'barcode.invalid_date', ai: '4326' },
  'hour 24 (4324)': { input: ']C143242012252400', code: 'barcode.invalid_date', ai: '4324', message: /hour 24/ },
  'minute 60 (4324)': { input: ']C143242012252360', code: 'barcode.invalid_date', ai: '4324', message: /minute 60/ },
  'second 60 (8008)': {
    input: ']C1800820122523006' + '0',
    code: 'barcode.invalid_date',
    ai: '8008',
    message: /second 60/,
  },
  'GTIN + invalid date (linter on second AI)': {
    input: '(01)95012345678903(11)131313',
    code: 'barcode.invalid_date',
    ai: '11',
  },
  'date of birth 7250 invalid': { input: ']C1725019900230', code: 'barcode.invalid_date', ai: '7250' },
  'missing GS after a count (30) before a lot': {
    input: ']C13053010ABC',
    code: 'barcode.missing_separator',
    ai: '30',
    position: 8,
  },
  'missing GS after a count, later data too': {
    input: `]C1305310ABC${GS}0109506000134352`,
    code: 'barcode.missing_separator',
    ai: '30',
    position: 7,
  },
  'missing GS after country 422': {
    input: ']C142227610ABC',
    code: 'barcode.missing_separator',
    ai: '422',
    position: 9,
  },
  'missing GS after price per unit 8005': {
    input: ']C1800511111110ABC',
    code: 'barcode.missing_separator',
    ai: '8005',
    position: 13,
  },
  'missing GS after a harvest range': {
    input: ']C1700721122521123121SER',
    code: 'barcode.missing_separator',
    ai: '7007',
    position: 19,
  },
  'only a leading GS': { input: `]C1${GS}`, code: 'barcode.empty_data' },
  'bracketed: empty value': { input: '(10)(11)98765', code: 'barcode.empty_value', ai: '10' },
  'bracketed: empty value at end': { input: '(10)12345(11)', code: 'barcode.empty_value', ai: '11' },
  'bracketed: predefined AI with short value': { input: '(17)9(90)217', code: 'barcode.too_short', ai: '17' },
  'bracketed: fixed-length AI too long': { input: '(01)123456789012312(10)12345', code: 'barcode.too_long', ai: '01' },
  'bracketed: unknown AI': { input: '(89)1234', code: 'barcode.unknown_ai', ai: '89', position: 1 },
  'bracketed: non-numeric AI': { input: '(1A)12345', code: 'barcode.invalid_character', opts: { assume: 'gs1' } },
  'bracketed: AI too long': { input: '(12345)12345', code: 'barcode.invalid_character', opts: { assume: 'gs1' } },
  'bracketed: AI shorter than its prefix needs': { input: '(310)123456', code: 'barcode.unknown_ai' },
};

describe('GS1 element strings: errors', () => {
  it.each(Object.entries(ERROR_CASES))('%s', (_name, c) => {
    const result = decodeBarcode(c.input, c.opts ?? Y);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(c.code);
    if (c.ai !== undefined) expect(result.error.ai).toBe(c.ai);
    if (c.position !== undefined) expect(result.error.position).toBe(c.position);
    if (c.message !== undefined) expect(result.error.message).toMatch(c.message);
  });
});
