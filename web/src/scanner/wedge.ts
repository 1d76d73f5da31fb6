// Keyboard-wedge scanner detection. A hardware scanner "types" its code as a burst of keystrokes a few ms
// apart, ending in Enter; a person types far slower. We judge the run of keys by its AVERAGE pace, not by
// every single gap: on a busy device one late key event (a GC pause, a render) must not cut a scan in two,
// which is what a per-gap limit did (a partial code was reported, or the scan was lost). On Enter:
//  1. the whole run (keys since the last pause of `resetMs`) is a scan when it has ≥ `minLength` characters
//     and its average gap (first key → Enter) is under `avgGapMs`;
//  2. otherwise its trailing burst (keys no more than `maxGapMs` apart) is, by the same rule — a person
//     who typed a character just before scanning;
//  3. otherwise, when the keys reached no text field (nothing had the focus), the run is taken as a scan
//     anyway: those characters would be lost, and on the counting page nothing else uses them.
// A run that reached a text field and is not a scan is left alone: the field keeps the text and Enter
// submits its form, so a code typed by hand (or a scan slowed beyond recognition) still arrives once.
// A scan recognised in a text field is taken out of it again (the page routes the code to the right step).

export interface WedgeOptions {
  /** Longest average gap between the keys of one scan (ms). Scanners send 1–20 ms; people rarely < 60 ms. */
  avgGapMs?: number;
  /** Longest gap inside a trailing burst (ms), for rule 2. */
  maxGapMs?: number;
  /** A pause this long starts a new run (ms). */
  resetMs?: number;
  /** Shortest code taken as a scan. */
  minLength?: number;
}

export interface WedgeKey {
  key: string;
  timeStamp: number;
  target?: EventTarget | null;
}

export interface ScanEvent {
  code: string;
  /** The text field the scan typed into, with its value before the scan (to restore it). */
  field?: { element: HTMLInputElement | HTMLTextAreaElement; valueBefore: string };
}

interface Key {
  ch: string;
  at: number;
  field: ScanEvent['field'];
}

export const WEDGE_DEFAULTS: Required<WedgeOptions> = { avgGapMs: 35, maxGapMs: 80, resetMs: 1000, minLength: 4 };

export class WedgeDetector {
  private keys: Key[] = [];
  private lastAt = -Infinity;
  private readonly o: Required<WedgeOptions>;

  constructor(
    private readonly onScan: (e: ScanEvent) => void,
    options: WedgeOptions = {},
  ) {
    this.o = { ...WEDGE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  }

  /** Feeds one keydown. Returns true when the key closed a scan (the caller should preventDefault). */
  handle(k: WedgeKey): boolean {
    const gap = k.timeStamp - this.lastAt;
    this.lastAt = k.timeStamp;
    if (gap > this.o.resetMs) this.keys = [];
    if (k.key === 'Enter') {
      const keys = this.keys;
      this.keys = [];
      const hit = this.judge(keys, k.timeStamp);
      if (!hit) return false;
      const code = hit.map((x) => x.ch).join('');
      const field = hit[0]!.field;
      this.onScan(field ? { code, field } : { code });
      return true;
    }
    // GS1 scanners send the group separator as a control character; keep it, it delimits AIs.
    if (k.key.length !== 1 && k.key !== 'GroupSeparator') {
      if (k.key !== 'Shift') this.keys = [];
      return false;
    }
    const el = k.target as HTMLInputElement | null;
    const isField = !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
    this.keys.push({
      ch: k.key === 'GroupSeparator' ? '\x1d' : k.key,
      at: k.timeStamp,
      field: isField ? { element: el, valueBefore: el.value } : undefined,
    });
    return false;
  }

  /** The keys that form the scan closed by an Enter at `enterAt`, or null. */
  private judge(keys: Key[], enterAt: number): Key[] | null {
    const fast = (run: Key[]) =>
      run.length >= this.o.minLength && (enterAt - run[0]!.at) / run.length < this.o.avgGapMs;
    if (fast(keys)) return keys;
    let start = keys.length - 1;
    while (start > 0 && keys[start]!.at - keys[start - 1]!.at <= this.o.maxGapMs) start--;
    const burst = keys.slice(start);
    if (burst.length < keys.length && fast(burst)) return burst;
    if (keys.length >= this.o.minLength && keys.every((x) => !x.field)) return keys;
    return null;
  }

  reset(): void {
    this.keys = [];
  }
}

/** Sets a React-controlled input's value so React sees the change (its onChange fires). */
export function setInputValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
