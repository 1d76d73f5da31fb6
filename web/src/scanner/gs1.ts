// Minimal GS1 element-string reading on the device, only to pre-fill lot and serial while offline (online,
// the server's barcode tokenizer decides). Handles symbology identifiers (]C1, ]d2, ]Q3, ]e0), GS (0x1D)
// separators and the fixed-length AIs that commonly come before 10/21.
const FIXED: Record<string, number> = { '00': 18, '01': 14, '02': 14, '11': 6, '12': 6, '13': 6, '15': 6, '16': 6, '17': 6, '20': 2 };
const VARIABLE = new Set(['10', '21', '22', '30', '37', '240', '241', '250', '251', '400']);

export interface Gs1Fields {
  gtin?: string;
  lot?: string;
  serial?: string;
  expiry?: string;
  quantity?: string;
}

export function parseGs1(raw: string): Gs1Fields | null {
  let s = raw.replace(/^\](C1|d2|Q3|e0|E0)/, '');
  const hadSymbology = s !== raw;
  if (!hadSymbology && !s.includes('\x1d') && !/^(01|02)\d{14}(10|21|17|11)/.test(s)) return null;
  const out: Gs1Fields = {};
  while (s.length > 0) {
    if (s[0] === '\x1d') {
      s = s.slice(1);
      continue;
    }
    const ai2 = s.slice(0, 2);
    const ai3 = s.slice(0, 3);
    let ai: string;
    let value: string;
    if (FIXED[ai2] !== undefined) {
      ai = ai2;
      value = s.slice(2, 2 + FIXED[ai2]);
      s = s.slice(2 + FIXED[ai2]);
    } else if (VARIABLE.has(ai2) || VARIABLE.has(ai3)) {
      ai = VARIABLE.has(ai2) ? ai2 : ai3;
      const rest = s.slice(ai.length);
      const end = rest.indexOf('\x1d');
      value = end < 0 ? rest : rest.slice(0, end);
      s = end < 0 ? '' : rest.slice(end + 1);
    } else {
      return Object.keys(out).length ? out : null;
    }
    if (ai === '01' || ai === '02') out.gtin = value;
    else if (ai === '10') out.lot = value;
    else if (ai === '21') out.serial = value;
    else if (ai === '17') out.expiry = value;
    else if (ai === '30' || ai === '37') out.quantity = value;
  }
  return out;
}
