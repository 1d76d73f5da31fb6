// Sign-in throttling per account and per client address, with lockouts that double on each repeat.
//
// [decision] The counting is rate-limiter-flexible's RateLimiterPostgres (its atomic
// `INSERT … ON CONFLICT … RETURNING` upsert, so every app instance on one PostgreSQL shares the counts and
// two concurrent attempts never both slip through). The package talks to a pg Pool, Client, Knex or
// Sequelize; our database is PGlite or a pg pool behind Kysely, and on PGlite a second connection does not
// exist. So the limiter gets a one-method client that runs its statements through our Kysely adapter, and
// its table is made by our migration 0100 (`login_throttle`, the package's own layout) instead of by the
// package at start-up. Its clock is the wall clock (Date.now()), not the injected one.
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../context.js';
import { throttleStoreClient } from './login-throttle.repository.js';

export interface ThrottleRule {
  /** Failed attempts allowed within `windowSeconds`; the next one is refused and locks the key out. */
  attempts: number;
  windowSeconds: number;
  /** First lockout; each further lockout within a day doubles it, up to `maxLockoutSeconds`. */
  lockoutSeconds: number;
  maxLockoutSeconds: number;
}

export const THROTTLE_POLICY: { account: ThrottleRule; address: ThrottleRule } = {
  // Per user name (known or not, so the answers do not tell which exist).
  account: { attempts: 5, windowSeconds: 15 * 60, lockoutSeconds: 60, maxLockoutSeconds: 15 * 60 },
  // Per client address: many user names tried from one place. Looser, as a warehouse shares one address.
  address: { attempts: 30, windowSeconds: 15 * 60, lockoutSeconds: 60, maxLockoutSeconds: 60 * 60 },
};

interface Limiters {
  fails: RateLimiterPostgres;
  lockouts: RateLimiterPostgres;
  rule: ThrottleRule;
}

const byDb = new WeakMap<Db, { account: Limiters; address: Limiters }>();

function limiters(db: Db): { account: Limiters; address: Limiters } {
  let l = byDb.get(db);
  if (l) return l;
  const make = (prefix: string, rule: ThrottleRule): Limiters => {
    const common = {
      storeClient: throttleStoreClient(db),
      storeType: 'client',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    return {
      rule,
      fails: new RateLimiterPostgres({
        ...common,
        keyPrefix: `${prefix}_fail`,
        points: rule.attempts,
        duration: rule.windowSeconds,
      }),
      lockouts: new RateLimiterPostgres({
        ...common,
        keyPrefix: `${prefix}_lock`,
        points: 1_000_000,
        duration: 24 * 3600,
      }),
    };
  };
  l = { account: make('acct', THROTTLE_POLICY.account), address: make('addr', THROTTLE_POLICY.address) };
  byDb.set(db, l);
  return l;
}

/** Counts one attempt; the seconds to wait when the key is (or has now become) locked out, else 0. */
async function countAttempt(l: Limiters, key: string): Promise<number> {
  try {
    await l.fails.consume(key);
    return 0;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    // The attempt that first goes over the limit starts a lockout, longer each time within a day.
    if (e.consumedPoints === l.rule.attempts + 1) {
      const lockouts = (await l.lockouts.penalty(key)).consumedPoints;
      const seconds = Math.min(l.rule.lockoutSeconds * 2 ** (lockouts - 1), l.rule.maxLockoutSeconds);
      await l.fails.block(key, seconds);
      return seconds;
    }
    return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  }
}

export const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 200);

/**
 * Counts a sign-in attempt against the account and the address before the password is checked, so that
 * concurrent guesses are counted too; refuses with auth.too_many_attempts (and the seconds to wait) when
 * either is locked out. A successful sign-in hands its count back (`signInSucceeded`).
 */
export async function admitAttempt(db: Db, username: string, address: string | undefined): Promise<void> {
  const l = limiters(db);
  const waits = [await countAttempt(l.account, accountKey(username))];
  if (address) waits.push(await countAttempt(l.address, address));
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new DomainError('auth.too_many_attempts', `too many failed sign-ins; try again in ${wait} seconds`, {
      params: { retryAfterSeconds: wait },
    });
  }
}

/** A right password: the account starts afresh (count and lockout level); the address gets its attempt back. */
export async function signInSucceeded(db: Db, username: string, address: string | undefined): Promise<void> {
  const l = limiters(db);
  const key = accountKey(username);
  await l.account.fails.delete(key);
  await l.account.lockouts.delete(key);
  if (address) await l.address.fails.reward(address, 1);
  // Rows of keys whose window ended an hour ago are of no use (indexed on expire, so this is cheap).
  await (l.account.fails as unknown as { clearExpired(before: number): Promise<void> }).clearExpired(
    Date.now() - 3600_000,
  );
}
