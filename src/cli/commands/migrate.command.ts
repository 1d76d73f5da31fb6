import type { Command } from 'commander';
import { configFromEnv, openRuntime } from '../../services/runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const runtime = await openRuntime(configFromEnv());
      process.stdout.write(
        runtime.applied.length ? `applied: ${runtime.applied.join(', ')}\n` : 'database is up to date\n',
      );
      await runtime.close();
    });
}
