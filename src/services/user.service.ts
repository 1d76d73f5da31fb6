// Users, passwords and sessions. Passwords are hashed with scrypt (auth/password-hash.ts: parameters stored
// with each hash); a login returns a bearer token whose SHA-256 is stored, so a leaked table does not leak
// sessions. A session ends after `absoluteHours` from sign-in or `idleMinutes` without use, whichever
// comes first; sign-out deletes it. Sign-ins are throttled (auth/login-throttle.ts) and audited.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError, isDomainError } from '../domain/errors.js';
import { recordAudit } from './audit/audit.service.js';
import { admitAttempt, signInSucceeded } from './auth/login-throttle.js';
import { dummyVerify, hashPassword, verifyPassword } from './auth/password-hash.js';
import { checkNewPassword } from './auth/password-policy.js';
import {
  type Actor,
  type Role,
  type ServiceContext,
  type Tx,
  SYSTEM_ACTOR,
  found,
  inTransaction,
  requireRole,
} from './context.js';
import {
  type UserFilter,
  type UserView,
  anyAdminExists,
  deleteEndedSessionsOfUser,
  deleteSessionReturningUser,
  deleteSessionsOfUser,
  findPasswordHash,
  findSession,
  findUser,
  findUserByUsername,
  insertSession,
  insertUser,
  insertUserUnlessTaken,
  listUserRows,
  setPasswordHash,
  siteExists,
  touchSession,
  updateUserRow,
  usernameTaken,
} from './user.repository.js';
import { scopeOf, visibleIn } from './site-scope.js';

export type { UserFilter, UserView };
export { hashPassword, verifyPassword };

export interface SessionPolicy {
  /** A session not used for this long ends (default 30). */
  idleMinutes: number;
  /** A session ends this long after sign-in however much it is used (default 12). */
  absoluteHours: number;
}

const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };
let sessionPolicy: SessionPolicy = DEFAULT_SESSION_POLICY;
/** A session's last use is written at most this often: not on every request of a busy scanner. */
const TOUCH_EVERY_MS = 60_000;

/** Sets the session lifetimes of this process (serve reads them from the environment). */
export function setSessionPolicy(policy: Partial<SessionPolicy>): SessionPolicy {
  sessionPolicy = { ...DEFAULT_SESSION_POLICY, ...policy };
  return sessionPolicy;
}

/** INVENTUR_SESSION_IDLE_MINUTES and INVENTUR_SESSION_HOURS, when set to whole numbers ≥ 1. */
export function sessionPolicyFromEnv(env: NodeJS.ProcessEnv): Partial<SessionPolicy> {
  const whole = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^[1-9][0-9]{0,5}$/.test(v))
      throw new DomainError('validation.failed', `${name} must be a whole number of at least 1, got "${v}"`, {
        field: name,
      });
    return Number(v);
  };
  const idleMinutes = whole('INVENTUR_SESSION_IDLE_MINUTES');
  const absoluteHours = whole('INVENTUR_SESSION_HOURS');
  return { ...(idleMinutes ? { idleMinutes } : {}), ...(absoluteHours ? { absoluteHours } : {}) };
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string | undefined;
  siteId?: string | null | undefined;
}

/** A user's site must exist (the column's foreign key would otherwise answer with an internal error). */
async function checkSite(trx: Tx, siteId: string | null | undefined): Promise<void> {
  if (siteId === null || siteId === undefined) return;
  if (!(await siteExists(trx, siteId)))
    throw new DomainError('reference.unknown', `site ${siteId} does not exist`, { field: 'siteId' });
}

/** An admin cannot take their own admin rights or account away: the last admin would lock everyone out. */
function checkSelfChange(actor: Actor, id: string, changes: UserChanges): void {
  if (actor.userId !== id || actor.role !== 'admin') return;
  if (changes.active === false)
    throw new DomainError('auth.forbidden', 'you cannot deactivate your own account', { field: 'active' });
  if (changes.role !== undefined && changes.role !== 'admin')
    throw new DomainError('auth.forbidden', 'you cannot take the admin role from yourself', { field: 'role' });
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUser): Promise<UserView> {
  requireRole(actor, 'admin');
  checkNewPassword(input.password, { username: input.username });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    if (await usernameTaken(trx, input.username)) {
      throw new DomainError('conflict.duplicate', `user ${input.username} already exists`, { field: 'username' });
    }
    await checkSite(trx, input.siteId);
    const user = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      role: input.role,
      siteId: input.siteId ?? null,
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'user.created',
      actor,
      subjectType: 'user',
      subjectId: user.id,
      details: { username: user.username, role: user.role, siteId: user.siteId },
    });
    return user;
  });
}

/** Users by name; one row more than `limit` tells the caller that another page follows. */
export async function listUsers(ctx: ServiceContext, actor: Actor, filter: UserFilter = {}): Promise<UserView[]> {
  requireRole(actor, 'manager');
  // A manager of a site sees that site's users (site isolation); a site-less admin sees everyone.
  return listUserRows(ctx.db, filter, scopeOf(actor));
}

