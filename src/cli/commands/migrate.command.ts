import type { Command } from 'commander';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import type { Cli } from '../io.js';

export function registerMigrate(program: Command, cli: Cli): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const runtime = await openRuntime(configFromEnv(cli.env));
      cli.stdout.write(
        runtime.applied.length ? `applied: ${runtime.applied.join(', ')}\n` : 'database is up to date\n',
      );
      await runtime.close();
    });
}
