// What a command may touch of its process: the output streams, the environment, stdin and the exit code.
// main.ts hands in the real process; tests hand in captured streams and run the CLI in their own process.
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: NodeJS.ProcessEnv;
  stdin?: AsyncIterable<Buffer | string> | undefined;
  /** Ends the process at once (the real process only): a refusal or a parse error, as before. */
  exit?: ((code: number) => void) | undefined;
}

/** The io of one run: set `exitCode` like process.exitCode; runCli returns it. */
export interface Cli extends CliIo {
  exitCode: number | undefined;
  /** One line on stdout (adds the newline). */
  out(text: string): void;
  /** A value as indented JSON on stdout. */
  json(value: unknown): void;
}

export function cliOf(io: CliIo): Cli {
  const out = (text: string): void => {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  return { ...io, exitCode: undefined, out, json: (value) => out(JSON.stringify(value, null, 2)) };
}
