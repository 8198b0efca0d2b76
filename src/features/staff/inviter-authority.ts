import type { Executor } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { systemActor, type Actor } from './actor.js';
import { decideTokenActingRole } from './api-token-rules.js';
import { findApiTokenById } from './api-token.repository.js';
import { can } from './permissions.js';
import { hasAtLeast, isRole, type Role } from './role.js';
import { toStaffUser, toUserActor } from './staff-user.js';
import { findStaffUserById } from './staff.repository.js';

/**
 * Who sent an invitation (`invited_by`: `user:{id}`, `token:{id}` or `system`), as they
 * stand now: null when the person is suspended or gone, or the token revoked, or its owner
 * suspended. Their role is today's, not the one they had when they invited.
 */
export async function findInviterNow(executor: Executor, invitedBy: string): Promise<Actor | null> {
  if (invitedBy === systemActor.id) return systemActor;
  const [kind, id] = invitedBy.split(':', 2);
  if (id === undefined) return null;
  if (kind === 'user') {
    const row = await findStaffUserById(executor, id);
    if (row === undefined) return null;
    const user = toStaffUser(row);
    return user.status === 'active' ? toUserActor(user) : null;
  }
  if (kind === 'token') {
    const token = await findApiTokenById(executor, id);
    if (token === undefined || token.revoked_at !== null || !isRole(token.role)) return null;
    let owner: { role: Role; status: string } | null | 'missing' = null;
    if (token.user_id !== null) {
      const row = await findStaffUserById(executor, token.user_id);
      owner = row === undefined ? 'missing' : toStaffUser(row);
    }
    const role = decideTokenActingRole(token.role, owner);
    if (role === null) return null;
    return { id: invitedBy, kind: 'token', userId: token.user_id, name: token.name, role };
  }
  return null;
}

/**
 * Whether the inviter may still grant `role` today: an invitation carries its sender's
 * authority, so it dies when they lose it (suspended, demoted, token revoked). Null when
 * the invitation still stands.
 */
export function decideInviterProblem(inviter: Actor | null, role: Role): AppError | null {
  if (inviter !== null && can(inviter, 'staff.manage') && hasAtLeast(inviter.role, role)) {
    return null;
  }
  return new AppError(
    'gone',
    `The person who invited you can no longer add staff as ${role}, so this invitation no longer stands. Ask an administrator to invite you again.`,
  );
}
