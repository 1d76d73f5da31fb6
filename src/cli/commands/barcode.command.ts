// `inventur barcode decode`: the tokenizer from the shell, with the same JSON shape as the API. Without
// --site nothing touches the database. Exit code 0 when the scan decodes, 1 when it does not.
import type { Command } from 'commander';
import type { DecodeResult } from '../../domain/barcode/index.js';
import { type Assume, decodeForSiteCode, decodeText } from '../../services/barcode/decode.service.js';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import type { Cli } from '../io.js';

interface DecodeOpts {
  assume?: string;
  json?: boolean;
  site?: string;
  stdin?: boolean;
}

/** Control characters made visible (GS is the one that matters in GS1 data). */
function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\u001d' ? '<GS>' : `<0x${c.charCodeAt(0).toString(16).padStart(2, '0')}>`,
  );
}

async function readStdin(cli: Cli): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of cli.stdin ?? []) chunks.push(Buffer.from(chunk));
  // Raw bytes as UTF-8: ASCII control characters (GS 0x1d) pass through unchanged.
  return Buffer.concat(chunks).toString('utf8');
}

export function summary(text: string, result: DecodeResult): string {
  if (!result.ok) {
    const where = result.error.position !== undefined ? ` at position ${result.error.position}` : '';
    const lines = [`error ${result.error.code}${where}: ${result.error.message}`];
    if (result.error.position !== undefined) {
      // Point at the offending character; visible() widens control characters, so map the offset.
      const before = visible(text.slice(0, result.error.position));
      lines.push(`  ${visible(text)}`, `  ${' '.repeat(before.length)}^`);
    }
    return `${lines.join('\n')}\n`;
  }
  const head = [
    `${result.type}${result.symbology ? ` (${result.symbology})` : ''}${result.rule ? ` rule "${result.rule}"` : ''}`,
  ];
  if (result.gtin14) head.push(`  GTIN-14  ${result.gtin14}`);
  for (const e of result.elements) {
    const shown = e.value !== undefined && e.value !== e.raw ? `${e.value}  [${e.raw}]` : e.raw;
    head.push(`  (${e.ai}) ${e.title.padEnd(28)} ${shown}${e.currency ? ` ${e.currency}` : ''}`);
  }
  if (result.data !== undefined) head.push(`  data     ${visible(result.data)}`);
  const fields = Object.entries(result.fields).map(([k, v]) => `${k}=${v}`);
  if (fields.length > 0) head.push(`  fields   ${fields.join(' ')}`);
  return `${head.join('\n')}\n`;
}

export function registerBarcode(program: Command, cli: Cli): void {
  const barcode = program
    .command('barcode')
    .description('barcode tokenizer (EAN/UPC/GTIN, GS1 element strings, site rules)');
  barcode
    .command('decode [text]')
    .description('decode one scan; exit code 0 when it decodes, 1 when it does not')
    .option('--assume <kind>', 'read data without symbology identifier as gtin or gs1')
    .option('--json', 'print the result as JSON (the API shape)')
    .option('--site <code>', "also apply this site's barcode rules (opens the database)")
    .option('--stdin', 'read the scan from standard input as raw bytes, so GS (0x1d) separators survive')
    .action(async (textArg: string | undefined, opts: DecodeOpts) => {
      if (opts.assume !== undefined && opts.assume !== 'gtin' && opts.assume !== 'gs1')
        throw new Error('--assume must be gtin or gs1');
      if (opts.stdin && textArg !== undefined)
        throw new Error('give the scan as an argument or with --stdin, not both');
      const text = opts.stdin ? await readStdin(cli) : textArg;
      if (text === undefined) throw new Error('give the scan as an argument or with --stdin');
      const assume = opts.assume as Assume | undefined;
      let result: DecodeResult;
      if (opts.site !== undefined) {
        const runtime = await openRuntime(configFromEnv(cli.env));
        try {
          result = await decodeForSiteCode(runtime.ctx, opts.site, text, assume);
        } finally {
          await runtime.close();
        }
      } else {
        result = decodeText(text, new Date(), { assume });
      }
      cli.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : summary(text, result));
      cli.exitCode = result.ok ? 0 : 1;
    });
}
