import { useEffect, useRef } from 'react';
import { setInputValue, WedgeDetector, type WedgeOptions } from './wedge';

/** Per-device tuning (slow Bluetooth scanners): localStorage `inventur.wedge` = {"avgGapMs":60,…}. */
function deviceOptions(): WedgeOptions {
  try {
    const raw = localStorage.getItem('inventur.wedge');
    return raw ? (JSON.parse(raw) as WedgeOptions) : {};
  } catch {
    return {};
  }
}

/** Listens for wedge scans on the whole window while mounted; `onScan` gets the code. */
export function useWedge(onScan: (code: string) => void, options?: WedgeOptions): void {
  const cb = useRef(onScan);
  cb.current = onScan;
  useEffect(() => {
    const d = new WedgeDetector(
      (e) => {
        // The scan typed into a text field: give the field its previous value back.
        if (e.field) setInputValue(e.field.element, e.field.valueBefore);
        cb.current(e.code);
      },
      { ...deviceOptions(), ...options },
    );
    const onKey = (ev: KeyboardEvent) => {
      if (ev.isComposing) return;
      if (d.handle({ key: ev.key, timeStamp: ev.timeStamp, target: ev.target })) {
        ev.preventDefault();
        ev.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options?.avgGapMs, options?.maxGapMs, options?.resetMs, options?.minLength]);
}
