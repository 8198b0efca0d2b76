import type { Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { SlugChoice } from '../../platform/free-slug.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Actor } from '../staff/actor.js';
import type { BodyDocument } from './body/body.types.js';
import { emptyBody } from './body/validate-body.js';
import { doesSlugFollowTitle } from './draft-slug.js';
import type { PostInput } from './post-input.js';
import { editConflict } from './post-change.js';
import { load, loadForStaff } from './post-load.js';
import { ensureCanPublish, findPublishProblems } from './post-policy.js';
import { syncPublishJob } from './post-publish-job.js';
import { recordPendingRevision } from './post-revision-log.js';
import { decidePostRow, hasTextChanged } from './post-row.js';
import { decideSchedule } from './post-schedule.js';
import { decideSlug, freeSlugFor } from './post-slug.js';
import { pendingAsInput } from './pending-changes.js';
import { deletePendingChanges, savePendingVersion } from './pending-changes.store.js';
import * as repo from './post.repository.js';
import type { Post } from './post.js';
import { decidePublicSlug, decideSlugRedirect } from './slug-redirect.js';
import { slugify } from './slug.js';
import type { TagService } from './tag.service.js';

/** What a save needs that is worked out before its transaction opens. */
export interface PreparedSave {
  readonly body: BodyDocument | undefined;
  readonly authorIds: string[] | undefined;
  /** How to pick a slug made from the title; see `withSlugRetry`. */
  readonly slugChoice: SlugChoice;
}

/** Where a save's slug comes from. */
export type SlugSource =
  | { readonly kind: 'asked'; readonly wanted: string | undefined; readonly title: string }
  | { readonly kind: 'follows-title'; readonly title: string; readonly own: string }
  | { readonly kind: 'kept'; readonly slug: string };

/**
 * A new post or a save naming a slug gets that slug checked (or one from the title); a
 * draft whose slug was made from its old title follows the new one; otherwise it stays.
 */
export function decideSlugSource(
  before: Pick<Post, 'status' | 'publishedAt' | 'slug' | 'title'> | null,
  input: PostInput,
): SlugSource {
  const title = (input.title ?? before?.title ?? '').trim() || 'untitled';
  if (input.slug !== undefined || before === null) {
    return { kind: 'asked', wanted: input.slug, title };
  }
  if (doesSlugFollowTitle(before, input)) {
    return { kind: 'follows-title', title, own: before.slug };
  }
  return { kind: 'kept', slug: before.slug };
}

export interface PostWriterDeps {
  readonly clock: Clock;
  readonly tags: TagService;
  readonly jobs: JobQueue;
}

export type PostWriter = ReturnType<typeof createPostWriter>;

/** The writes of a save, each inside the caller's transaction. */
export function createPostWriter({ clock, tags, jobs }: PostWriterDeps) {
  function slugFor(trx: Trx, source: SlugSource, id: string, choice: SlugChoice) {
    switch (source.kind) {
      case 'asked':
        return decideSlug(trx, source.wanted, source.title, id, choice);
      case 'follows-title':
        return freeSlugFor(trx, slugify(source.title), choice, source.own);
      case 'kept':
        return Promise.resolve(source.slug);
    }
  }

  /** Tags and bylines as the save names them; a new post's author is whoever wrote it. */
  async function writeRelations(
    trx: Trx,
    actor: Actor,
    id: string,
    isNew: boolean,
    input: PostInput,
    authorIds: string[] | undefined,
  ): Promise<void> {
    if (input.tags !== undefined) {
      const resolved = await tags.resolveTags(trx, actor, input.tags);
      await repo.replacePostTags(
        trx,
        id,
        resolved.map((t) => t.id),
      );
    }
    if (authorIds !== undefined) {
      await repo.replacePostAuthors(trx, id, authorIds);
    } else if (isNew && actor.userId !== null) {
      await repo.replacePostAuthors(trx, id, [actor.userId]);
    }
  }

  /** Only a slug readers have seen leads on: a draft's rename must not reveal its headline. */
  async function writeSlugRedirect(trx: Trx, before: Post, slug: string, at: string) {
    if (before.slug === slug) return;
    const redirectFrom = decideSlugRedirect(before, slug);
    if (redirectFrom !== null) await repo.insertRedirect(trx, redirectFrom, before.id, at);
    await repo.deleteRedirect(trx, slug);
  }

  /** A post going live or scheduled must be allowed to and ready to. */
  function ensureReadyToPublish(actor: Actor, after: Post): void {
    if (after.status === 'draft') return;
    ensureCanPublish(actor, after);
    const problems = findPublishProblems(after);
    if (problems.length > 0) {
      throw new AppError('validation_failed', 'This post is not ready to publish yet.', problems);
    }
  }

  /** Writes the fields of a save, its tags and authors, and a revision when the text changed. */
  async function write(
    trx: Trx,
    actor: Actor,
    before: Post | null,
    input: PostInput,
    id: string,
    prepared: PreparedSave,
  ): Promise<Post> {
    const now = clock.now();
    const slug = await slugFor(trx, decideSlugSource(before, input), id, prepared.slugChoice);
    const schedule = decideSchedule(input, before, now);
    const row = {
      ...decidePostRow({
        id,
        actor,
        before,
        input,
        body: prepared.body ?? before?.body ?? emptyBody(),
        slug,
        schedule,
        now,
      }),
      public_slug: decidePublicSlug(before, { slug, status: schedule.status }),
    };
    if (before === null) {
      await repo.insertPost(trx, row);
    } else {
      const expected = input.revision ?? before.revision;
      if (!(await repo.updatePostAtRevision(trx, id, expected, row))) {
        throw editConflict(before.revision, expected);
      }
    }
    await writeRelations(trx, actor, id, before === null, input, prepared.authorIds);
    if (before !== null) await writeSlugRedirect(trx, before, slug, row.updated_at);
    if (hasTextChanged(before, row)) {
      await repo.insertRevision(trx, {
        id: newId(),
        post_id: id,
        revision: row.revision,
        title: row.title,
        standfirst: row.standfirst,
        body: row.body,
        saved_by: actor.id,
        saved_by_name: actor.name,
        created_at: row.updated_at,
      });
    }
    const after = await load(trx, id);
    ensureReadyToPublish(actor, after);
    await syncPublishJob(jobs, trx, before, after);
    return after;
  }

  /**
   * A save of a live or scheduled post's text goes into its pending version; the post's
   * revision still moves on, so two people saving the same post still hear of each other.
   */
  async function writePending(
    trx: Trx,
    actor: Actor,
    before: Post,
    input: PostInput,
    prepared: PreparedSave,
  ): Promise<Post> {
    const expected = input.revision ?? before.revision;
    const moved = await repo.updatePostAtRevision(trx, before.id, expected, {
      revision: before.revision + 1,
    });
    if (!moved) throw editConflict(before.revision, expected);
    await savePendingVersion(trx, {
      actor,
      post: before,
      input,
      body: prepared.body,
      authorIds: prepared.authorIds,
      now: clock.now(),
      tags,
      checkSlug: (wanted, title) => decideSlug(trx, wanted, title, before.id, prepared.slugChoice),
    });
    const after = await loadForStaff(trx, before.id);
    await recordPendingRevision(trx, actor, before, after, clock.now());
    return after;
  }

  /** Writes the pending version onto the post, with whatever else the save asks. */
  async function writeWithPending(
    trx: Trx,
    actor: Actor,
    before: Post,
    input: PostInput,
    prepared: PreparedSave,
  ): Promise<Post> {
    const pending = before.pendingChanges?.version;
    const { authorIds: pendingAuthors, ...fromPending } =
      pending === undefined ? { authorIds: undefined } : pendingAsInput(pending, before);
    const after = await write(trx, actor, before, { ...fromPending, ...input }, before.id, {
      body: prepared.body ?? pending?.body,
      authorIds: prepared.authorIds ?? pendingAuthors,
      slugChoice: prepared.slugChoice,
    });
    await deletePendingChanges(trx, before.id);
    return { ...after, pendingChanges: null };
  }

  return { write, writePending, writeWithPending };
}
