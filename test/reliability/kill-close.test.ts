// kill -9 of the server while its background job closes count lists (closing posts the differences to the
// ledger). Each list closes in one transaction, so after the crash every list is either fully closed — its
// items closed, its adjustments in the ledger — or fully as before, with nothing posted; every stock balance
// still equals the sum of its ledger entries; and the job, taken up again after the restart (its heartbeat
// aged past the stale limit, as a minute's wait would), closes the rest, each list exactly once.
// On both databases: PGlite in a data directory of its own, PostgreSQL in a throw-away schema. Bounded:
// a few thousand positions, TRIALS kills, every wait has a deadline.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, load, open, report, type BenchEnv } from '../../bench/phases.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { openRuntime } from '../../src/services/runtime.js';
import { ensureAdmin } from '../../src/services/user.service.js';
import { type ServerProcess, startServer } from '../helpers/server-process.js';

const url = process.env.DATABASE_URL;
const TRIALS = 3;
const ADMIN_PW = 'kill-close-admin-2026-pw';
const schema = `t_kill_${randomBytes(5).toString('hex')}`;
const dataDir = url ? undefined : mkdtempSync(path.join(tmpdir(), 'inventur-kill-'));
const config = url ? { url, schema, poolSize: 2 } : { dataDir: dataDir! };
const serverEnv = url
  ? { DATABASE_URL: url, INVENTUR_DB_SCHEMA: schema }
  : { INVENTUR_DATA_DIR: dataDir!, DATABASE_URL: '' };

let listIds: string[] = [];

async function kill9(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
}

