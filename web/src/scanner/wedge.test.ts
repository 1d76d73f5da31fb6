import { describe, expect, it } from 'vitest';
import { WedgeDetector, type ScanEvent } from './wedge';

function feed(d: WedgeDetector, text: string, start: number, gap: number, target?: EventTarget): number {
  let t = start;
  for (const ch of text) {
    d.handle({ key: ch, timeStamp: t, target: target ?? null });
    t += gap;
  }
  return t;
}

describe('WedgeDetector', () => {
  it.each([
    { name: 'scanner burst (5 ms) ending in Enter is a scan', gap: 5, text: '4006381333931', scan: '4006381333931' },
    { name: 'human typing (150 ms) is not a scan', gap: 150, text: '4006381333931', scan: null },
    { name: 'too short burst is not a scan', gap: 5, text: '12', scan: null },
  ])('$name', ({ gap, text, scan }) => {
    const got: ScanEvent[] = [];
    const d = new WedgeDetector((e) => got.push(e), { maxGapMs: 40, minLength: 3 });
    const t = feed(d, text, 1000, gap);
    const consumed = d.handle({ key: 'Enter', timeStamp: t });
    expect(consumed).toBe(scan !== null);
    expect(got.map((e) => e.code)).toEqual(scan ? [scan] : []);
  });

  it('a slow first key followed by a burst keeps only the burst', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    d.handle({ key: '7', timeStamp: 0 });
    const t = feed(d, 'B-01-02', 500, 4);
    d.handle({ key: 'Enter', timeStamp: t });
    expect(got).toEqual(['B-01-02']);
  });

  it('keeps the GS1 group separator and reports the field the burst typed into', () => {
    const got: ScanEvent[] = [];
    const d = new WedgeDetector((e) => got.push(e));
    const input = document.createElement('input');
    input.value = '12';
    let t = feed(d, ']C101040063813339311', 0, 3, input);
    d.handle({ key: 'GroupSeparator', timeStamp: t, target: input });
    t = feed(d, '10LOT7', t + 3, 3, input);
    d.handle({ key: 'Enter', timeStamp: t });
    expect(got[0]?.code).toBe(']C101040063813339311\x1d10LOT7');
    expect(got[0]?.field?.element).toBe(input);
    expect(got[0]?.field?.valueBefore).toBe('12');
  });

  it('a pause before Enter (a person pressing Enter after a scan-like burst) is not a scan', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    const t = feed(d, 'ABCDEF', 0, 5);
    expect(d.handle({ key: 'Enter', timeStamp: t + 400 })).toBe(false);
    expect(got).toEqual([]);
  });
});