export async function getUser(ctx: ServiceContext, actor: Actor, id: string): Promise<UserView> {
  if (actor.userId !== id) requireRole(actor, 'manager');
  const row = await findUser(ctx.db, id);
  return found(actor.userId === id ? row : visibleIn(scopeOf(actor), row), `user ${id}`);
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  siteId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
  /** Required when users change their own password (an admin resetting another user's does not give it). */
  currentPassword?: string | undefined;
}

/** Changing one's own password needs the current one: a session left open on a handheld must not take the account over. */
async function checkCurrentPassword(trx: Tx, id: string, changes: UserChanges): Promise<void> {
  if (changes.currentPassword === undefined || changes.currentPassword === '') {
    throw new DomainError('validation.failed', 'currentPassword: give your current password to change it', {
      field: 'currentPassword',
      params: { rule: 'required' },
    });
  }
  const stored = await findPasswordHash(trx, id);
  const { ok } = stored ? await verifyPassword(changes.currentPassword, stored) : { ok: false };
  if (!ok)
    throw new DomainError('auth.current_password_wrong', 'currentPassword: the current password is wrong', {
      field: 'currentPassword',
    });
}

/** The audit entries a user change makes: role, site, activation and password. */
function changeEntries(before: UserView, after: UserView, passwordChanged: boolean) {
  const entries: Array<{
    action:
      'user.role_changed' | 'user.site_changed' | 'user.deactivated' | 'user.reactivated' | 'auth.password_changed';
    details: Record<string, unknown>;
  }> = [];
  if (before.role !== after.role)
    entries.push({ action: 'user.role_changed', details: { from: before.role, to: after.role } });
  if (before.siteId !== after.siteId)
    entries.push({ action: 'user.site_changed', details: { from: before.siteId, to: after.siteId } });
  if (before.active !== after.active)
    entries.push({ action: after.active ? 'user.reactivated' : 'user.deactivated', details: {} });
  if (passwordChanged) entries.push({ action: 'auth.password_changed', details: {} });
  return entries;
}

export async function updateUser(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserView> {
  const self = actor.userId === id;
  if (!self || changes.role !== undefined || changes.active !== undefined || changes.siteId !== undefined)
    requireRole(actor, 'admin');
  checkSelfChange(actor, id, changes);
  // The password work (checking the current one, hashing the new one) is done before the transaction: a
  // derivation takes a fifth of a second, and PGlite's one connection would wait for it.
  let passwordHash: string | undefined;
  if (changes.password !== undefined) {
    const target = found(await findUser(ctx.db, id), `user ${id}`);
    checkNewPassword(changes.password, { username: target.username });
    if (self) await checkCurrentPassword(ctx.db, id, changes);
    passwordHash = await hashPassword(changes.password);
  }
  return inTransaction(ctx, async (trx) => {
    const before = found(await findUser(trx, id), `user ${id}`);
    await checkSite(trx, changes.siteId);
    const row = await updateUserRow(trx, id, {
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.siteId !== undefined ? { siteId: changes.siteId } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    });
    const after = found(row, `user ${id}`);
    // A deactivated user or a changed password ends every open session of that user.
    if (changes.active === false || passwordHash !== undefined) await deleteSessionsOfUser(trx, id);
    for (const e of changeEntries(before, after, passwordHash !== undefined)) {
      await recordAudit(trx, ctx, {
        action: e.action,
        actor,
        subjectType: 'user',
        subjectId: id,
        details: { username: after.username, ...e.details },
      });
    }
    return after;
  });
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

/** Where a sign-in comes from: the client address (throttling and the audit log). */
export interface SignInClient {
  address?: string | undefined;
}

/**
 * Signs in. Not one transaction on purpose: the attempt's count and a failure's audit entry must be kept
 * although the sign-in fails (a rolled-back count would throttle nothing); the session, a rehash and the
 * success entry are one transaction.
 */
export async function login(
  ctx: ServiceContext,
  username: string,
  password: string,
  client: SignInClient = {},
): Promise<LoginResult> {
  const { address } = client;
  try {
    await admitAttempt(ctx.db, username, address);
  } catch (e) {
    if (isDomainError(e) && e.code === 'auth.too_many_attempts') {
      await recordAudit(ctx.db, ctx, { action: 'auth.login_throttled', username, address, details: { ...e.params } });
    }
    throw e;
  }
  const row = await findUserByUsername(ctx.db, username);
  // Unknown and deactivated users cost the same derivation as a wrong password, and get the same answer:
  // neither the time nor the error tells which user names exist.
  const verified = row
    ? await verifyPassword(password, row.passwordHash)
    : (await dummyVerify(password), { ok: false, needsRehash: false });
  if (!row || !row.active || !verified.ok) {
    const reason = !row ? 'unknown_user' : !row.active ? 'inactive' : 'wrong_password';
    await recordAudit(ctx.db, ctx, {
      action: 'auth.login_failed',
      username,
      address,
      ...(row ? { subjectType: 'user', subjectId: row.id } : {}),
      details: { reason },
    });
    throw new DomainError('auth.invalid_credentials', 'username or password is wrong');
  }
  await signInSucceeded(ctx.db, username, address);
  // A hash made with older parameters is replaced while the password is at hand.
  const rehash = verified.needsRehash ? await hashPassword(password) : undefined;
  const token = ctx.newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + sessionPolicy.absoluteHours * 3600_000);
  const { passwordHash: _, createdAt: __, ...user } = row;
  await ctx.db.transaction().execute(async (trx) => {
    // The user's ended sessions go now: nothing else removes them.
    await deleteEndedSessionsOfUser(trx, row.id, now, new Date(now.getTime() - sessionPolicy.idleMinutes * 60_000));
    await insertSession(trx, {
      tokenHash: tokenHash(token),
      userId: row.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    });
    if (rehash) await setPasswordHash(trx, row.id, rehash);
    const actor: Actor = { userId: row.id, username: row.username, role: row.role, siteId: row.siteId };
    await recordAudit(trx, ctx, {
      action: 'auth.login_succeeded',
      actor,
      address,
      subjectType: 'user',
      subjectId: row.id,
      details: rehash ? { rehashed: true } : {},
    });
  });
  return { token, expiresAt: expiresAt.toISOString(), user };
}

/** Ends the session of this token (sign-out); the token is useless from now on. */
export async function logout(ctx: ServiceContext, token: string, client: SignInClient = {}): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionReturningUser(trx, tokenHash(token));
    if (ended)
      await recordAudit(trx, ctx, {
        action: 'auth.logout',
        address: client.address,
        subjectType: 'user',
        subjectId: ended.userId,
        actor: null,
      });
  });
}

