import type { Insertable } from 'kysely';
import type { Actor } from '../staff/actor.js';
import { bodyToPlainText, readingMinutes } from './body/body-to-text.js';
import type { BodyDocument } from './body/body.types.js';
import type { PostInput } from './post-input.js';
import { clearedReviewColumns } from './post-review.js';
import type { PostTable } from './post.table.js';
import type { Post, PostStatus } from './post.js';

export interface PostRowDecision {
  readonly id: string;
  readonly actor: Actor;
  readonly before: Post | null;
  readonly input: PostInput;
  readonly body: BodyDocument;
  readonly slug: string;
  readonly schedule: { status: PostStatus; publishedAt: Date | null };
  readonly now: Date;
}

/** The row one save writes: the input over what the post had, trimmed and derived. */
export function decidePostRow(d: PostRowDecision): Insertable<PostTable> {
  const { before, input } = d;
  const title = (input.title ?? before?.title ?? '').trim();
  const standfirst = (input.standfirst ?? before?.standfirst ?? '').trim();
  const plainText = bodyToPlainText(d.body);
  const feature =
    input.featureImage === undefined ? (before?.featureImage ?? null) : input.featureImage;
  const now = d.now.toISOString();
  return {
    id: d.id,
    slug: d.slug,
    title,
    standfirst,
    body: JSON.stringify(d.body),
    plain_text: plainText,
    reading_minutes: readingMinutes(`${title} ${standfirst} ${plainText}`),
    status: d.schedule.status,
    visibility: input.visibility ?? before?.visibility ?? 'public',
    feature_image_id: feature?.mediaId ?? null,
    feature_image_alt: feature?.alt?.trim() ?? '',
    feature_image_caption: feature?.caption?.trim() ?? '',
    feature_image_credit: feature?.credit?.trim() ?? '',
    seo_title: input.seoTitle ?? before?.seoTitle ?? '',
    seo_description: input.seoDescription ?? before?.seoDescription ?? '',
    published_at: d.schedule.publishedAt?.toISOString() ?? null,
    revision: (before?.revision ?? 0) + 1,
    created_by: before?.createdBy ?? d.actor.id,
    created_at: before?.createdAt.toISOString() ?? now,
    updated_at: now,
    // Going live or being scheduled ends the review; a draft's review is left as it is.
    ...(d.schedule.status === 'draft' ? {} : clearedReviewColumns),
  };
}

/** A save changed the text: it gets a revision in the history. */
export function hasTextChanged(before: Post | null, row: Insertable<PostTable>): boolean {
  return (
    before === null ||
    before.title !== row.title ||
    before.standfirst !== row.standfirst ||
    row.body !== JSON.stringify(before.body)
  );
}
