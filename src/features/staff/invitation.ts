import { isRole, type Role } from './role.js';
import type { StaffInvitationRow } from './staff-access.table.js';

/** An invitation to join the staff, as administrators see it. Never carries its token. */
export interface Invitation {
  readonly id: string;
  readonly email: string;
  /** The suggested name; empty when the inviter gave none. */
  readonly name: string;
  readonly role: Role;
  readonly invitedBy: { readonly id: string; readonly name: string };
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly expiresAt: string;
}

export function toInvitation(row: StaffInvitationRow): Invitation {
  if (!isRole(row.role)) throw new Error(`Unknown staff role in the database: ${row.role}`);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    invitedBy: { id: row.invited_by, name: row.invited_by_name },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
