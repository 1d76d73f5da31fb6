// Users, passwords and sessions. Passwords are hashed with scrypt (node:crypto); a login returns a bearer
// token whose SHA-256 is stored, so a leaked table does not leak sessions.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { DomainError } from '../domain/errors.js';
import { type Actor, type Role, type ServiceContext, type Tx, found, requireRole } from './context.js';
import {
  type UserFilter, type UserView, anyUserExists, deleteSession, deleteSessionsOfUser, findSession, findUser, findUserByUsername, insertSession,
  insertUser, insertUserUnlessTaken, listUserRows, siteExists, updateUserRow, usernameTaken,
} from './user.repository.js';

export type { UserFilter, UserView };

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;
const SESSION_HOURS = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
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
  if (!(await siteExists(trx, siteId))) throw new DomainError('reference.unknown', `site ${siteId} does not exist`, { field: 'siteId' });
}

/** An admin cannot take their own admin rights or account away: the last admin would lock everyone out. */
function checkSelfChange(actor: Actor, id: string, changes: UserChanges): void {
  if (actor.userId !== id || actor.role !== 'admin') return;
  if (changes.active === false) throw new DomainError('auth.forbidden', 'you cannot deactivate your own account', { field: 'active' });
  if (changes.role !== undefined && changes.role !== 'admin') throw new DomainError('auth.forbidden', 'you cannot take the admin role from yourself', { field: 'role' });
}

function checkPassword(password: string): void {
  if (password.length < 8) {
    throw new DomainError('validation.failed', 'password must have at least 8 characters', { field: 'password' });
  }
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUser): Promise<UserView> {
  requireRole(actor, 'admin');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await usernameTaken(trx, input.username)) {
      throw new DomainError('conflict.duplicate', `user ${input.username} already exists`, { field: 'username' });
    }
    await checkSite(trx, input.siteId);
    return insertUser(trx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      role: input.role,
      siteId: input.siteId ?? null,
      createdAt: ctx.now(),
    });
  });
}

/** Users by name; one row more than `limit` tells the caller that another page follows. */
export async function listUsers(ctx: ServiceContext, actor: Actor, filter: UserFilter = {}): Promise<UserView[]> {
  requireRole(actor, 'manager');
  return listUserRows(ctx.db, filter);
}

export async function getUser(ctx: ServiceContext, actor: Actor, id: string): Promise<UserView> {
  if (actor.userId !== id) requireRole(actor, 'manager');
  const row = await findUser(ctx.db, id);
  return found(row, `user ${id}`);
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  siteId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

export async function updateUser(ctx: ServiceContext, actor: Actor, id: string, changes: UserChanges): Promise<UserView> {
  const self = actor.userId === id;
  if (!self || changes.role !== undefined || changes.active !== undefined || changes.siteId !== undefined) requireRole(actor, 'admin');
  checkSelfChange(actor, id, changes);
  if (changes.password !== undefined) checkPassword(changes.password);
  const passwordHash = changes.password !== undefined ? await hashPassword(changes.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    await checkSite(trx, changes.siteId);
    const row = await updateUserRow(trx, id, {
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.siteId !== undefined ? { siteId: changes.siteId } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    });
    // A deactivated user or a changed password ends every open session of that user.
    if (row && (changes.active === false || passwordHash !== undefined)) {
      await deleteSessionsOfUser(trx, id);
    }
    return found(row, `user ${id}`);
  });
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

export async function login(ctx: ServiceContext, username: string, password: string): Promise<LoginResult> {
  const row = await findUserByUsername(ctx.db, username);
  // Same error for unknown user and wrong password: do not reveal which usernames exist.
  if (!row || !row.active || !(await verifyPassword(password, row.passwordHash))) {
    throw new DomainError('auth.invalid_credentials', 'username or password is wrong');
  }
  const token = ctx.newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await insertSession(ctx.db, { tokenHash: tokenHash(token), userId: row.id, createdAt: now, expiresAt });
  const { passwordHash: _, createdAt: __, ...user } = row;
  return { token, expiresAt: expiresAt.toISOString(), user };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await deleteSession(ctx.db, tokenHash(token));
}

/** Resolves a bearer token to the acting user, or throws auth.token_invalid. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Actor> {
  const row = await findSession(ctx.db, tokenHash(token));
  if (!row || !row.active || new Date(row.expiresAt) <= ctx.now()) {
    throw new DomainError('auth.token_invalid', 'the session has expired or is not valid; sign in again');
  }
  return { userId: row.id, username: row.username, role: row.role, siteId: row.siteId };
}

/**
 * On first start with no users, creates `admin`. Returns the password when it was generated here, so the
 * caller prints it once; undefined when users existed or the password came from the environment.
 */
export async function ensureAdmin(ctx: ServiceContext, configuredPassword?: string): Promise<{ created: boolean; password?: string }> {
  if (await anyUserExists(ctx.db)) return { created: false };
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  // Two app instances may start together on an empty PostgreSQL database: the unique user name decides
  // which one creates admin; the other finds it made and prints nothing.
  const inserted = await insertUserUnlessTaken(ctx.db, {
    username: 'admin', displayName: 'Administrator', passwordHash, role: 'admin', createdAt: ctx.now(),
  });
  if (!inserted) return { created: false };
  return configuredPassword ? { created: true } : { created: true, password };
}
