import type { BodyDocument } from './body/body.types.js';
import type { PendingChanges } from './pending-changes.js';
import type { PostReview } from './post-review.js';
import type { Tag } from './tag.js';

export const postStatuses = ['draft', 'scheduled', 'published'] as const;
export type PostStatus = (typeof postStatuses)[number];

/** Who may read a post; stored now, enforced by the memberships feature. */
export const visibilities = ['public', 'members', 'paid'] as const;
export type Visibility = (typeof visibilities)[number];

export interface PostAuthor {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
  readonly photoMediaId: string | null;
}

export interface FeatureImage {
  readonly mediaId: string;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

export interface Post {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly standfirst: string;
  readonly body: BodyDocument;
  readonly plainText: string;
  readonly readingMinutes: number;
  readonly status: PostStatus;
  readonly visibility: Visibility;
  readonly featureImage: FeatureImage | null;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /** When it went (or goes) live; kept after unpublishing so a return keeps its date. */
  readonly publishedAt: Date | null;
  readonly revision: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** In order; the first is the section. */
  readonly tags: readonly Tag[];
  readonly authors: readonly PostAuthor[];
  /** Where the post stands in the editorial review; only a draft is ever in review. */
  readonly review: PostReview;
  /** Edits readers do not see yet; loaded for staff screens only, absent elsewhere. */
  readonly pendingChanges?: PendingChanges | null;
}

export function sectionOf(post: Pick<Post, 'tags'>): Tag | null {
  return post.tags[0] ?? null;
}

export function isLive(post: Pick<Post, 'status'>): boolean {
  return post.status === 'published';
}
