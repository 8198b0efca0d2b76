import { AppError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { ensureCan, ensureRoleWithin } from './permissions.js';
import type { Role } from './role.js';
import type { StaffStatus, StaffUser } from './staff-user.js';

/** Signed in as this very person (a token acting for them does not count). */
export function isSelf(actor: Actor, id: string): boolean {
  return actor.kind === 'user' && actor.userId === id;
}

/** The checks that depend on who acts and on whom; see CONTEXT.md. */
export function ensureMayChange(
  actor: Actor,
  target: StaffUser,
  changes: { readonly role?: Role; readonly status?: StaffStatus },
): void {
  if (!isSelf(actor, target.id)) {
    ensureCan(actor, 'staff.manage', 'change other staff accounts');
    ensureRoleWithin(actor, target.role, 'change their account');
  }
  if (changes.role !== undefined && changes.role !== target.role) {
    ensureCan(actor, 'staff.manage', 'change roles');
    ensureRoleWithin(actor, changes.role, 'give that role');
  }
  if (changes.status !== undefined && changes.status !== target.status) {
    ensureCan(actor, 'staff.manage', 'suspend or reinstate staff');
    if (isSelf(actor, target.id)) {
      throw new AppError('forbidden', 'You cannot suspend or reinstate yourself.');
    }
  }
}
