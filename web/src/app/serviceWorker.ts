// Registers the service worker (public/sw.js) for the whole app, so the handheld page /scan reloads offline.
// Assets the page loaded before the worker controlled it are handed over to be cached (the worker caches
// the rest as it fetches them). Not in development (`vite` serves unhashed modules).
export function registerServiceWorker(): void {
  if (
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator) ||
    location.protocol === 'file:' ||
    import.meta.env.DEV
  )
    return;
  const handOver = (worker: ServiceWorker | null | undefined) => {
    if (!worker) return;
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => {
        const x = new URL(u);
        return x.origin === location.origin && x.pathname.startsWith('/assets/');
      });
    if (urls.length) worker.postMessage({ type: 'cache-urls', urls });
  };
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      handOver(reg.active);
      // Lazy chunks (e.g. the /scan page) may still be arriving: hand those over once the page settled too.
      setTimeout(() => handOver(reg.active), 5000);
    })
    .catch(() => undefined);
}