/** Resolves a bearer token to the acting user, or throws auth.token_invalid. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Actor> {
  const hash = tokenHash(token);
  const row = await findSession(ctx.db, hash);
  const now = ctx.now();
  const idleEnd = row ? new Date(row.lastSeenAt).getTime() + sessionPolicy.idleMinutes * 60_000 : 0;
  if (!row || !row.active || new Date(row.expiresAt) <= now || idleEnd <= now.getTime()) {
    throw new DomainError('auth.token_invalid', 'the session has expired or is not valid; sign in again');
  }
  if (now.getTime() - new Date(row.lastSeenAt).getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, hash, now);
  return { userId: row.id, username: row.username, role: row.role, siteId: row.siteId };
}

/**
 * On first start with no admin (a database made by `inventur demo` has users but none), creates `admin`. Returns the password when it was generated here, so the
 * caller prints it once; undefined when users existed or the password came from the environment. A given
 * password must meet the password rules (the error names INVENTUR_ADMIN_PASSWORD).
 */
export async function ensureAdmin(
  ctx: ServiceContext,
  configuredPassword?: string,
): Promise<{ created: boolean; password?: string }> {
  if (await anyAdminExists(ctx.db)) return { created: false };
  if (configuredPassword !== undefined)
    checkNewPassword(configuredPassword, { field: 'INVENTUR_ADMIN_PASSWORD', username: 'admin' });
  const password = configuredPassword ?? randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  // Two app instances may start together on an empty PostgreSQL database: the unique user name decides
  // which one creates admin; the other finds it made and prints nothing.
  const inserted = await ctx.db.transaction().execute(async (trx) => {
    const made = await insertUserUnlessTaken(trx, {
      username: 'admin',
      displayName: 'Administrator',
      passwordHash,
      role: 'admin',
      createdAt: ctx.now(),
    });
    if (made)
      await recordAudit(trx, ctx, {
        action: 'user.created',
        actor: SYSTEM_ACTOR,
        subjectType: 'user',
        subjectId: made.id,
        details: { username: 'admin', role: 'admin', bootstrap: true },
      });
    return made;
  });
  if (!inserted) return { created: false };
  return configuredPassword ? { created: true } : { created: true, password };
}

/**
 * The first-start admin as `serve` makes it, from INVENTUR_ADMIN_PASSWORD or a generated password, for
 * every command that may be the first to open a database (serve, demo). The line to print, or undefined
 * when an admin already existed.
 */
export async function bootstrapAdmin(ctx: ServiceContext, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const admin = await ensureAdmin(ctx, env.INVENTUR_ADMIN_PASSWORD || undefined);
  if (admin.password) return `First start: sign in as "admin" with password ${admin.password}  (shown once; change it)`;
  if (admin.created) return 'First start: user "admin" created with INVENTUR_ADMIN_PASSWORD';
  return undefined;
}
