// Turns the transcribed dictionary rows (ai-table.ts) into lookup-ready AI definitions, once, at load.
import { AI_TABLE } from './ai-table.js';
import { AI_TITLES } from './ai-titles.js';

/** N digits; X GS1 set 82; Y GS1 set 39; Z GS1 set 64 (base64url). */
export type CharSet = 'N' | 'X' | 'Y' | 'Z';

export interface AiComponent {
  charset: CharSet;
  min: number;
  max: number;
  optional: boolean;
  /** Names of GS1 syntax tests ("linters") applying to this component, e.g. "csum", "yymmd0". */
  linters: readonly string[];
}

export interface AiDefinition {
  ai: string;
  /** GS1 data title (short), e.g. "USE BY or EXPIRY". */
  dataTitle: string;
  /** GS1 long title, e.g. "Expiration date (YYMMDD)". */
  title: string;
  /** Format specification as printed in the dictionary, used in error messages. */
  format: string;
  components: readonly AiComponent[];
  /** Predefined length: the value is never followed by a GS separator. */
  predefinedLength: boolean;
  /** Total length range of the value over all components. */
  minLength: number;
  maxLength: number;
}

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?([0-9]{1,2})(\])?((?:,[a-z0-9]+)*)$/;

/** Parses one component such as "N13,csum,gcppos1", "[X..16]" or "[N3],iso3166". Throws on malformed rows. */
export function parseComponent(text: string): AiComponent {
  const m = COMPONENT.exec(text);
  if (!m || Boolean(m[1]) !== Boolean(m[5])) throw new Error(`malformed AI component "${text}"`);
  const size = Number(m[4]);
  return {
    charset: m[2] as CharSet,
    min: m[3] ? 1 : size,
    max: size,
    optional: Boolean(m[1]),
    linters: m[6] ? m[6].slice(1).split(',') : [],
  };
}

function expandRange(ais: string): string[] {
  const [from, to] = ais.split('-');
  if (from === undefined) return [];
  if (to === undefined) return [from];
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, '0'));
  return out;
}

// Long titles are keyed by single AIs or ranges ("7030-7039") that need not match the table's rows.
function titleFor(ai: string): string | undefined {
  const direct = AI_TITLES[ai];
  if (direct !== undefined) return direct;
  for (const [key, title] of Object.entries(AI_TITLES)) {
    if (expandRange(key).includes(ai)) return title;
  }
  return undefined;
}

function buildDictionary(): Map<string, AiDefinition> {
  const map = new Map<string, AiDefinition>();
  for (const [ais, flags, spec, dataTitle] of AI_TABLE) {
    const components = spec.split(/\s+/).map(parseComponent);
    for (const ai of expandRange(ais)) {
      map.set(ai, {
        ai,
        dataTitle,
        title: AI_TITLES[ais] ?? titleFor(ai) ?? dataTitle,
        format: spec.replace(/,[a-z0-9]+/g, ''),
        components,
        predefinedLength: flags === '*',
        minLength: components.reduce((n, c) => n + (c.optional ? 0 : c.min), 0),
        maxLength: components.reduce((n, c) => n + c.max, 0),
      });
    }
  }
  return map;
}

export const AI_DICTIONARY: ReadonlyMap<string, AiDefinition> = buildDictionary();

/** Length of the AIs that start with each two-digit prefix (GS1 keeps AIs prefix-free per prefix). */
const AI_LENGTH_BY_PREFIX: ReadonlyMap<string, number> = new Map(
  [...AI_DICTIONARY.keys()].map((ai) => [ai.slice(0, 2), ai.length] as const),
);

/** The definition of the AI starting at `pos`, if any. AIs are 2 to 4 digits and the table is prefix-free. */
export function findAi(data: string, pos: number): AiDefinition | undefined {
  for (let len = 2; len <= 4; len++) {
    const candidate = data.slice(pos, pos + len);
    if (candidate.length < len) return undefined;
    const def = AI_DICTIONARY.get(candidate);
    if (def) return def;
  }
  return undefined;
}

/** Best guess at the digits of an unknown AI at `pos`, for error reports ("23" prefix → 3 digits, e.g. "230"). */
export function unknownAiAt(data: string, pos: number): string {
  const prefix = data.slice(pos, pos + 2);
  const len = AI_LENGTH_BY_PREFIX.get(prefix) ?? 2;
  const digits = /^[0-9]*/.exec(data.slice(pos, pos + len))?.[0] ?? '';
  return digits || prefix;
}

export function getAi(ai: string): AiDefinition | undefined {
  return AI_DICTIONARY.get(ai);
}

/** "AI 17 (USE BY or EXPIRY)", the prefix of every message about an element. */
export function aiLabel(def: AiDefinition): string {
  return `AI ${def.ai} (${def.dataTitle})`;
}
