import type { Actor } from './actor.js';
import { isRole, type Role } from './role.js';
import type { StaffUserRow } from './staff.table.js';

export const staffStatuses = ['active', 'suspended'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

/** A person who signs in to the CMS. Never carries the password hash. */
export interface StaffUser {
  readonly id: string;
  /** Always lowercase. */
  readonly email: string;
  readonly name: string;
  /** Public and stable: the author page lives at `/author/{slug}`. */
  readonly slug: string;
  readonly role: Role;
  readonly jobTitle: string;
  readonly bio: string;
  readonly photoMediaId: string | null;
  readonly status: StaffStatus;
  /** False for staff who cannot sign in yet (e.g. bylines imported without an account). */
  readonly hasPassword: boolean;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What readers see of an author: a byline and an author page. */
export interface AuthorProfile {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly jobTitle: string;
  readonly bio: string;
  readonly photoMediaId: string | null;
}

function toStaffStatus(value: string): StaffStatus {
  const found = staffStatuses.find((status) => status === value);
  if (found === undefined) throw new Error(`Unknown staff status in the database: ${value}`);
  return found;
}

export function toStaffUser(row: StaffUserRow): StaffUser {
  if (!isRole(row.role)) throw new Error(`Unknown staff role in the database: ${row.role}`);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    role: row.role,
    jobTitle: row.job_title,
    bio: row.bio,
    photoMediaId: row.photo_media_id,
    status: toStaffStatus(row.status),
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAuthorProfile(user: StaffUser): AuthorProfile {
  return {
    id: user.id,
    name: user.name,
    slug: user.slug,
    jobTitle: user.jobTitle,
    bio: user.bio,
    photoMediaId: user.photoMediaId,
  };
}

/** The actor for a signed-in staff user. */
export function toUserActor(user: StaffUser): Actor {
  return { id: `user:${user.id}`, kind: 'user', userId: user.id, name: user.name, role: user.role };
}
