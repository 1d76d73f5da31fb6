// The `inventur` program as a function: main.ts runs it on the real process, tests on captured streams.
import { Command, CommanderError } from 'commander';
import { isDomainError } from '../domain/errors.js';
import { commandModules } from './commands/index.js';
import { type CliIo, cliOf } from './io.js';

/**
 * Parses `argv` (node, script, then the arguments, as process.argv) and runs the sub-command. Returns the
 * exit code: the command's own (0 by default), 2 for a refusal (a DomainError, printed on stderr), commander's
 * for a parse error or help. Refusals and parse errors also call `io.exit`, which ends the real process there.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = cliOf(io);
  const program = new Command();
  program
    .name('inventur')
    .description('Inventur: physical inventory and warehouse stock')
    .showHelpAfterError()
    .exitOverride((e) => {
      throw e;
    })
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of commandModules) register(program, cli);

  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return exit(io, e.exitCode);
    if (isDomainError(e)) {
      io.stderr.write(`inventur: ${e.message} [${e.code}]\n`);
      return exit(io, 2);
    }
    throw e;
  }
  return cli.exitCode ?? 0;
}

function exit(io: CliIo, code: number): number {
  io.exit?.(code);
  return code;
}
