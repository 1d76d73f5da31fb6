// The `inventur` command. Each sub-command lives in commands/ and works through the services.
import { Command } from 'commander';
import { isDomainError } from '../domain/errors.js';
import { commandModules } from './commands/index.js';

const program = new Command();
program.name('inventur').description('Inventur: physical inventory and warehouse stock').showHelpAfterError();
for (const register of commandModules) register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (isDomainError(e)) {
    process.stderr.write(`inventur: ${e.message} [${e.code}]\n`);
    process.exit(2);
  }
  throw e;
}
