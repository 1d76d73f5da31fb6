// Online state and the outbox: how many reports wait, and sending them when the network comes back.
import { useCallback, useEffect, useState } from 'react';
import { flush, pending, type FlushOutcome } from './queue';
import { handheld } from './handheldApi';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function useOutbox(onFlushed: (o: FlushOutcome) => void) {
  const online = useOnline();
  const [waiting, setWaiting] = useState(0);
  const [failed, setFailed] = useState(0);

  const refresh = useCallback(async () => {
    const all = await pending();
    setWaiting(all.filter((q) => !q.error).length);
    setFailed(all.filter((q) => q.error).length);
  }, []);

  const sync = useCallback(async () => {
    const o = await flush(handheld.send);
    await refresh();
    if (o.sent > 0 || o.failed > 0) onFlushed(o);
    return o;
  }, [refresh, onFlushed]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!online) return;
    void sync();
    // Keep trying while something waits: `online` is only a hint (captive portals, flaky Wi-Fi).
    const timer = window.setInterval(() => {
      void pending().then((p) => {
        if (p.some((q) => !q.error)) void sync();
      });
    }, 10_000);
    return () => window.clearInterval(timer);
  }, [online, sync]);

  return { online, waiting, failed, refresh, sync };
}
