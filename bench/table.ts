// Turns `npm run bench -- --json FILE` reports into the Markdown rows of bench/README.md's results table:
//   npx tsx bench/table.ts report1.json report2.json …
import { readFileSync } from 'node:fs';

interface Phase {
  name: string;
  seconds: number | null;
  ratioToFloor?: number;
  peakRssMb: number | null;
}
interface Scans {
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  perSecond?: number;
  paced?: { p50Ms: number; p99Ms: number; scansPerSecond: number };
}
interface Report {
  db: string;
  positions: number;
  phases: Phase[];
  scans?: Scans;
  machine: { loadAverage?: number };
}

const PHASES = ['load', 'generate', 'open', 'report', 'closeLists', 'closeInventory'];
const cell = (p: Phase | undefined) =>
  p?.seconds == null ? '—' : `${p.seconds}${p.ratioToFloor !== undefined ? ` (${p.ratioToFloor}×)` : ''}`;

console.log(
  `| db | positions | ${PHASES.join(' | ')} | peak RSS MB | scans saturated: p50 / p99 ms, scans/s | paced: p50 / p99 ms | load avg |`,
);
console.log(`|---|---:|${PHASES.map(() => '---:').join('|')}|---:|---|---|---:|`);
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Report;
  const by = new Map(r.phases.map((p) => [p.name, p]));
  const rss = Math.max(...r.phases.map((p) => p.peakRssMb ?? 0));
  const s = r.scans;
  const sat = s?.p50Ms !== undefined ? `${s.p50Ms} / ${s.p99Ms}, ${s.perSecond}` : '—';
  const paced = s?.paced ? `${s.paced.p50Ms} / ${s.paced.p99Ms} (${s.paced.scansPerSecond}/s)` : '—';
  console.log(
    `| ${r.db} | ${r.positions.toLocaleString('en')} | ${PHASES.map((n) => cell(by.get(n))).join(' | ')} | ${rss} | ${sat} | ${paced} | ${r.machine.loadAverage ?? '—'} |`,
  );
}