async function signIn(s: ServerProcess): Promise<string> {
  const r = await fetch(`${s.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PW }),
  });
  expect(r.status).toBe(200);
  liveServer = s;
  liveToken = ((await r.json()) as { token: string }).token;
  return liveToken;
}

async function closeJob(s: ServerProcess, token: string, ids: string[]): Promise<string> {
  const r = await fetch(`${s.base}/api/count-lists/close`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ countListIds: ids }),
  });
  expect(r.status).toBe(202);
  return ((await r.json()) as { jobId: string }).jobId;
}

async function jobState(s: ServerProcess, token: string, id: string): Promise<{ status: string; progress: number }> {
  const r = await fetch(`${s.base}/api/jobs/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return (await r.json()) as { status: string; progress: number };
}
const jobStatus = async (s: ServerProcess, token: string, id: string) => (await jobState(s, token, id)).status;

async function waitForJob(
  s: ServerProcess,
  token: string,
  id: string,
  want: (status: string) => boolean,
  ms = 120_000,
): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const status = await jobStatus(s, token, id);
    if (want(status)) return status;
    if (Date.now() > until) throw new Error(`job ${id} still ${status} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface ListState {
  id: string;
  status: string;
  openItems: number;
  closedItems: number;
  entries: number;
}

/** What the database holds after a crash, read with a runtime of the test's own (the server is down). */
async function inspect(ageJobs = false): Promise<{ lists: ListState[]; balanceMismatches: number; jobs: string[] }> {
  const rt = await openRuntime(config);
  try {
    const jobs = await sql<{
      status: string;
    }>`select status from jobs where kind = 'close_count_lists' order by created_at`.execute(rt.ctx.db);
    if (ageJobs)
      await sql`update jobs set heartbeat_at = heartbeat_at - interval '1 hour' where status = 'running'`.execute(
        rt.ctx.db,
      );
    const lists = await sql<ListState>`
      select cl.id, cl.status,
        (select count(*)::int from count_list_items i where i.count_list_id = cl.id and i.status <> 'closed' and not i.informational) as "openItems",
        (select count(*)::int from count_list_items i where i.count_list_id = cl.id and i.status = 'closed') as "closedItems",
        (select count(*)::int from stock_ledger e where e.origin_type = 'count_list' and e.origin_id = cl.id::text) as entries
      from count_lists cl where cl.id = any(${listIds}::bigint[]) order by cl.id`.execute(rt.ctx.db);
    const mismatch = await sql<{ n: number }>`
      with sums as (
        select site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, sum(quantity) as q from stock_ledger
        group by site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id)
      select count(*)::int as n from stock_balances b full join sums s
        on s.site_id = b.site_id and s.item_id = b.item_id and s.warehouse_id = b.warehouse_id and s.zone_id is not distinct from b.zone_id
        and s.bin_id is not distinct from b.bin_id and s.lot = b.lot and s.serial = b.serial and s.owner_id = b.owner_id
      where coalesce(b.quantity, 0) <> coalesce(s.q, 0)`.execute(rt.ctx.db);
    return {
      lists: lists.rows.map((l) => ({ ...l, id: String(l.id) })),
      balanceMismatches: mismatch.rows[0]!.n,
      jobs: jobs.rows.map((j) => j.status),
    };
  } finally {
    await rt.close();
  }
}

const FINAL = new Set(['closed', 'closed_with_errors']);

let liveServer: ServerProcess | undefined;
let liveToken = '';
/** List states and their posted entries while a server runs (PGlite's directory is locked to it): through the API. */
async function sqlState(): Promise<Array<{ id: string; status: string; entries: number }>> {
  const out: Array<{ id: string; status: string; entries: number }> = [];
  for (const id of listIds) {
    const list = (await (
      await fetch(`${liveServer!.base}/api/count-lists/${id}`, { headers: { authorization: `Bearer ${liveToken}` } })
    ).json()) as { status: string };
    const led = (await (
      await fetch(`${liveServer!.base}/api/stock/ledger?originType=count_list&originId=${id}&limit=500`, {
        headers: { authorization: `Bearer ${liveToken}` },
      })
    ).json()) as { items: unknown[] };
    out.push({ id, status: list.status, entries: led.items.length });
  }
  return out;
}

beforeAll(async () => {
  // Demo data, one stock-taking-day inventory, its lists opened and counted (5 % with differences), as the benchmark does.
  const rt = await openRuntime(config);
  try {
    await ensureAdmin(rt.ctx, ADMIN_PW);
    const env: BenchEnv = {
      ctx: rt.ctx,
      admin: SYSTEM_ACTOR,
      items: 800,
      positions: 4_000,
      seed: 7,
      listSize: 600,
      log: () => {},
      state: {},
    };
    for (const phase of [load, generate, open, report]) await phase.run(env);
    listIds = env.state.listIds!;
  } finally {
    await rt.close();
  }
}, 300_000);

afterAll(async () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}, 60_000);

describe(`kill -9 while closing count lists (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('leaves every list fully closed or fully open, balances equal to the ledger, and closes each list exactly once after the restart', async () => {
    expect(listIds.length).toBeGreaterThanOrEqual(TRIALS + 1);
    // Trial 0 closes one list undisturbed: how long that takes here sets when the later kills land.
    let server = await startServer(serverEnv);
    let token = await signIn(server);
    let t = Date.now();
    const firstJob = await closeJob(server, token, [listIds[0]!]);
    expect(await waitForJob(server, token, firstJob, (st) => st === 'succeeded' || st === 'failed')).toBe('succeeded');
    const oneList = Date.now() - t;
    await kill9(server);

    const batches = Array.from({ length: TRIALS }, (_, i) => listIds.filter((_, j) => j > 0 && (j - 1) % TRIALS === i));
    const outcomes: string[] = [];
    const entriesAtKill = new Map<string, number>();
    server = await startServer(serverEnv);
    token = await signIn(server);
    for (let trial = 0; trial < TRIALS; trial++) {
      const batch = batches[trial]!;
      // Kill inside the batch: right after it was queued, half a list's time later, and once its first list is
      // closed. (No status is asked before the first two: PGlite answers it only between two transactions.)
      const job = await closeJob(server, token, batch);
      t = Date.now();
      if (trial === 1) await new Promise((r) => setTimeout(r, Math.round(oneList / 2)));
      if (trial === 2) {
        const until = Date.now() + 60_000;
        for (let st = await jobState(server, token, job); Date.now() < until; st = await jobState(server, token, job)) {
          if (st.status === 'succeeded' || st.status === 'failed' || st.progress >= 1) break;
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      await kill9(server);
      const killedAfter = Date.now() - t;

      const after = await inspect(true);
      expect(after.balanceMismatches).toBe(0);
      let closedAtKill = 0;
      for (const l of after.lists) {
        entriesAtKill.set(l.id, l.entries);
        if (FINAL.has(l.status)) {
          expect(l.openItems, `list ${l.id} ${l.status}`).toBe(0);
          if (batch.includes(l.id)) closedAtKill++;
        } else {
          expect(l.closedItems, `list ${l.id} ${l.status}`).toBe(0);
          expect(l.entries, `list ${l.id} ${l.status}`).toBe(0);
        }
      }
      outcomes.push(`killed after ${killedAfter} ms with ${closedAtKill}/${batch.length} lists closed`);

      // The restarted server takes the job up again and closes the rest of its lists, each once.
      server = await startServer(serverEnv);
      token = await signIn(server);
      expect(await waitForJob(server, token, job, (st) => st === 'succeeded' || st === 'failed')).toBe('succeeded');
      const resumed = await sqlState();
      for (const l of resumed.filter((x) => batch.includes(x.id))) {
        expect(FINAL.has(l.status), `list ${l.id} ${l.status}`).toBe(true);
        if (entriesAtKill.get(l.id)! > 0) expect(l.entries, `list ${l.id} posted again`).toBe(entriesAtKill.get(l.id));
      }
    }
    await kill9(server);

    // Closing everything again posts nothing more.
    const before = await inspect();
    const posted = before.lists.reduce((a, l) => a + l.entries, 0);
    expect(before.lists.every((l) => FINAL.has(l.status))).toBe(true);
    expect(posted).toBeGreaterThan(0);
    server = await startServer(serverEnv);
    token = await signIn(server);
    await waitForJob(
      server,
      token,
      await closeJob(server, token, listIds),
      (st) => st === 'succeeded' || st === 'failed',
    );
    await kill9(server);
    const again = await inspect();
    expect(again.lists.reduce((a, l) => a + l.entries, 0)).toBe(posted);
    expect(again.balanceMismatches).toBe(0);
    console.log(
      `[kill-close] ${url ? 'PostgreSQL' : 'PGlite'}: ${listIds.length} lists; one list closed in ${oneList} ms; kills: ${outcomes.join('; ')}; ${posted} ledger entries, posted once`,
    );
  }, 600_000);
});
