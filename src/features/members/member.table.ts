import type { Selectable } from 'kysely';

export interface MemberTable {
  id: string;
  /** Lower-cased; one member per address. */
  email: string;
  name: string;
  status: string;
  /** When a gift or comp ends; null when it does not. */
  status_until: string | null;
  created_at: string;
  updated_at: string;
  /** When the member first followed a link sent to their address. */
  confirmed_at: string | null;
  last_seen_at: string | null;
}

export interface MemberLabelTable {
  member_id: string;
  label: string;
}

export interface MemberNoteTable {
  id: string;
  member_id: string;
  body: string;
  author_name: string;
  created_at: string;
}

export interface MemberEventTable {
  id: string;
  member_id: string;
  kind: string;
  /** JSON object with what the kind needs (old address, comp end…). */
  detail: string;
  actor_name: string | null;
  created_at: string;
}

export interface MemberSessionTable {
  /** SHA-256 of the cookie value. */
  id_hash: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface MemberLinkTable {
  id: string;
  /** `sign-in` or `email-change`. */
  purpose: string;
  /** Where the link goes: the address signing in, or the new address. */
  email: string;
  member_id: string | null;
  next_path: string | null;
  /** Null until the worker sends the e-mail. */
  token_hash: string | null;
  requested_ip: string | null;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  used_at: string | null;
}

export interface MemberSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export type MemberRow = Selectable<MemberTable>;
export type MemberEventRow = Selectable<MemberEventTable>;
export type MemberNoteRow = Selectable<MemberNoteTable>;
export type MemberLinkRow = Selectable<MemberLinkTable>;
