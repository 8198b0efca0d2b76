import type { Executor, Trx } from '../../db/database.js';
import type { Actor } from '../staff/actor.js';
import type { TagService } from './tag.service.js';
import { decideBody, checkLengths, type PostInput } from './post-input.js';
import {
  isSameVersion,
  referencesOf,
  toPendingChanges,
  toPendingChangesRow,
  versionOf,
  type PendingChanges,
  type PostVersion,
} from './pending-changes.js';
import * as repo from './pending-changes.repository.js';
import type { Post, PostAuthor } from './post.js';
import { toTag } from './tag.js';

/** Reads a post's pending changes with their tags and authors, or null when there are none. */
export async function findPendingChangesOf(
  db: Executor,
  postId: string,
): Promise<PendingChanges | null> {
  const row = await repo.findPendingChanges(db, postId);
  if (row === undefined) return null;
  const { tagIds, authorIds } = referencesOf(row);
  const [tagRows, staffRows] = await Promise.all([
    repo.listTagsByIds(db, tagIds),
    repo.listStaffByIds(db, authorIds),
  ]);
  const authors = new Map<string, PostAuthor>(
    staffRows.map((s) => [
      s.id,
      {
        id: s.id,
        slug: s.slug,
        name: s.name,
        jobTitle: s.job_title,
        bio: s.bio,
        photoMediaId: s.photo_media_id,
      },
    ]),
  );
  return toPendingChanges(row, new Map(tagRows.map((t) => [t.id, toTag(t)])), authors);
}

export interface PendingSave {
  readonly actor: Actor;
  /** The post as readers have it, with its pending changes. */
  readonly post: Post;
  readonly input: PostInput;
  /** Resolved byline, when the save names one. */
  readonly authorIds: string[] | undefined;
  readonly now: Date;
  readonly tags: TagService;
  /** Checks a slug the person typed, as a live save would. */
  readonly checkSlug: (wanted: string, title: string) => Promise<string>;
}

/**
 * Writes a save of a live or scheduled post into its pending version (made from the post
 * itself when there is none). When the edits undo themselves, nothing stays pending.
 */
export async function savePendingVersion(trx: Trx, save: PendingSave): Promise<void> {
  const { input, post } = save;
  checkLengths(input);
  const base = post.pendingChanges?.version ?? versionOf(post);
  const title = (input.title ?? base.title).trim();
  const feature = input.featureImage === undefined ? base.featureImage : input.featureImage;
  const authorsById = new Map(base.authors.map((a) => [a.id, a]));
  let authors = base.authors;
  if (save.authorIds !== undefined) {
    const missing = save.authorIds.filter((id) => !authorsById.has(id));
    for (const row of await repo.listStaffByIds(trx, missing)) {
      authorsById.set(row.id, {
        id: row.id,
        slug: row.slug,
        name: row.name,
        jobTitle: row.job_title,
        bio: row.bio,
        photoMediaId: row.photo_media_id,
      });
    }
    authors = save.authorIds.flatMap((id) => authorsById.get(id) ?? []);
  }
  const version: PostVersion = {
    title,
    standfirst: (input.standfirst ?? base.standfirst).trim(),
    slug: input.slug === undefined ? base.slug : await save.checkSlug(input.slug, title),
    body: decideBody(input) ?? base.body,
    visibility: input.visibility ?? base.visibility,
    featureImage:
      feature === null
        ? null
        : {
            mediaId: feature.mediaId,
            alt: feature.alt?.trim() ?? '',
            caption: feature.caption?.trim() ?? '',
            credit: feature.credit?.trim() ?? '',
          },
    seoTitle: input.seoTitle ?? base.seoTitle,
    seoDescription: input.seoDescription ?? base.seoDescription,
    tags:
      input.tags === undefined
        ? base.tags
        : await save.tags.resolveTags(trx, save.actor, input.tags),
    authors,
  };
  if (isSameVersion(version, versionOf(post))) {
    await repo.deletePendingChanges(trx, post.id);
    return;
  }
  await repo.savePendingChanges(trx, toPendingChangesRow(post.id, version, save.actor, save.now));
}

export const deletePendingChanges = repo.deletePendingChanges;
export const listPostIdsWithPendingChanges = repo.listPostIdsWithPendingChanges;
