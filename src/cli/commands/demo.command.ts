import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/context.js';
import { type DemoProgress, loadDemoData } from '../../services/demo/demo.service.js';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import { bootstrapAdmin } from '../../services/user.service.js';
import type { Cli } from '../io.js';

function whole(name: string) {
  return (value: string): number => {
    if (!/^[0-9]+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

export function registerDemo(program: Command, cli: Cli): void {
  program
    .command('demo')
    .description('load a deterministic demo data set (master data, items, opening stock) into an EMPTY database')
    .requiredOption('--items <n>', 'number of items', whole('items'))
    .option(
      '--warehouses <n>',
      'counted warehouses, 2–50 (2/3 structured, the rest unstructured; plus a virtual one)',
      whole('warehouses'),
      4,
    )
    .option('--seed <n>', 'PRNG seed: the same seed gives the same data', whole('seed'), 1)
    .option('--positions <n>', 'stock positions in total (default 10 per item)', whole('positions'))
    .action(async (opts: { items: number; warehouses: number; seed: number; positions?: number }) => {
      const runtime = await openRuntime(configFromEnv(cli.env));
      const started = Date.now();
      const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
      let lastStep = '';
      const progress = (p: DemoProgress) => {
        // One line per step on a pipe; an updating line on a terminal.
        const line = `${p.step}: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${elapsed()})`;
        if (cli.stderr.isTTY) cli.stderr.write(`\r${line}${p.done === p.total ? '\n' : ''}`);
        else if (p.done === p.total || p.step === 'positions' || p.step !== lastStep) cli.stderr.write(`${line}\n`);
        lastStep = p.step;
      };
      try {
        // Run before the first `serve`, the demo must leave an admin too, made as serve makes it
        // (INVENTUR_ADMIN_PASSWORD, checked by the password rules before anything is loaded, or a
        // generated password shown once).
        const adminLine = await bootstrapAdmin(runtime.ctx, cli.env);
        cli.stderr.write(`loading demo data into ${runtime.handle.describe}\n`);
        const r = await loadDemoData(
          runtime.ctx,
          SYSTEM_ACTOR,
          { items: opts.items, warehouses: opts.warehouses, seed: opts.seed, positions: opts.positions },
          progress,
        );
        const c = r.counts;
        cli.stdout.write(
          `demo data loaded in ${elapsed()} (seed ${r.plan.seed}): site DEMO, ${c.warehouses} warehouses, ${c.bins.toLocaleString('en')} bins, ` +
            `${c.items.toLocaleString('en')} items, ${c.lots.toLocaleString('en')} lots, ${c.positions.toLocaleString('en')} stock positions, ` +
            `${c.ledgerEntries.toLocaleString('en')} ledger entries\nusers (sign in with these):\n` +
            r.users.map((u) => `  ${u.username.padEnd(16)} ${u.role.padEnd(8)} password ${u.password}\n`).join(''),
        );
        if (adminLine) cli.stdout.write(`${adminLine}\n`);
      } finally {
        await runtime.close();
      }
    });
}
