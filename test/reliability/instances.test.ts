// Several app instances against one PostgreSQL (docs/scaling.md): two `inventur serve` processes on one
// fresh schema. Jobs queued through both are each claimed exactly once (FOR UPDATE SKIP LOCKED in the
// runner), a session signed in on one instance works on the other and a sign-out on one ends it on both,
// and scans split across both instances lose nothing. PGlite is one process by design (its directory is
// locked), so the file runs only with DATABASE_URL. Bounded: fixed counts, every wait has a deadline.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/services/runtime.js';
import { createUser, ensureAdmin } from '../../src/services/user.service.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import {
  makeCountingWorld,
  makeList,
  makeOpenInventory,
  makeStructuredList,
  type Inv,
  type List,
  type World,
} from '../medium/counting/fixtures.js';
import { startServer } from '../helpers/server-process.js';

const url = process.env.DATABASE_URL;
if (!url)
  console.warn(
    '[instances.test] skipped: several app instances need one PostgreSQL server (set DATABASE_URL); PGlite is one process by design',
  );

const ADMIN_PW = 'instances-admin-password-2026';
const COUNTER_PW = 'instances-counter-password-2026';
// Enough jobs that the two workers' claims collide many times (with a plain SELECT instead of SKIP LOCKED
// this claims jobs twice in every run tried).
const JOBS_PER_ROUND = 150;
const MAX_ROUNDS = 3;
const SCANS = 200;
const SCAN_CONCURRENCY = 8;

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
}

const schema = `t_inst_${randomBytes(5).toString('hex')}`;
let rt: Runtime;
let w: World;
let instances: Instance[] = [];

/** One `inventur serve`; its connections carry application_name = name, so the database sees who claimed what. */
async function startInstance(name: string): Promise<Instance> {
  const dbUrl = new URL(url!);
  dbUrl.searchParams.set('application_name', name);
  return { name, ...(await startServer({ DATABASE_URL: dbUrl.toString(), INVENTUR_DB_SCHEMA: schema }, name)) };
}

async function stopInstance(i: Instance): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return;
  const exited = new Promise((r) => i.child.once('exit', r));
  i.child.kill('SIGTERM');
  const timer = setTimeout(() => i.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function call(i: Instance, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${i.base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read field by field in the test
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, any> };
}

async function signIn(i: Instance, username: string, password: string): Promise<string> {
  const r = await call(i, 'POST', '/api/auth/login', { username, password });
  expect(r.status, r.text).toBe(200);
  return r.json().token as string;
}

beforeAll(async () => {
  if (!url) return;
  // The test migrates the schema and lays the data before the servers start (each then finds it migrated).
  rt = await openRuntime({ url, schema, poolSize: 2 });
  const db = rt.ctx.db;
  await ensureAdmin(rt.ctx, ADMIN_PW);
  await createUser(rt.ctx, SYSTEM_ACTOR, {
    username: 'counter',
    password: COUNTER_PW,
    role: 'counter',
    displayName: 'Counter',
  });
  w = await makeCountingWorld(db);
  // Every claim (an update that raises attempts) is written down with the claiming connection's application_name.
  await rt.handle.pool.query(`
    create table test_claims (job_id text not null, instance text not null);
    create function test_record_claim() returns trigger language plpgsql as $$
    begin
      if new.status = 'running' and new.attempts > old.attempts then
        insert into test_claims values (new.id, current_setting('application_name'));
      end if;
      return new;
    end $$;
    create trigger test_jobs_claims after update on jobs for each row execute function test_record_claim();`);
  instances = [await startInstance('inst_a'), await startInstance('inst_b')];
}, 240_000);

afterAll(async () => {
  if (!url) return;
  await Promise.all(instances.map(stopInstance));
  await rt?.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}, 60_000);

async function waitForJobs(ids: string[]): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const r = await rt.handle.pool.query<{ n: string }>(
      `select count(*) as n from jobs where id = any($1) and status in ('succeeded', 'failed')`,
      [ids],
    );
    if (Number(r.rows[0]!.n) === ids.length) return;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('jobs did not finish within 60 s');
}

