import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import { bootstrapAdmin, sessionPolicyFromEnv, setSessionPolicy } from '../../services/user.service.js';
import { startBackground } from '../../services/background.js';
import type { Cli } from '../io.js';

export function registerServe(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description('run the HTTP server and web UI (PGlite in ./data unless DATABASE_URL is set)')
    .option('--port <port>', 'port (env PORT, default 3000)')
    .option('--host <host>', 'interface (env HOST, default 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const runtime = await openRuntime(configFromEnv(cli.env));
      setSessionPolicy(sessionPolicyFromEnv(cli.env));
      const adminLine = await bootstrapAdmin(runtime.ctx, cli.env);
      const app = await buildApp(runtime.ctx, { logger: { level: cli.env.LOG_LEVEL ?? 'info' } });
      const background = await startBackground(runtime.ctx, app.log);
      const port = Number(opts.port ?? cli.env.PORT ?? 3000);
      const host = opts.host ?? cli.env.HOST ?? '127.0.0.1';
      const shutdown = async () => {
        await app.close();
        await background.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host });
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      const lines = [
        '',
        `Inventur is running at http://${shown}:${port}/  (API docs: http://${shown}:${port}/docs)`,
        `Database: ${runtime.handle.describe}`,
      ];
      if (adminLine) lines.push(adminLine);
      cli.stdout.write(`${lines.join('\n')}\n\n`);
    });
}
