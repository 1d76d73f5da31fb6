// The `inventur` command. Each sub-command lives in commands/ and works through the services (cli.ts).
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
  exit: (code) => process.exit(code),
});
