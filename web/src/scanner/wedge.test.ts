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
  const field = () => document.createElement('input');
  it.each([
    { name: 'scanner burst (5 ms) ending in Enter is a scan', gap: 5, text: '4006381333931', scan: '4006381333931' },
    { name: 'human typing (150 ms) into a field is not a scan', gap: 150, text: '4006381333931', scan: null },
    { name: 'too short burst is not a scan', gap: 5, text: '123', scan: null },
  ])('$name', ({ gap, text, scan }) => {
    const got: ScanEvent[] = [];
    const d = new WedgeDetector((e) => got.push(e), { avgGapMs: 35, minLength: 4 });
    const t = feed(d, text, 1000, gap, field());
    const consumed = d.handle({ key: 'Enter', timeStamp: t });
    expect(consumed).toBe(scan !== null);
    expect(got.map((e) => e.code)).toEqual(scan ? [scan] : []);
  });

  it('one stalled key event inside a burst (a busy device) does not cut the scan in two', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    let t = feed(d, '400638', 0, 5, field());
    t = feed(d, '1333931', t + 250, 5, field());
    expect(d.handle({ key: 'Enter', timeStamp: t })).toBe(true);
    expect(got).toEqual(['4006381333931']);
  });

  it('a slow first key followed by a burst keeps only the burst', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    d.handle({ key: '7', timeStamp: 0, target: field() });
    const t = feed(d, 'B-01-02', 500, 4, field());
    d.handle({ key: 'Enter', timeStamp: t });
    expect(got).toEqual(['B-01-02']);
  });

  it('keys that reached no field are never lost, however slow', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    const t = feed(d, 'BIN0101', 0, 120);
    expect(d.handle({ key: 'Enter', timeStamp: t })).toBe(true);
    expect(got).toEqual(['BIN0101']);
  });

  it('a pause of resetMs starts a new run', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code), { resetMs: 1000 });
    feed(d, 'XYZ', 0, 5);
    const t = feed(d, 'BIN0101', 3000, 5);
    d.handle({ key: 'Enter', timeStamp: t });
    expect(got).toEqual(['BIN0101']);
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

  it('a long pause before Enter in a field (a person pressing Enter) is left to the field', () => {
    const got: string[] = [];
    const d = new WedgeDetector((e) => got.push(e.code));
    const t = feed(d, 'ABCDEF', 0, 5, field());
    expect(d.handle({ key: 'Enter', timeStamp: t + 400 })).toBe(false);
    expect(got).toEqual([]);
  });
});
