import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  MemberLinkRow,
  MemberLinkTable,
  MemberRow,
  MemberSessionTable,
} from './member.table.js';

/** Sessions, one-time links and the cookie-signing secret of members. */

export async function insertMemberSession(
  executor: Executor,
  row: Insertable<MemberSessionTable>,
): Promise<void> {
  await executor.insertInto('member_sessions').values(row).execute();
}

export async function findLiveMemberSession(
  executor: Executor,
  idHash: string,
  now: string,
): Promise<{ csrfToken: string; expiresAt: string; member: MemberRow } | undefined> {
  const row = await executor
    .selectFrom('member_sessions')
    .innerJoin('members', 'members.id', 'member_sessions.member_id')
    .selectAll('members')
    .select(['member_sessions.csrf_token', 'member_sessions.expires_at'])
    .where('member_sessions.id_hash', '=', idHash)
    .where('member_sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { csrf_token, expires_at, ...member } = row;
  return { csrfToken: csrf_token, expiresAt: expires_at, member };
}

export async function deleteMemberSession(executor: Executor, idHash: string): Promise<void> {
  await executor.deleteFrom('member_sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteMemberSessions(
  executor: Executor,
  memberId: string,
  expiredBy?: string,
): Promise<void> {
  let query = executor.deleteFrom('member_sessions').where('member_id', '=', memberId);
  if (expiredBy !== undefined) query = query.where('expires_at', '<=', expiredBy);
  await query.execute();
}

export async function insertMemberLink(
  executor: Executor,
  row: Insertable<MemberLinkTable>,
): Promise<void> {
  await executor.insertInto('member_links').values(row).execute();
}

export async function findMemberLink(
  executor: Executor,
  id: string,
): Promise<MemberLinkRow | undefined> {
  return executor.selectFrom('member_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberLinkByTokenHash(
  executor: Executor,
  tokenHash: string,
): Promise<MemberLinkRow | undefined> {
  return executor
    .selectFrom('member_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Gives an unsent link its token; false when it was sent meanwhile. */
export async function setMemberLinkToken(
  executor: Executor,
  id: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('member_links')
    .set({ token_hash: tokenHash })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMemberLinkSent(
  executor: Executor,
  id: string,
  at: string,
): Promise<void> {
  await executor.updateTable('member_links').set({ sent_at: at }).where('id', '=', id).execute();
}

/** Uses a link up; false when it was already used, so only one request wins. */
export async function useMemberLink(executor: Executor, id: string, at: string): Promise<boolean> {
  const result = await executor
    .updateTable('member_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteExpiredMemberLinks(executor: Executor, before: string): Promise<void> {
  await executor.deleteFrom('member_links').where('expires_at', '<', before).execute();
}

export async function findMemberSecret(
  executor: Executor,
  name: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('member_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value;
}

/** Stores a secret unless one of that name exists: the first process to start wins. */
export async function insertMemberSecret(
  executor: Executor,
  row: { name: string; value: string; created_at: string },
): Promise<void> {
  await executor
    .insertInto('member_secrets')
    .values(row)
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
