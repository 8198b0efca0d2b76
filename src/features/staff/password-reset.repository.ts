import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PasswordResetRow, PasswordResetTable } from './staff-access.table.js';

export async function insertPasswordReset(
  executor: Executor,
  row: Insertable<PasswordResetTable>,
): Promise<void> {
  await executor.insertInto('staff_password_resets').values(row).execute();
}

export function findPasswordReset(
  executor: Executor,
  id: string,
): Promise<PasswordResetRow | undefined> {
  return executor
    .selectFrom('staff_password_resets')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findPasswordResetByTokenHash(
  executor: Executor,
  tokenHash: string,
): Promise<PasswordResetRow | undefined> {
  return executor
    .selectFrom('staff_password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Gives an unsent reset its token; false when it was sent or used meanwhile. */
export async function setPasswordResetToken(
  executor: Executor,
  id: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('staff_password_resets')
    .set({ token_hash: tokenHash })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markPasswordResetSent(
  executor: Executor,
  id: string,
  at: string,
): Promise<void> {
  await executor
    .updateTable('staff_password_resets')
    .set({ sent_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Uses up every open reset of the person, the one clicked included; false when the clicked
 * one was used meanwhile (a second click racing the first).
 */
export async function usePasswordResets(
  executor: Executor,
  clickedId: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const clicked = await executor
    .updateTable('staff_password_resets')
    .set({ used_at: at })
    .where('id', '=', clickedId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(clicked.numUpdatedRows) !== 1) return false;
  await executor
    .updateTable('staff_password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return true;
}

/** Uses up every open reset link of the person, e.g. because their password just changed. */
export async function useOpenPasswordResetsOf(
  executor: Executor,
  userId: string,
  at: string,
): Promise<void> {
  await executor
    .updateTable('staff_password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
