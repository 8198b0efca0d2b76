import type { Selectable } from 'kysely';

/** One request to reset a staff user's password; the link in its e-mail works once. */
export interface PasswordResetTable {
  /** Also the id of the request's job, so a retried job finds its own row. */
  id: string;
  user_id: string;
  /** SHA-256 of the link's token; null until the worker sends the e-mail. */
  token_hash: string | null;
  requested_ip: string | null;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  used_at: string | null;
}

/** An invitation to join the staff with a role; accepting it creates the account. */
export interface StaffInvitationTable {
  id: string;
  /** Normalised (lowercase). */
  email: string;
  /** A suggested name for the account; the invitee may change it. */
  name: string;
  role: string;
  /** The actor id of whoever invited, and their name at the time. */
  invited_by: string;
  invited_by_name: string;
  token_hash: string | null;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  accepted_at: string | null;
  accepted_user_id: string | null;
}

export type PasswordResetRow = Selectable<PasswordResetTable>;
export type StaffInvitationRow = Selectable<StaffInvitationTable>;
