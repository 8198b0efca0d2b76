import type { Executor } from '../../db/database.js';
import type { BodyDocument } from './body/body.types.js';
import type { Post, PostAuthor, PostStatus, Visibility } from './post.js';
import { toPostReview } from './post-review.js';
import { listAuthorsOfPosts } from './post.repository.js';
import type { PostRow } from './post.table.js';
import { listTagsOfPosts } from './tag.repository.js';
import { toTag, type Tag } from './tag.js';

function toDate(value: string): Date {
  return new Date(value);
}

export function toPost(row: PostRow, tags: readonly Tag[], authors: readonly PostAuthor[]): Post {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    // Validated when it was written; reading trusts the stored document.
    body: JSON.parse(row.body) as BodyDocument,
    plainText: row.plain_text,
    readingMinutes: row.reading_minutes,
    status: row.status as PostStatus,
    visibility: row.visibility as Visibility,
    featureImage:
      row.feature_image_id === null
        ? null
        : {
            mediaId: row.feature_image_id,
            alt: row.feature_image_alt,
            caption: row.feature_image_caption,
            credit: row.feature_image_credit,
          },
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    publishedAt: row.published_at === null ? null : toDate(row.published_at),
    revision: row.revision,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    tags,
    authors,
    review: toPostReview(row),
    publicSlug: row.public_slug,
  };
}

/** Loads the tags and authors of many rows in two queries and maps them to posts. */
export async function toPosts(db: Executor, rows: readonly PostRow[]): Promise<Post[]> {
  const ids = rows.map((row) => row.id);
  const [tagRows, authorRows] = await Promise.all([
    listTagsOfPosts(db, ids),
    listAuthorsOfPosts(db, ids),
  ]);
  return rows.map((row) =>
    toPost(
      row,
      tagRows.filter((t) => t.post_id === row.id).map(toTag),
      authorRows
        .filter((a) => a.post_id === row.id)
        .map((a) => ({
          id: a.id,
          slug: a.slug,
          name: a.name,
          jobTitle: a.job_title,
          bio: a.bio,
          photoMediaId: a.photo_media_id,
        })),
    ),
  );
}
