// Runs `inventur …` in the test's own process with captured stdout/stderr: the same program main.ts runs
// (src/cli/cli.ts), without starting a tsx process per command. test/cli/smoke.test.ts keeps the real binary.
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `args` after `inventur`; `env` replaces the process environment for the command; `stdin` is its input. */
export async function runInventur(args: string[], env: NodeJS.ProcessEnv, stdin?: Buffer): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'inventur', ...args], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
    stdin: Readable.from(stdin === undefined ? [] : [stdin]),
  });
  return { code, stdout, stderr };
}