describe.skipIf(!url)('two app instances on one PostgreSQL', () => {
  it('claims every job exactly once when both instances poll one queue', async () => {
    const db = rt.ctx.db;
    const admin = await Promise.all(instances.map((i) => signIn(i, 'admin', ADMIN_PW)));
    const seenBy = new Set<string>();
    const claimed: Record<string, number> = {};
    let rounds = 0;
    // Both instances must take part for the check to mean anything; which one wins each job is the
    // database's choice, so a round where one instance took everything is run again (at most MAX_ROUNDS).
    while (rounds < MAX_ROUNDS && seenBy.size < 2) {
      rounds++;
      const inv: Inv = await makeOpenInventory(db, w);
      const lists: List[] = [];
      for (let n = 0; n < JOBS_PER_ROUND; n++)
        lists.push(await makeList(db, inv, { responsibleUserId: null, status: 'created' }));
      // Each job queued through alternating instances, all at once: each instance's worker wakes on its own
      // enqueue and both drain the one queue.
      const accepted = await Promise.all(
        lists.map((l, n) =>
          call(instances[n % 2]!, 'POST', '/api/count-lists/open', { countListIds: [l.id] }, admin[n % 2]),
        ),
      );
      for (const a of accepted) expect(a.status, a.text).toBe(202);
      const jobIds = accepted.map((a) => a.json().jobId as string);
      await waitForJobs(jobIds);

      const claims = await rt.handle.pool.query<{ job_id: string; instance: string }>(
        'select job_id, instance from test_claims where job_id = any($1)',
        [jobIds],
      );
      const perJob = new Map<string, number>();
      for (const c of claims.rows) {
        perJob.set(c.job_id, (perJob.get(c.job_id) ?? 0) + 1);
        expect(['inst_a', 'inst_b']).toContain(c.instance);
        seenBy.add(c.instance);
        claimed[c.instance] = (claimed[c.instance] ?? 0) + 1;
      }
      expect(
        [...perJob.entries()].filter(([, n]) => n !== 1),
        'jobs claimed more than once',
      ).toEqual([]);
      expect(claims.rows).toHaveLength(JOBS_PER_ROUND);
      const jobs = await db
        .selectFrom('jobs')
        .select(['id', 'status', 'attempts', 'result'])
        .where('id', 'in', jobIds)
        .execute();
      for (const j of jobs) {
        expect(j.status).toBe('succeeded');
        expect(j.attempts).toBe(1);
        // Run once: the list was opened by this job, not found already open by a second run.
        expect((j.result as { lists: Array<{ status: string }> }).lists.map((l) => l.status)).toEqual(['open']);
      }
      const statuses = await db.selectFrom('countLists').select('status').where('inventoryId', '=', inv.id).execute();
      expect(statuses.map((s) => s.status)).toEqual(Array(JOBS_PER_ROUND).fill('open'));
    }
    console.info(
      `[instances.test] jobs: ${rounds} round(s) of ${JOBS_PER_ROUND}, claims per instance ${JSON.stringify(claimed)}`,
    );
    expect([...seenBy].sort()).toEqual(['inst_a', 'inst_b']);
  }, 120_000);

  it('accepts a session signed in on one instance on the other, and a sign-out on one ends it on both', async () => {
    const [a, b] = instances as [Instance, Instance];
    const token = await signIn(a, 'counter', COUNTER_PW);
    const onB = await call(b, 'GET', '/api/auth/me', undefined, token);
    expect(onB.status, onB.text).toBe(200);
    expect(onB.json().username).toBe('counter');
    const other = await signIn(b, 'admin', ADMIN_PW);
    expect((await call(a, 'GET', '/api/auth/me', undefined, other)).json().username).toBe('admin');

    expect((await call(b, 'POST', '/api/auth/logout', undefined, token)).status).toBe(204);
    expect((await call(a, 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
    expect((await call(b, 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });

  it('loses no scan when the scans of one list are split across both instances', async () => {
    const db = rt.ctx.db;
    const counter = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'counter')
      .executeTakeFirstOrThrow();
    const inv = await makeOpenInventory(db, w, { reportType: 'cumulative' });
    const { list } = await makeStructuredList(db, w, inv, counter.id);
    const tokens = await Promise.all(instances.map((i) => signIn(i, 'counter', COUNTER_PW)));
    const perInstance = [0, 0];
    for (let start = 0; start < SCANS; start += SCAN_CONCURRENCY) {
      const batch = Array.from({ length: Math.min(SCAN_CONCURRENCY, SCANS - start) }, (_, k) => start + k);
      const answers = await Promise.all(
        batch.map((n) => {
          perInstance[n % 2]!++;
          return call(
            instances[n % 2]!,
            'POST',
            `/api/handheld/lists/${list.id}/scans`,
            { clientReportId: `split-${n}`, bin: '01-01', barcode: '4006381333931', quantity: '1', mode: 'add' },
            tokens[n % 2],
          );
        }),
      );
      for (const a of answers) expect(a.status, a.text).toBe(200);
      for (const a of answers) expect(a.json().duplicate).toBe(false);
    }
    expect(perInstance).toEqual([SCANS / 2, SCANS / 2]);
    // One report per scan, and the line sums them all (a carton of 12 pieces each), read through either instance.
    const reports = await db
      .selectFrom('countReports')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('countListId', '=', list.id)
      .where('clientReportId', 'like', 'split-%')
      .executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBe(SCANS);
    for (const [n, i] of instances.entries()) {
      const line = await call(i, 'GET', `/api/handheld/lists/${list.id}/items?bin=01-01`, undefined, tokens[n]);
      expect(line.status, line.text).toBe(200);
      expect(line.json().items[0].reportedQuantity).toBe(String(SCANS * 12));
    }
  }, 120_000);
});
