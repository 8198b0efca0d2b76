import type { Executor } from '../../db/database.js';
import type { BodyDocument } from './body/body.types.js';
import { withPendingChanges } from './pending-changes.js';
import type { PostInput } from './post-input.js';
import type { MergeField, MergeVersion } from './post-merge.js';
import type { Post } from './post.js';

/**
 * Snapshots: the fields each save left, keyed by the post's revision, kept a day. They are
 * the `base` of a three-way merge when a save names an older revision (ADR 0011).
 */

export const snapshotLifetimeMs = 24 * 60 * 60 * 1000;

/** The fields of the version an editor works on: the pending version when there is one. */
export function mergeVersionOf(post: Post): MergeVersion {
  const edited = withPendingChanges(post);
  return {
    title: edited.title,
    standfirst: edited.standfirst,
    slug: edited.slug,
    body: edited.body,
    visibility: edited.visibility,
    featureImage: edited.featureImage,
    seoTitle: edited.seoTitle,
    seoDescription: edited.seoDescription,
    tags: edited.tags.map((t) => t.name.toLowerCase()),
    authors: edited.authors.map((a) => a.id),
  };
}

/** The fields a save sends, in the same terms; tags named by slug are matched to names. */
export function mergeFieldsOfInput(
  input: PostInput,
  prepared: { readonly body: BodyDocument | undefined; readonly authorIds: string[] | undefined },
  knownTags: readonly { readonly name: string; readonly slug: string }[],
): Partial<MergeVersion> {
  const bySlug = new Map(knownTags.map((t) => [t.slug, t.name.toLowerCase()]));
  const image = input.featureImage;
  const fields: Partial<Record<MergeField, unknown>> = {
    title: input.title?.trim(),
    standfirst: input.standfirst,
    slug: input.slug,
    body: prepared.body,
    visibility: input.visibility,
    featureImage:
      image === undefined || image === null
        ? image
        : {
            mediaId: image.mediaId,
            alt: image.alt ?? '',
            caption: image.caption ?? '',
            credit: image.credit ?? '',
          },
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    tags: input.tags
      ?.map((t) => t.trim())
      .filter((t) => t !== '')
      .map((t) => bySlug.get(t) ?? t.toLowerCase()),
    authors: prepared.authorIds,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Records the version a save left; drops this post's snapshots older than a day. */
export async function recordSnapshot(
  db: Executor,
  post: Post,
  savedByName: string,
  now: Date,
): Promise<void> {
  const row = {
    post_id: post.id,
    revision: post.revision,
    version: JSON.stringify(mergeVersionOf(post)),
    saved_by_name: savedByName,
    created_at: now.toISOString(),
  };
  await db
    .insertInto('post_snapshots')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['post_id', 'revision']).doUpdateSet({
        version: row.version,
        saved_by_name: row.saved_by_name,
        created_at: row.created_at,
      }),
    )
    .execute();
  await db
    .deleteFrom('post_snapshots')
    .where('post_id', '=', post.id)
    .where('created_at', '<', new Date(now.getTime() - snapshotLifetimeMs).toISOString())
    .execute();
}

export async function findSnapshot(
  db: Executor,
  postId: string,
  revision: number,
): Promise<{ version: MergeVersion; savedByName: string } | undefined> {
  const row = await db
    .selectFrom('post_snapshots')
    .select(['version', 'saved_by_name'])
    .where('post_id', '=', postId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { version: JSON.parse(row.version) as MergeVersion, savedByName: row.saved_by_name };
}
