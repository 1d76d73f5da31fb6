// Barcode tokenizer: a pure module (no I/O, clock or randomness) turning scanner output into one
// JSON-ready DecodeResult. The API layer passes the current year as `referenceYear`.
//
// Not done here on purpose: GS1 AI association rules (req=/ex= pairs such as "02 requires 37", "01 and 02
// are mutually exclusive"). They need their own error code, which the closed set does not have yet.
export { decodeBarcode, type DecodeOptions } from './decode.js';
export { gtinCheckDigit, isValidGtin, makeEan13, makeEan8, mod10Valid, normaliseGtin } from './gtin.js';
export {
  parseBarcodeRule,
  RULE_DATE_FORMATS,
  RULE_FIELDS,
  type BarcodeRule,
  type FixedRule,
  type FixedRuleField,
  type ParseRuleResult,
  type RuleDateFormat,
  type RuleField,
  type RuleValidationError,
  type SeparatorRule,
} from './rules.js';
export { AI_DICTIONARY, getAi, type AiComponent, type AiDefinition, type CharSet } from './ai-dictionary.js';
export {
  BARCODE_ERROR_CODES,
  type BarcodeError,
  type BarcodeErrorCode,
  type BarcodeFields,
  type DecodeFailure,
  type DecodeResult,
  type DecodeSuccess,
  type Gs1Element,
  type Symbology,
} from './types.js';
