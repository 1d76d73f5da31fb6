import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildApp, openApiDocument } from '../../api/app.js';
import { openRuntime } from '../../services/runtime.js';
import type { Cli } from '../io.js';

export function registerOpenapi(program: Command, cli: Cli): void {
  program
    .command('openapi')
    .description('write the OpenAPI document (committed as openapi.json)')
    .option('--out <file>', 'output file; stdout when absent')
    .action(async (opts: { out?: string }) => {
      const runtime = await openRuntime({ dataDir: 'memory://' });
      const app = await buildApp(runtime.ctx);
      const doc = await openApiDocument(app);
      await app.close();
      await runtime.close();
      if (opts.out) writeFileSync(opts.out, doc);
      else cli.stdout.write(doc);
    });
}
