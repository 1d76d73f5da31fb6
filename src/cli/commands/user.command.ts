import type { Command } from 'commander';
import { SYSTEM_ACTOR, type Role } from '../../services/context.js';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import { createUser } from '../../services/user.service.js';
import type { Cli } from '../io.js';

export function registerUser(program: Command, cli: Cli): void {
  const user = program.command('user').description('manage users');
  user
    .command('add <username>')
    .description('create a user; the password comes from --password or INVENTUR_NEW_PASSWORD')
    .option('--role <role>', 'admin | manager | counter', 'counter')
    .option('--password <password>', 'at least 12 characters, not a common password')
    .option('--name <displayName>', 'display name')
    .action(async (username: string, opts: { role: string; password?: string; name?: string }) => {
      if (!['admin', 'manager', 'counter'].includes(opts.role))
        throw new Error('--role must be admin, manager or counter');
      const password = opts.password ?? cli.env.INVENTUR_NEW_PASSWORD;
      if (!password) throw new Error('give --password or set INVENTUR_NEW_PASSWORD');
      const runtime = await openRuntime(configFromEnv(cli.env));
      try {
        const created = await createUser(runtime.ctx, SYSTEM_ACTOR, {
          username,
          password,
          role: opts.role as Role,
          displayName: opts.name,
        });
        cli.stdout.write(`created user ${created.username} (${created.role}), id ${created.id}\n`);
      } finally {
        await runtime.close();
      }
    });
}
