import { permissions } from '../staff/permissions.js';
import { hasAtLeast, type Role } from '../staff/role.js';
import type { PostStatus } from './post.js';

/**
 * Who may do what to a post beyond writing it, decided from the staff role rules alone so
 * the CMS (to show a button) and the server (to allow the request) ask the same question.
 */
export interface PostStanding {
  readonly status: PostStatus;
  /** The person created the post or is credited in its byline. */
  readonly isOwner: boolean;
}

/** Editors delete any post; anyone who writes posts deletes their own drafts. */
export function canDeletePost(role: Role, post: PostStanding): boolean {
  if (hasAtLeast(role, permissions['post.delete-any'])) return true;
  return post.status === 'draft' && post.isOwner && hasAtLeast(role, permissions['post.edit-own']);
}

/**
 * A live or scheduled post is read-only for those who may not publish it: they suggest a
 * correction instead of changing what readers see.
 */
export function isReadOnlyFor(role: Role, post: PostStanding): boolean {
  if (hasAtLeast(role, permissions['post.edit-any'])) return false;
  return post.status !== 'draft' && !hasAtLeast(role, permissions['post.publish-own']);
}

/** How long a deleted post stays in the bin before it is deleted for good. */
export const binDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/** When a post deleted at `deletedAt` leaves the bin for good. */
export function purgeTimeOf(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + binDays * dayMs);
}

/** The purge job purges only what is still in the bin from that deletion, and only when due. */
export function decidePurge(
  binned: { readonly deletedAt: Date } | null,
  job: { readonly deletedAt: string },
  now: Date,
): 'purge' | 'restored' | 'not-due' {
  if (binned === null || binned.deletedAt.toISOString() !== job.deletedAt) return 'restored';
  return purgeTimeOf(binned.deletedAt).getTime() <= now.getTime() ? 'purge' : 'not-due';
}
