import type { Actor } from '../staff/actor.js';
import type { BodyDocument } from './body/body.types.js';
import type { PendingChangesRow } from './pending-changes.table.js';
import type { PostInput } from './post-input.js';
import type { FeatureImage, Post, PostAuthor, PostStatus, Visibility } from './post.js';
import type { Tag } from './tag.js';

/**
 * Pending changes are edits to a published or scheduled post that readers do not see yet
 * (GLOSSARY). They live beside the post as one pending version; every editor opening the
 * post edits that version. "Update live article" makes it the post, "Discard changes"
 * drops it. A change of status or publication time takes the pending version with it, so
 * what the editor sees is what goes out.
 */

/** Everything an edit can change that readers would see. */
export interface PostVersion {
  readonly title: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly body: BodyDocument;
  readonly visibility: Visibility;
  readonly featureImage: FeatureImage | null;
  readonly seoTitle: string;
  readonly seoDescription: string;
  readonly tags: readonly Tag[];
  readonly authors: readonly PostAuthor[];
}

export interface PendingChanges {
  readonly version: PostVersion;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly savedAt: Date;
}

/**
 * Where a save goes: straight onto the post (`live`, for drafts), into its pending version
 * (`pending`), or onto the post together with its pending version (`with-pending`: the
 * save publishes, schedules, unpublishes or moves the publication time).
 */
export type EditRoute = 'live' | 'pending' | 'with-pending';

export function decideEditRoute(
  status: PostStatus,
  input: Pick<PostInput, 'status' | 'publishedAt'>,
): EditRoute {
  if (status === 'draft') return 'live';
  if (input.status !== undefined || input.publishedAt !== undefined) return 'with-pending';
  return 'pending';
}

export function versionOf(post: Post): PostVersion {
  return {
    title: post.title,
    standfirst: post.standfirst,
    slug: post.slug,
    body: post.body,
    visibility: post.visibility,
    featureImage: post.featureImage,
    seoTitle: post.seoTitle,
    seoDescription: post.seoDescription,
    tags: post.tags,
    authors: post.authors,
  };
}

/** The version a reader sees equals the pending one: nothing is pending any more. */
export function isSameVersion(a: PostVersion, b: PostVersion): boolean {
  const key = (v: PostVersion) =>
    JSON.stringify([
      v.title,
      v.standfirst,
      v.slug,
      v.body,
      v.visibility,
      v.featureImage,
      v.seoTitle,
      v.seoDescription,
      v.tags.map((t) => t.id),
      v.authors.map((a) => a.id),
    ]);
  return key(a) === key(b);
}

export function toPendingChangesRow(
  postId: string,
  version: PostVersion,
  actor: Actor,
  at: Date,
): PendingChangesRow {
  const image = version.featureImage;
  return {
    post_id: postId,
    title: version.title,
    standfirst: version.standfirst,
    slug: version.slug,
    body: JSON.stringify(version.body),
    visibility: version.visibility,
    feature_image_id: image?.mediaId ?? null,
    feature_image_alt: image?.alt ?? '',
    feature_image_caption: image?.caption ?? '',
    feature_image_credit: image?.credit ?? '',
    seo_title: version.seoTitle,
    seo_description: version.seoDescription,
    tag_ids: JSON.stringify(version.tags.map((t) => t.id)),
    author_ids: JSON.stringify(version.authors.map((a) => a.id)),
    saved_by: actor.id,
    saved_by_name: actor.name,
    saved_at: at.toISOString(),
  };
}

/** Ids a pending row refers to, to load its tags and authors in one go. */
export function referencesOf(row: PendingChangesRow): { tagIds: string[]; authorIds: string[] } {
  return {
    tagIds: JSON.parse(row.tag_ids) as string[],
    authorIds: JSON.parse(row.author_ids) as string[],
  };
}

export function toPendingChanges(
  row: PendingChangesRow,
  tagsById: ReadonlyMap<string, Tag>,
  authorsById: ReadonlyMap<string, PostAuthor>,
): PendingChanges {
  const { tagIds, authorIds } = referencesOf(row);
  return {
    version: {
      title: row.title,
      standfirst: row.standfirst,
      slug: row.slug,
      // Validated when it was written.
      body: JSON.parse(row.body) as BodyDocument,
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
      // A tag or author deleted meanwhile drops out of the version.
      tags: tagIds.flatMap((id) => tagsById.get(id) ?? []),
      authors: authorIds.flatMap((id) => authorsById.get(id) ?? []),
    },
    savedBy: row.saved_by,
    savedByName: row.saved_by_name,
    savedAt: new Date(row.saved_at),
  };
}

/**
 * The save that makes a pending version the post: every field, the slug only when it
 * moved (a slug change leaves a redirect behind).
 */
export function pendingAsInput(
  version: PostVersion,
  post: Pick<Post, 'slug'>,
): PostInput & { readonly authorIds: string[] } {
  return {
    title: version.title,
    standfirst: version.standfirst,
    ...(version.slug === post.slug ? {} : { slug: version.slug }),
    body: version.body,
    visibility: version.visibility,
    featureImage: version.featureImage,
    seoTitle: version.seoTitle,
    seoDescription: version.seoDescription,
    tags: version.tags.map((t) => t.slug),
    authorIds: version.authors.map((a) => a.id),
  };
}

/** The post as it will read once its pending changes are made live: what a preview shows. */
export function withPendingChanges(post: Post): Post {
  const pending = post.pendingChanges;
  return pending === undefined || pending === null ? post : { ...post, ...pending.version };
}
