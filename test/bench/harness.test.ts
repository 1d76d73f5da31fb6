// The benchmark harness on a tiny data set: the load phase, the bare-SQL floors and the machine facts give
// real figures, and the phase runner hands state from one phase to the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFloors } from '../../bench/floor.js';
import { machineFacts } from '../../bench/machine.js';
import { type BenchEnv, PHASES, generate, load } from '../../bench/phases.js';
import { RssSampler } from '../../bench/rss.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { freshDb, type TestDb } from '../helpers/db.js';

describe('bench harness', () => {
  let t: TestDb;
  let env: BenchEnv;

  beforeAll(async () => {
    t = await freshDb();
    env = {
      ctx: t.ctx,
      admin: SYSTEM_ACTOR,
      items: 100,
      positions: 600,
      seed: 3,
      listSize: 250,
      log: () => {},
      state: {},
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the phases in the order of an inventory', () => {
    expect(PHASES.map((p) => p.name)).toEqual(['load', 'generate', 'open', 'report', 'closeLists', 'closeInventory']);
    expect(generate.blockedBy({})).toMatch(/demo data/);
  });

  it('loads the demo data and leaves the manager for the next phases', async () => {
    const done = await load.run(env);
    expect(done.rows).toBe(600);
    expect(env.state.manager).toMatchObject({ username: 'demo.manager', role: 'manager' });
    expect(generate.blockedBy(env.state)).toBeNull();
  });

  it('measures the floors on every position and restores the database', async () => {
    const f = await measureFloors(t.ctx);
    expect(f.rows).toBe(600);
    for (const s of [f.insertSorted, f.updateAll, f.update5pct, f.insertPostings5pct]) expect(s).toBeGreaterThan(0);
    const left = await t.ctx.db
      .selectFrom('stockBalances')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(left.n).toBe('600');
  });

  it('reports the machine and the engine', async () => {
    const m = await machineFacts(t.ctx);
    expect(m.cores).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
    expect(m.database).toMatch(/PostgreSQL/);
    if (t.ctx.engine === 'pglite') expect(m.pgliteVersion).toMatch(/^\d+\.\d+/);
  });

  it('samples a peak RSS', () => {
    const s = new RssSampler();
    s.start();
    expect(s.stop()).toBeGreaterThan(10);
  });
});
