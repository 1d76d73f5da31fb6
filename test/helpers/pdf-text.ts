// The text drawn in a PDF written by pdfkit, for assertions: inflates the page streams, maps each embedded
// font's glyph codes back to characters through its ToUnicode CMap and joins the strings of every text
// operator (one line per Tj/TJ). Enough for pdfkit's output (Identity-H fonts, 2-byte codes); not a general
// PDF parser.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const out = new Map<string, PdfObject>();
  const head = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('stream', from);
    const endAt = text.indexOf('endobj', from);
    if (streamAt < 0 || endAt < streamAt) {
      out.set(m[1]!, { dict: text.slice(from, endAt), stream: null });
      continue;
    }
    const dict = text.slice(from, streamAt);
    // The stream is exactly /Length bytes (its data may contain anything, "endobj" included).
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataAt, dataAt + length);
    out.set(m[1]!, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    head.lastIndex = dataAt + length;
  }
  return out;
}

function cmap(stream: Buffer): Map<number, string> {
  const map = new Map<number, string>();
  const text = stream.toString('latin1');
  for (const m of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    let code = parseInt(m[1]!, 16);
    for (const e of m[3]!.matchAll(/<([0-9a-f ]+)>/gi)) {
      const units = e[1]!
        .trim()
        .split(/\s+/)
        .map((h) => parseInt(h, 16));
      map.set(code++, String.fromCharCode(...units));
    }
  }
  return map;
}

/** The document's text, one line per text-showing operator, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fontCmaps = new Map<string, Map<number, string>>();
  for (const [id, o] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict)?.[1];
    const s = ref ? objs.get(ref)?.stream : null;
    if (s) fontCmaps.set(id, cmap(s));
  }
  const byName = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const c = fontCmaps.get(m[2]!);
      if (c) byName.set(m[1]!, c);
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || /\/Type \/XObject|\/Length1|CMap|\/Subtype/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!/\bT[Jj]\b/.test(content)) continue;
    let font: Map<number, string> | undefined;
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (m[1]) {
        font = byName.get(m[1]);
        continue;
      }
      const hex = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!).join('') : m[3]!;
      let s = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) s += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      lines.push(s);
    }
  }
  return lines.join('\n');
}

/** Number of pages (the /Count of the page tree). */
export function pdfPageCount(pdf: Buffer): number {
  for (const o of objects(pdf).values()) {
    const count = /\/Type \/Pages\b[\s\S]*?\/Count (\d+)|\/Count (\d+)[\s\S]*?\/Type \/Pages\b/.exec(o.dict);
    if (count) return Number(count[1] ?? count[2]);
  }
  throw new Error('no page tree');
}
