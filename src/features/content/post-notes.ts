import { hasAtLeast } from '../staff/role.js';
import type { StaffUser } from '../staff/staff-user.js';
import type { Post } from './post.js';

/**
 * Hand-offs between writers and editors, kept with the post: a `correction` suggested to a
 * live post by someone who may not change it (e-mailed to editors), and an editor's
 * `publish` note (e-mailed to the writers with the news that their piece is live).
 */
export const postNoteKinds = ['correction', 'publish'] as const;
export type PostNoteKind = (typeof postNoteKinds)[number];

export interface PostNote {
  readonly id: string;
  readonly postId: string;
  readonly kind: PostNoteKind;
  readonly body: string;
  readonly byId: string;
  readonly byName: string;
  readonly createdAt: Date;
}

export const longestPostNote = 2000;

export function toPostNoteKind(value: string): PostNoteKind {
  const found = postNoteKinds.find((kind) => kind === value);
  if (found === undefined) throw new Error(`Unknown post note kind in the database: ${value}`);
  return found;
}

/** What a hand-off e-mail is about: a suggested correction, or a piece that went live. */
export type HandoffKind = 'correction' | 'published';

/**
 * Who hears of a hand-off: editors of a correction, the post's writers (authors and
 * creator) of its publication. Never the person who did it, never suspended staff.
 */
export function decideHandoffRecipients(
  kind: HandoffKind,
  post: Pick<Post, 'authors' | 'createdBy'>,
  staff: readonly StaffUser[],
  moverId: string,
): StaffUser[] {
  const active = staff.filter(
    (user) => user.status === 'active' && `user:${user.id}` !== moverId && user.id !== moverId,
  );
  if (kind === 'correction') return active.filter((user) => hasAtLeast(user.role, 'editor'));
  const writers = new Set(post.authors.map((author) => author.id));
  if (post.createdBy.startsWith('user:')) writers.add(post.createdBy.slice('user:'.length));
  return active.filter((user) => writers.has(user.id));
}
