// Keyboard-wedge scanner detection. A hardware scanner "types" its code as a burst of keystrokes a few ms
// apart, ending in Enter; a person types far slower. We time the keys: a run of at least `minLength`
// characters whose gaps all stay under `maxGapMs`, closed by Enter, is a scan. It is recognised whatever has
// the focus (or nothing), so the page can route it to the right step; characters the burst typed into a
// focused text field are taken out again.

export interface WedgeOptions {
  /** Longest pause between two keys of one scan (ms). Scanners send 1–20 ms; people rarely < 50 ms. */
  maxGapMs?: number;
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
  /** The text field the burst started in, with its value before the burst (to restore it). */
  field?: { element: HTMLInputElement | HTMLTextAreaElement; valueBefore: string };
}

export class WedgeDetector {
  private buffer = '';
  private lastAt = -Infinity;
  private field: ScanEvent['field'];
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(private readonly onScan: (e: ScanEvent) => void, options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 3;
  }

  /** Feeds one keydown. Returns true when the key closed a scan (the caller should preventDefault). */
  handle(k: WedgeKey): boolean {
    const gap = k.timeStamp - this.lastAt;
    this.lastAt = k.timeStamp;
    if (k.key === 'Enter') {
      const code = this.buffer;
      const field = this.field;
      this.reset();
      if (gap <= this.maxGapMs && code.length >= this.minLength) {
        this.onScan(field ? { code, field } : { code });
        return true;
      }
      return false;
    }
    // GS1 scanners send the group separator as a control character; keep it, it delimits AIs.
    if (k.key.length !== 1 && k.key !== 'GroupSeparator') {
      if (k.key !== 'Shift') this.reset();
      return false;
    }
    const ch = k.key === 'GroupSeparator' ? '\x1d' : k.key;
    if (gap > this.maxGapMs || this.buffer === '') {
      // A new run starts: remember where it types, in case it turns out to be a scan.
      this.buffer = ch;
      const el = k.target as HTMLInputElement | null;
      this.field = el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') ? { element: el, valueBefore: el.value } : undefined;
    } else {
      this.buffer += ch;
    }
    return false;
  }

  reset(): void {
    this.buffer = '';
    this.field = undefined;
  }
}

/** Sets a React-controlled input's value so React sees the change (its onChange fires). */
export function setInputValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
