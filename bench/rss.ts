// Peak resident memory of one phase. A 50 ms sampler catches what JavaScript does between awaits; PGlite
// runs its WASM engine on the main thread and blocks the timer during a long statement, so the process's
// lifetime peak (getrusage maxrss) is read too: when it grew during the phase, the phase set the new peak.
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  private maxRssAtStart = 0;

  start(): void {
    this.peak = process.memoryUsage().rss;
    this.maxRssAtStart = process.resourceUsage().maxRSS;
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Stops sampling; the phase's peak RSS in MB. */
  stop(): number {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    const maxRss = process.resourceUsage().maxRSS; // KiB
    const peak = maxRss > this.maxRssAtStart ? Math.max(this.peak, maxRss * 1024) : this.peak;
    return Math.round(peak / 1024 / 1024);
  }
}
