import type { Selectable } from 'kysely';

export interface StaffUserTable {
  id: string;
  email: string;
  name: string;
  slug: string;
  role: string;
  password_hash: string | null;
  job_title: string;
  bio: string;
  photo_media_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie value, so a database leak does not leak sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  user_id: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  /** `user:{id}`, `token:{id}` or `system`. */
  actor: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  /** JSON text. */
  details: string;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type StaffSessionRow = Selectable<StaffSessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
