import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ApiTokenRow, ApiTokenTable } from './staff.table.js';

export async function insertApiToken(
  executor: Executor,
  row: Insertable<ApiTokenTable>,
): Promise<ApiTokenRow> {
  return executor.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiTokenById(
  executor: Executor,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return executor.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A token that is not revoked, with the status and role of its staff user (null if none). */
export async function findUsableApiTokenByHash(
  executor: Executor,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; userStatus: string | null; userRole: string | null } | undefined> {
  const row = await executor
    .selectFrom('api_tokens')
    .leftJoin('staff_users', 'staff_users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['staff_users.status as user_status', 'staff_users.role as user_role'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { user_status, user_role, ...token } = row;
  return { token, userStatus: user_status, userRole: user_role };
}

export async function listApiTokens(executor: Executor): Promise<ApiTokenRow[]> {
  return executor
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(
  executor: Executor,
  id: string,
  at: string,
): Promise<ApiTokenRow | undefined> {
  return executor
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Stamps `last_used_at` unless it is already later than `staleAt` (a concurrent request did). */
export async function touchApiToken(
  executor: Executor,
  id: string,
  at: string,
  staleAt: string,
): Promise<void> {
  await executor
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleAt)]))
    .execute();
}
