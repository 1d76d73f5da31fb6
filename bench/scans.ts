// Phase 6: handheld scans over HTTP (bench/scan-latency.ts) on the loaded database, reported in the shape
// the benchmark report promises: concurrency, p50/p95/p99 in ms, scans per second (plus the raw figures).
import type { BenchEnv } from './phases.js';
import { measureScans } from './scan-latency.js';

export async function runScans(env: BenchEnv, seconds: number, clients = 50): Promise<Record<string, unknown>> {
  try {
    const r = await measureScans(env, { clients, seconds });
    return { concurrency: r.clients, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, perSecond: r.scansPerSecond, ...r };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
