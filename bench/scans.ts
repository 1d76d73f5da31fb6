// Scan latency belongs to bench/scan-latency.ts (another module). When that file exports
// `measureScans(env)` it runs here on the loaded database and its result becomes the report's "scans";
// otherwise the report says why there is none. The file is checked for the export before it is imported,
// so a stand-alone script there is never executed by accident.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchEnv } from './phases.js';

export async function runScans(env: BenchEnv): Promise<Record<string, unknown>> {
  const file = fileURLToPath(new URL('./scan-latency.ts', import.meta.url));
  if (!existsSync(file)) return { skipped: 'bench/scan-latency.ts not available' };
  if (!/export\s+(async\s+)?function\s+measureScans\b/.test(readFileSync(file, 'utf8'))) {
    return { skipped: 'bench/scan-latency.ts does not export measureScans(env)' };
  }
  const mod = (await import('./scan-latency.js' as string)) as { measureScans: (env: BenchEnv) => Promise<Record<string, unknown>> };
  try {
    return await mod.measureScans(env);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
