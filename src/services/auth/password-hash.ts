// Password hashing: scrypt (node:crypto) with a per-password random salt. The parameters are stored with
// each hash (`scrypt$N=16384,r=8,p=5$<salt>$<hash>`), so they can be raised later: a hash made with other
// parameters still verifies and is replaced at the next successful sign-in.
//
// [decision] N=2^14, r=8, p=5 is one of the equivalent scrypt settings OWASP's Password Storage Cheat
// Sheet lists (with N=2^17/p=1, N=2^16/p=2, N=2^15/p=3, N=2^13/p=10). It costs about the same CPU as
// N=2^17 but needs 16 MiB per hash instead of 128 MiB, which matters on the small servers and shared hosts
// the product runs on when several handhelds sign in at once.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const CURRENT_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
/** Hashes written before parameters were stored (`scrypt$<salt>$<hash>`) used node's defaults. */
const LEGACY_SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * The key derivation every hash and verification goes through. An object so a test can spy on it (that
 * an unknown user name costs a derivation too) without timing anything.
 */
export const kdf = {
  derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
    // 128·N·r bytes of memory, plus headroom: node refuses above `maxmem` (32 MiB by default).
    return scryptAsync(password, salt, length, {
      N: params.N,
      r: params.r,
      p: params.p,
      maxmem: 256 * params.N * params.r + 1024 * 1024,
    });
  },
};

const sameParams = (a: ScryptParams, b: ScryptParams) => a.N === b.N && a.r === b.r && a.p === b.p;

export async function hashPassword(password: string, params: ScryptParams = CURRENT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const hash = await kdf.derive(password, salt, KEY_LENGTH, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parseParams(text: string): ScryptParams | undefined {
  const m = /^N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A power of two above 1 (scrypt's rule); bounded so a damaged row cannot ask for gigabytes.
  if (N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 64) return undefined;
  return { N, r, p };
}

export function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  if (parts.length === 3 && parts[1] && parts[2]) {
    return { params: LEGACY_SCRYPT, salt: Buffer.from(parts[1], 'base64'), hash: Buffer.from(parts[2], 'base64') };
  }
  const params = parts.length === 4 ? parseParams(parts[1]!) : undefined;
  if (!params || !parts[2] || !parts[3]) return undefined;
  return { params, salt: Buffer.from(parts[2], 'base64'), hash: Buffer.from(parts[3], 'base64') };
}

export interface Verified {
  ok: boolean;
  /** The hash was made with other parameters than today's: store a new one after a successful check. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string): Promise<Verified> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length === 0) {
    // An unreadable hash still costs a derivation: no shortcut tells it apart from a wrong password.
    await dummyVerify(password);
    return { ok: false, needsRehash: false };
  }
  const actual = await kdf.derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return { ok: timingSafeEqual(actual, parsed.hash), needsRehash: !sameParams(parsed.params, CURRENT_SCRYPT) };
}

let dummy: Promise<ParsedHash> | undefined;

/**
 * The same work as checking a real password, against a hash of a random password nobody knows: signing in
 * with an unknown or deactivated user name takes as long as with a known one and a wrong password.
 */
export async function dummyVerify(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(18).toString('base64')).then((h) => parseHash(h)!);
  const { salt, hash, params } = await dummy;
  const actual = await kdf.derive(password, salt, hash.length, params);
  timingSafeEqual(actual, hash);
}
