// Statements of users and sessions. Sessions are found by the SHA-256 of their token (the caller hashes);
// passwords arrive here already hashed. Who may read or change a user is the service's.
import type { Insertable, Updateable } from 'kysely';
import { likeEscape } from '../domain/items/item.js';
import type { Database } from '../storage/schema.js';
import type { Role, Tx } from './context.js';
import { ALL_SITES, type SiteScope } from './site-scope.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  active: boolean;
}

export interface UserFilter {
  /** Start of the user name or display name, case-insensitive. */
  q?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const COLUMNS = ['id', 'username', 'displayName', 'role', 'siteId', 'active'] as const;

export async function siteExists(trx: Tx, siteId: string): Promise<boolean> {
  const site = await trx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  return site !== undefined;
}

export async function usernameTaken(trx: Tx, username: string): Promise<boolean> {
  const row = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(trx: Tx, row: Insertable<Database['users']>): Promise<UserView> {
  return trx.insertInto('users').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** Users by name; with a `limit`, one row more than it (a next page follows when that row is there). */
export async function listUserRows(trx: Tx, filter: UserFilter, scope: SiteScope = ALL_SITES): Promise<UserView[]> {
  let q = trx.selectFrom('users').select(COLUMNS);
  if (scope.siteId !== null) q = q.where('siteId', '=', scope.siteId);
  if (filter.q) {
    const prefix = `${likeEscape(filter.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['username']), 'like', prefix), eb(eb.fn('lower', ['displayName']), 'like', prefix)]),
    );
  }
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active);
  q = q.orderBy('username');
  if (filter.limit !== undefined) q = q.limit(filter.limit + 1).offset(filter.offset ?? 0);
  return q.execute();
}

export async function findUser(trx: Tx, id: string): Promise<UserView | undefined> {
  return trx.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The whole row, password hash included, for signing in. */
export async function findUserByUsername(trx: Tx, username: string) {
  return trx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The changed user, or undefined when there is no user with this id. An empty change reads the user. */
export async function updateUserRow(
  trx: Tx,
  id: string,
  set: Updateable<Database['users']>,
): Promise<UserView | undefined> {
  // `UPDATE … SET` with nothing to set is a syntax error: a PATCH of {} is a no-op, not a 500.
  if (Object.keys(set).length === 0) return findUser(trx, id);
  return trx.updateTable('users').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirst();
}

/** Whether any user with the admin role exists (active or not). */
export async function anyAdminExists(trx: Tx): Promise<boolean> {
  const any = await trx.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  return any !== undefined;
}

/** Inserts the user unless the user name is taken (the unique index decides, so concurrent inserts are safe). */
export async function insertUserUnlessTaken(
  trx: Tx,
  row: Insertable<Database['users']>,
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function insertSession(trx: Tx, row: Insertable<Database['sessions']>): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

export async function deleteSession(trx: Tx, tokenHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(trx: Tx, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
}

/** The session of this token hash with its user's identity and state, or undefined. */
export async function findSession(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.siteId',
      'users.active',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Deletes the user's sessions that ended (past their absolute end, or unused since `idleSince`). */
export async function deleteEndedSessionsOfUser(trx: Tx, userId: string, now: Date, idleSince: Date): Promise<void> {
  await trx
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleSince)]))
    .execute();
}

/** Marks the session used now (idle expiry counts from here). */
export async function touchSession(trx: Tx, tokenHash: string, at: Date): Promise<void> {
  await trx.updateTable('sessions').set({ lastSeenAt: at }).where('tokenHash', '=', tokenHash).execute();
}

/** Deletes the session and says whose it was (undefined when there was none). */
export async function deleteSessionReturningUser(trx: Tx, tokenHash: string): Promise<{ userId: string } | undefined> {
  return trx.deleteFrom('sessions').where('tokenHash', '=', tokenHash).returning('userId').executeTakeFirst();
}

/** The stored password hash of a user (to check the current password before a change). */
export async function findPasswordHash(trx: Tx, id: string): Promise<string | undefined> {
  const row = await trx.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
  return row?.passwordHash;
}

/** Replaces the password hash (a rehash with today's parameters at sign-in). */
export async function setPasswordHash(trx: Tx, id: string, passwordHash: string): Promise<void> {
  await trx.updateTable('users').set({ passwordHash }).where('id', '=', id).execute();
}
