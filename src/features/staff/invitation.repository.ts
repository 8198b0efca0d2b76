import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { StaffInvitationRow, StaffInvitationTable } from './staff-access.table.js';

export async function insertInvitation(
  executor: Executor,
  row: Insertable<StaffInvitationTable>,
): Promise<StaffInvitationRow> {
  return executor
    .insertInto('staff_invitations')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findInvitation(
  executor: Executor,
  id: string,
): Promise<StaffInvitationRow | undefined> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findInvitationByTokenHash(
  executor: Executor,
  tokenHash: string,
): Promise<StaffInvitationRow | undefined> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Not accepted and not expired at `now`, newest first. */
export function listPendingInvitations(
  executor: Executor,
  now: string,
): Promise<StaffInvitationRow[]> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Removes the unaccepted invitations of an address, so a new one replaces them. */
export async function deleteOpenInvitationsOf(executor: Executor, email: string): Promise<void> {
  await executor
    .deleteFrom('staff_invitations')
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .execute();
}

export async function deleteInvitation(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('staff_invitations').where('id', '=', id).execute();
}

/** Gives an unsent invitation its token; false when it was sent, accepted or withdrawn. */
export async function setInvitationToken(
  executor: Executor,
  id: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('staff_invitations')
    .set({ token_hash: tokenHash })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markInvitationSent(
  executor: Executor,
  id: string,
  at: string,
): Promise<void> {
  await executor
    .updateTable('staff_invitations')
    .set({ sent_at: at })
    .where('id', '=', id)
    .execute();
}

/** Marks the invitation accepted; false when someone accepted it first. */
export async function markInvitationAccepted(
  executor: Executor,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('staff_invitations')
    .set({ accepted_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setInvitationAccount(
  executor: Executor,
  id: string,
  userId: string,
): Promise<void> {
  await executor
    .updateTable('staff_invitations')
    .set({ accepted_user_id: userId })
    .where('id', '=', id)
    .execute();
}
