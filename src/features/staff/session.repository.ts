import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { StaffSessionTable, StaffUserRow } from './staff.table.js';

export async function insertSession(
  executor: Executor,
  row: Insertable<StaffSessionTable>,
): Promise<void> {
  await executor.insertInto('staff_sessions').values(row).execute();
}

/** The unexpired session with this hash, joined with the staff user it belongs to. */
export async function findLiveSession(
  executor: Executor,
  idHash: string,
  now: string,
): Promise<{ csrfToken: string; expiresAt: string; user: StaffUserRow } | undefined> {
  const row = await executor
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .selectAll('staff_users')
    .select(['staff_sessions.csrf_token', 'staff_sessions.expires_at'])
    .where('staff_sessions.id_hash', '=', idHash)
    .where('staff_sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { csrf_token, expires_at, ...user } = row;
  return { csrfToken: csrf_token, expiresAt: expires_at, user };
}

export async function deleteSession(executor: Executor, idHash: string): Promise<void> {
  await executor.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of the person, or every one but `except` (a session's id hash). */
export async function deleteSessionsOfUser(
  executor: Executor,
  userId: string,
  options: { readonly except?: string | undefined } = {},
): Promise<void> {
  let query = executor.deleteFrom('staff_sessions').where('user_id', '=', userId);
  if (options.except !== undefined) query = query.where('id_hash', '!=', options.except);
  await query.execute();
}

export async function deleteExpiredSessionsOfUser(
  executor: Executor,
  userId: string,
  now: string,
): Promise<void> {
  await executor
    .deleteFrom('staff_sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now)
    .execute();
}
