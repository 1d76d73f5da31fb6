// Phase 6: handheld scans over HTTP (bench/scan-latency.ts) on the loaded database, twice: 50 counters
// with no pause (saturation: scans per second), then 50 counters pausing ~250 ms between scans (still far
// faster than a person; the latency a counter sees when the server is not saturated). Reported in the
// shape the benchmark report promises — concurrency, p50/p95/p99 in ms, perSecond — from the saturated
// run, with the paced run beside it.
import type { BenchEnv } from './phases.js';
import { measureScans } from './scan-latency.js';

export const PACED_THINK_MS = 250;

export async function runScans(env: BenchEnv, seconds: number, clients = 50): Promise<Record<string, unknown>> {
  try {
    const saturated = await measureScans(env, { clients, seconds });
    const paced = await measureScans(env, { clients, seconds, thinkMs: PACED_THINK_MS });
    return {
      concurrency: saturated.clients,
      p50Ms: saturated.p50Ms,
      p95Ms: saturated.p95Ms,
      p99Ms: saturated.p99Ms,
      perSecond: saturated.scansPerSecond,
      saturated,
      paced,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
