// Builds the web UI into web/dist: generates the typed API client (src/api/schema.d.ts, not committed) from
// the OpenAPI document, then bundles with Vite. Skips the work when nothing it depends on changed since the
// last build (a hash in dist/.build-hash), so `npm start` stays fast. `--force` rebuilds anyway.
// OPENAPI_FILE=/path/openapi.json uses another document (e.g. a fresh one from `inventur openapi`).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(webDir, '..');
const openapiFile = path.resolve(process.env.OPENAPI_FILE ?? path.join(rootDir, 'openapi.json'));
const schemaOut = path.join(webDir, 'src/api/schema.d.ts');
const hashFile = path.join(webDir, 'dist/.build-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return p.endsWith('schema.d.ts') || p.includes('.test.') ? [] : [p];
  });
}

function inputsHash() {
  const h = createHash('sha256');
  const inputs = [
    ...files(path.join(webDir, 'src')),
    ...files(path.join(webDir, 'public')),
    path.join(webDir, 'index.html'),
    path.join(webDir, 'vite.config.ts'),
    path.join(webDir, 'icons.mjs'),
    openapiFile,
    path.join(rootDir, 'package-lock.json'),
  ].sort();
  for (const f of inputs) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

const force = process.argv.includes('--force');
const hash = inputsHash();
if (
  !force &&
  !process.argv.includes('--types') &&
  existsSync(hashFile) &&
  readFileSync(hashFile, 'utf8') === hash &&
  existsSync(schemaOut)
) {
  process.stdout.write('web: up to date (web/dist)\n');
  process.exit(0);
}

const t0 = Date.now();
const { default: openapiTS, astToString } = await import('openapi-typescript');
const doc = JSON.parse(readFileSync(openapiFile, 'utf8'));
const ast = await openapiTS(doc);
writeFileSync(
  schemaOut,
  `// Generated from ${path.relative(rootDir, openapiFile)} by web/build.mjs. Do not edit.\n${astToString(ast)}`,
);
// `--types` writes only the typed client's schema (what the web type-check in `npm run lint` needs).
if (process.argv.includes('--types')) {
  process.stdout.write(`web: wrote ${path.relative(rootDir, schemaOut)}\n`);
  process.exit(0);
}

const { build } = await import('vite');
await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
// PNG icons of the PWA manifest, drawn at build time (not committed).
const { writeIcons } = await import('./icons.mjs');
writeIcons(path.join(webDir, 'dist'));
writeFileSync(hashFile, hash);
const size = statSync(path.join(webDir, 'dist/index.html')).size;
process.stdout.write(`web: built web/dist in ${((Date.now() - t0) / 1000).toFixed(1)} s (index.html ${size} B)\n`);
