import type { BodyDocument } from '../content/body/body.types.js';
import type { Tag } from '../content/tag.js';

/** The staff user credited on a feed entry. */
export interface FeedAuthor {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** One short, timestamped item of the news feed. */
export interface FeedEntry {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly body: BodyDocument;
  readonly plainText: string;
  readonly author: FeedAuthor;
  /** The article the entry points to; readers see the link only while it is published. */
  readonly postId: string | null;
  readonly pinned: boolean;
  readonly keyEvent: boolean;
  readonly publishedAt: Date;
  /** When readers' text last changed after publishing: the "Updated" stamp. Null if never. */
  readonly editedAt: Date | null;
  readonly revision: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** In order; the first is the entry's section. */
  readonly sections: readonly Tag[];
}

export const feedChangeKinds = ['created', 'updated', 'deleted', 'pinned'] as const;
/** What happened to an entry, as a live connection hears it. Unpinning is `pinned` too. */
export type FeedChangeKind = (typeof feedChangeKinds)[number];

/** One entry of the change log. `entry` is the entry after the change; null when deleted. */
export interface FeedChange {
  readonly id: number;
  readonly kind: FeedChangeKind;
  readonly entryId: string;
  readonly entry: FeedEntry | null;
  readonly at: Date;
}

/**
 * An edit this soon after publishing is part of the first version (a typo fixed at once),
 * so it does not earn an "Updated" stamp.
 */
export const editGraceMs = 60 * 1000;

/** Decides the `edited_at` of a save that changed what readers read, made at `at`. */
export function decideEditedAt(publishedAt: Date, at: Date, previous: Date | null): Date | null {
  return at.getTime() - publishedAt.getTime() > editGraceMs ? at : previous;
}

export function isFeedChangeKind(value: string): value is FeedChangeKind {
  return (feedChangeKinds as readonly string[]).includes(value);
}
