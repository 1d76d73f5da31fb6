// Statements of count-list administration (manual close, reassigning the responsible employee and the
// assigned counters): the lists locked in id order (two concurrent requests over overlapping lists cannot
// deadlock), the employees who may take them over, and the writes.
import type { Tx } from '../context.js';
import type { ListRow } from './count-list.repository.js';

/** The lists, locked for update, in id order; missing ids are simply absent. */
export async function lockLists(trx: Tx, ids: readonly string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('countLists')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export interface Employee {
  id: string;
  role: 'admin' | 'manager' | 'counter';
  siteId: string | null;
  active: boolean;
}

export async function findEmployee(trx: Tx, userId: string): Promise<Employee | undefined> {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'role', 'siteId', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u && { id: String(u.id), role: u.role, siteId: u.siteId === null ? null : String(u.siteId), active: u.active };
}

/** The list is closed without postings: items closed with nothing posted, reports and counted quantities kept. */
export async function writeManualClose(trx: Tx, w: { listId: string; reason: string; now: Date }): Promise<void> {
  await trx
    .updateTable('countListItems')
    .set({ status: 'closed', closedAt: w.now, postedQuantity: null, unitPrice: null })
    .where('countListId', '=', w.listId)
    .execute();
  await trx
    .updateTable('countLists')
    .set({ status: 'manually_closed', statusReason: w.reason, closedAt: w.now, updatedAt: w.now })
    .where('id', '=', w.listId)
    .execute();
}

/** Releases the list's stock locks; returns how many went. */
export async function releaseLocks(trx: Tx, listId: string): Promise<number> {
  const r = await trx.deleteFrom('stockLocks').where('countListId', '=', listId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function setResponsible(trx: Tx, listIds: readonly string[], userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('countLists')
    .set({ responsibleUserId: userId, updatedAt: now })
    .where('id', 'in', [...listIds])
    .execute();
}

export async function findEmployees(trx: Tx, userIds: readonly string[]): Promise<Map<string, Employee>> {
  if (userIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'role', 'siteId', 'active'])
    .where('id', 'in', [...userIds])
    .execute();
  return new Map(
    rows.map((u) => [
      String(u.id),
      { id: String(u.id), role: u.role, siteId: u.siteId === null ? null : String(u.siteId), active: u.active },
    ]),
  );
}

/** The lists' assigned counters become exactly `userIds` (each list keeps its own site on the rows). */
export async function replaceCounters(
  trx: Tx,
  lists: readonly Pick<ListRow, 'id' | 'siteId'>[],
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  if (lists.length === 0) return;
  await trx
    .deleteFrom('countListCounters')
    .where(
      'countListId',
      'in',
      lists.map((l) => l.id),
    )
    .execute();
  const rows = lists.flatMap((l) =>
    userIds.map((userId) => ({ countListId: l.id, userId, siteId: l.siteId, createdAt: now })),
  );
  if (rows.length > 0) await trx.insertInto('countListCounters').values(rows).execute();
}
