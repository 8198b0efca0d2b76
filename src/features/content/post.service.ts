import type { Insertable } from 'kysely';
import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Db, Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import {
  decideFreeSlug,
  toSlugFamily,
  withSlugRetry,
  type SlugChoice,
} from '../../platform/free-slug.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { can, ensureCan } from '../staff/permissions.js';
import type { BodyConverter } from './body/body-converter.js';
import { bodyToPlainText, readingMinutes } from './body/body-to-text.js';
import type { BodyDocument } from './body/body.types.js';
import { emptyBody } from './body/validate-body.js';
import type { PostChanged } from './content-events.js';
import './content-events.js';
import { checkLengths, decideBody, type PostInput } from './post-input.js';
import { toPosts } from './post-mapping.js';
import { createPublishedPostQueries } from './post-queries.js';
import { clearedReviewColumns, type ReviewState } from './post-review.js';
import { ensureCanEdit, ensureCanPublish, findPublishProblems, isOwnerOf } from './post-policy.js';
import * as repo from './post.repository.js';
import type { PostTable } from './post.table.js';
import type { Post, PostStatus } from './post.js';
import { decidePublicSlug, decideSlugRedirect } from './slug-redirect.js';
import { isReservedSlug, isValidSlug, reservedSlugs, slugify } from './slug.js';
import type { TagService } from './tag.service.js';

export interface PostServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly tags: TagService;
  readonly jobs: JobQueue;
  readonly events: EventBus;
  /** Finds a staff user's id by slug, e-mail or id, for bylines. */
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  /** Converts Markdown and HTML off the event loop, before a save's transaction. */
  readonly bodyConverter: BodyConverter;
}

/** What a save needs that is worked out before its transaction opens. */
interface PreparedSave {
  readonly body: BodyDocument | undefined;
  readonly authorIds: string[] | undefined;
  /** How to pick a slug made from the title; see `withSlugRetry`. */
  readonly slugChoice: SlugChoice;
}

export interface PostListQuery {
  readonly status?: PostStatus | undefined;
  readonly tag?: string | undefined;
  readonly authorId?: string | undefined;
  readonly text?: string | undefined;
  /** `submitted` is the editors' queue, longest waiting first. */
  readonly review?: ReviewState | undefined;
  readonly limit?: number | undefined;
  readonly page?: number | undefined;
  /** Newest edit first (the default), newest publication first, or by headline. */
  readonly sort?: 'updated' | 'published' | 'title' | undefined;
}

/** A published post as sitemaps list it. */

export type PostService = ReturnType<typeof createPostService>;

function publishJobKey(postId: string, at: string): string {
  return `post.publish:${postId}:${at}`;
}

/**
 * Whether a failed save lost a race for a slug it chose itself (its own or a new tag's);
 * such a save runs once more with random suffixes. A slug the writer typed is never changed.
 */
function isSlugClash(input: PostInput): (error: unknown) => boolean {
  return (error) =>
    decideConstraintViolation(error) === 'unique' &&
    (input.slug === undefined || (input.tags?.length ?? 0) > 0);
}

export function createPostService(deps: PostServiceDeps) {
  const { db, clock, audit, tags, jobs, events } = deps;

  async function load(executor: Db | Trx, id: string): Promise<Post> {
    const row = await repo.findPostById(executor, id);
    if (row === undefined) throw notFound('That post');
    const [post] = await toPosts(executor, [row]);
    if (post === undefined) throw notFound('That post');
    return post;
  }

  async function decideSlug(
    trx: Trx,
    wanted: string | undefined,
    title: string,
    postId: string,
    choice: SlugChoice,
  ): Promise<string> {
    if (wanted === undefined) {
      const base = slugify(title);
      const taken = await repo.listPostSlugsLike(trx, toSlugFamily(base));
      return decideFreeSlug(base, new Set([...taken, ...reservedSlugs]), choice);
    }
    if (!isValidSlug(wanted)) {
      throw invalid([
        { field: 'slug', message: 'use lowercase letters, digits and single hyphens' },
      ]);
    }
    if (isReservedSlug(wanted))
      throw invalid([{ field: 'slug', message: `"${wanted}" is reserved for the site` }]);
    const existing = await repo.findPostBySlug(trx, wanted);
    if (existing !== undefined && existing.id !== postId) {
      throw new AppError('slug_taken', `Another post already uses the slug "${wanted}".`, [
        { field: 'slug', message: 'is already taken' },
      ]);
    }
    return wanted;
  }

  async function resolveAuthors(refs: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const ref of refs) {
      const id = await deps.findAuthorId(ref.trim());
      if (id === undefined)
        throw invalid([{ field: 'authors', message: `no staff member "${ref}"` }]);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /**
   * Checks lengths, converts Markdown or HTML and finds the authors: the slow parts of a
   * save, done before its transaction so they hold no connection or lock.
   */
  async function prepare(input: PostInput): Promise<Omit<PreparedSave, 'slugChoice'>> {
    checkLengths(input);
    const body = await decideBody(input, deps.bodyConverter);
    const authorIds = input.authors === undefined ? undefined : await resolveAuthors(input.authors);
    return { body, authorIds };
  }

  /** Decides the status and live time a save asks for, checking the clock. */
  function decideSchedule(
    input: PostInput,
    current: Pick<Post, 'status' | 'publishedAt'> | null,
  ): { status: PostStatus; publishedAt: Date | null } {
    const now = clock.now();
    const status = input.status ?? current?.status ?? 'draft';
    const requested = input.publishedAt ?? current?.publishedAt ?? null;
    if (status === 'draft') return { status, publishedAt: current?.publishedAt ?? null };
    if (status === 'scheduled') {
      if (input.publishedAt === undefined && current?.status !== 'scheduled') {
        throw invalid([
          { field: 'published_at', message: 'give the time the post should go live' },
        ]);
      }
      if (requested === null || requested.getTime() <= now.getTime()) {
        throw invalid([
          { field: 'published_at', message: 'a scheduled time must be in the future' },
        ]);
      }
      return { status, publishedAt: requested };
    }
    // Publishing with a future time schedules; an earlier time is kept (back-dating a story).
    if (input.publishedAt !== undefined && input.publishedAt.getTime() > now.getTime()) {
      return { status: 'scheduled', publishedAt: input.publishedAt };
    }
    const keep = current?.status === 'published' ? current.publishedAt : null;
    return { status: 'published', publishedAt: input.publishedAt ?? keep ?? now };
  }

  function changeOf(before: Post | null, after: Post): PostChanged['change'] {
    if (before === null)
      return after.status === 'published'
        ? 'published'
        : after.status === 'scheduled'
          ? 'scheduled'
          : 'created';
    if (before.status !== 'published' && after.status === 'published') return 'published';
    if (before.status === 'published' && after.status !== 'published') return 'unpublished';
    if (before.status !== 'scheduled' && after.status === 'scheduled') return 'scheduled';
    return 'updated';
  }

  function announce(before: Post | null, after: Post, change = changeOf(before, after)): void {
    const tagSlugs = new Set([...(before?.tags ?? []), ...after.tags].map((t) => t.slug));
    const authorSlugs = new Set([...(before?.authors ?? []), ...after.authors].map((a) => a.slug));
    events.publish('post.changed', {
      postId: after.id,
      slug: after.slug,
      previousSlug: before !== null && before.slug !== after.slug ? before.slug : null,
      change,
      status: after.status,
      wasLive: before?.status === 'published',
      isLive: after.status === 'published',
      tagSlugs: [...tagSlugs],
      authorSlugs: [...authorSlugs],
    });
  }

  async function syncPublishJob(trx: Trx, before: Post | null, after: Post): Promise<void> {
    const beforeKey =
      before?.status === 'scheduled' && before.publishedAt !== null
        ? publishJobKey(before.id, before.publishedAt.toISOString())
        : null;
    const afterKey =
      after.status === 'scheduled' && after.publishedAt !== null
        ? publishJobKey(after.id, after.publishedAt.toISOString())
        : null;
    if (beforeKey === afterKey) return;
    if (beforeKey !== null) await jobs.cancel(trx, beforeKey);
    if (afterKey !== null && after.publishedAt !== null) {
      await jobs.enqueue(
        trx,
        'post.publish',
        { postId: after.id },
        { runAt: after.publishedAt, idempotencyKey: afterKey },
      );
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
    const { authorIds } = prepared;
    const now = clock.now().toISOString();
    const body = prepared.body ?? before?.body ?? emptyBody();
    const title = (input.title ?? before?.title ?? '').trim();
    const standfirst = (input.standfirst ?? before?.standfirst ?? '').trim();
    const plainText = bodyToPlainText(body);
    const schedule = decideSchedule(input, before);
    const slug =
      input.slug !== undefined || before === null
        ? await decideSlug(
            trx,
            input.slug,
            title === '' ? 'untitled' : title,
            id,
            prepared.slugChoice,
          )
        : before.slug;
    const feature =
      input.featureImage === undefined ? (before?.featureImage ?? null) : input.featureImage;
    const revision = (before?.revision ?? 0) + 1;
    const row: Insertable<PostTable> = {
      id,
      slug,
      title,
      standfirst,
      body: JSON.stringify(body),
      plain_text: plainText,
      reading_minutes: readingMinutes(`${title} ${standfirst} ${plainText}`),
      status: schedule.status,
      visibility: input.visibility ?? before?.visibility ?? 'public',
      feature_image_id: feature?.mediaId ?? null,
      feature_image_alt: feature?.alt?.trim() ?? '',
      feature_image_caption: feature?.caption?.trim() ?? '',
      feature_image_credit: feature?.credit?.trim() ?? '',
      seo_title: input.seoTitle ?? before?.seoTitle ?? '',
      seo_description: input.seoDescription ?? before?.seoDescription ?? '',
      published_at: schedule.publishedAt?.toISOString() ?? null,
      public_slug: decidePublicSlug(before, { slug, status: schedule.status }),
      revision,
      created_by: before?.createdBy ?? actor.id,
      created_at: before?.createdAt.toISOString() ?? now,
      updated_at: now,
      // Going live or being scheduled ends the review; a draft's review is left as it is.
      ...(schedule.status === 'draft' ? {} : clearedReviewColumns),
    };
    if (before === null) {
      await repo.insertPost(trx, row);
    } else {
      const expected = input.revision ?? before.revision;
      if (!(await repo.updatePostAtRevision(trx, id, expected, row))) {
        throw new AppError(
          'edit_conflict',
          `Someone else saved this post (now revision ${before.revision}) after you opened revision ${expected}. ` +
            'Your text is not lost: copy it, reload the post, and merge your changes.',
        );
      }
    }
    if (input.tags !== undefined) {
      const resolved = await tags.resolveTags(trx, actor, input.tags, prepared.slugChoice);
      await repo.replacePostTags(
        trx,
        id,
        resolved.map((t) => t.id),
      );
    }
    if (authorIds !== undefined) {
      await repo.replacePostAuthors(trx, id, authorIds);
    } else if (before === null && actor.userId !== null) {
      await repo.replacePostAuthors(trx, id, [actor.userId]);
    }
    if (before !== null && before.slug !== slug) {
      const redirectFrom = decideSlugRedirect(before, slug);
      if (redirectFrom !== null) await repo.insertRedirect(trx, redirectFrom, id, now);
      await repo.deleteRedirect(trx, slug);
    }
    const textChanged =
      before === null ||
      before.title !== title ||
      before.standfirst !== standfirst ||
      row.body !== JSON.stringify(before.body);
    if (textChanged) {
      await repo.insertRevision(trx, {
        id: newId(),
        post_id: id,
        revision,
        title,
        standfirst,
        body: row.body,
        saved_by: actor.id,
        created_at: now,
      });
    }
    const after = await load(trx, id);
    if (after.status !== 'draft') {
      ensureCanPublish(actor, after);
      const problems = findPublishProblems(after);
      if (problems.length > 0) {
        throw new AppError('validation_failed', 'This post is not ready to publish yet.', problems);
      }
    }
    await syncPublishJob(trx, before, after);
    return after;
  }

  return {
    ...createPublishedPostQueries(db),

    getPost: (id: string): Promise<Post> => load(db, id),

    /** A post for a staff screen; contributors and authors may open only their own. */
    async getPostFor(actor: Actor, id: string): Promise<Post> {
      const post = await load(db, id);
      if (!can(actor, 'post.edit-any') && !isOwnerOf(actor, post)) {
        throw new AppError(
          'forbidden',
          'You can only open your own posts. Ask an editor for this one.',
        );
      }
      return post;
    },

    /** Posts for staff screens and the Admin API; contributors see only their own. */
    async listPosts(actor: Actor, query: PostListQuery = {}): Promise<Post[]> {
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      const rows = await repo.listPosts(db, {
        status: query.status,
        tagSlug: query.tag,
        authorId: query.authorId,
        text: query.text,
        reviewState: query.review,
        ownedBy: can(actor, 'post.edit-any')
          ? undefined
          : { actorId: actor.id, userId: actor.userId },
        limit,
        offset: ((query.page ?? 1) - 1) * limit,
        order: query.review === 'submitted' ? 'review' : (query.sort ?? 'updated'),
      });
      return toPosts(db, rows);
    },

    async createPost(actor: Actor, input: PostInput): Promise<Post> {
      ensureCan(actor, 'post.create', 'write posts');
      const id = newId();
      // Before the transaction: SQLite has one connection, held by the transaction.
      const prepared = await prepare(input);
      const save = (slugChoice: SlugChoice) =>
        db.transaction().execute(async (trx) => {
          const created = await write(trx, actor, null, input, id, { ...prepared, slugChoice });
          await audit.record(
            trx,
            actor,
            'post.create',
            { type: 'post', id },
            { slug: created.slug, status: created.status },
          );
          return created;
        });
      const post = await withSlugRetry(save, isSlugClash(input));
      announce(null, post);
      return post;
    },

    async updatePost(actor: Actor, id: string, input: PostInput): Promise<Post> {
      let before: Post | undefined;
      const prepared = await prepare(input);
      const save = (slugChoice: SlugChoice) =>
        db.transaction().execute(async (trx) => {
          before = await load(trx, id);
          ensureCanEdit(actor, before);
          const changesStatus = input.status !== undefined && input.status !== before.status;
          if (changesStatus || (input.publishedAt !== undefined && before.status !== 'draft')) {
            ensureCanPublish(actor, before);
          }
          const updated = await write(trx, actor, before, input, id, { ...prepared, slugChoice });
          await audit.record(
            trx,
            actor,
            `post.${changeOf(before, updated) === 'updated' ? 'update' : changeOf(before, updated)}`,
            { type: 'post', id },
            {
              slug: updated.slug,
              revision: updated.revision,
            },
          );
          return updated;
        });
      const post = await withSlugRetry(save, isSlugClash(input));
      announce(before ?? null, post);
      return post;
    },

    publishPost(actor: Actor, id: string, publishedAt?: Date): Promise<Post> {
      return this.updatePost(actor, id, { status: 'published', publishedAt });
    },

    unpublishPost(actor: Actor, id: string): Promise<Post> {
      return this.updatePost(actor, id, { status: 'draft' });
    },

    async deletePost(actor: Actor, id: string): Promise<void> {
      let before: Post | undefined;
      await db.transaction().execute(async (trx) => {
        before = await load(trx, id);
        const ownDraft =
          before.status === 'draft' && isOwnerOf(actor, before) && can(actor, 'post.edit-own');
        if (!ownDraft) ensureCan(actor, 'post.delete-any', 'delete this post');
        await syncPublishJob(trx, before, { ...before, status: 'draft' });
        await repo.deletePost(trx, id);
        await audit.record(
          trx,
          actor,
          'post.delete',
          { type: 'post', id },
          { slug: before.slug, title: before.title },
        );
      });
      if (before !== undefined) announce(before, { ...before, status: 'draft' }, 'deleted');
    },

    async listRevisions(actor: Actor, id: string) {
      const post = await load(db, id);
      ensureCanEdit(actor, { ...post, status: 'draft' });
      return (await repo.listRevisions(db, id)).map((r) => ({
        revision: r.revision,
        title: r.title,
        standfirst: r.standfirst,
        savedBy: r.saved_by,
        savedAt: new Date(r.created_at),
      }));
    },

    /** Brings back the text of an earlier revision as a new save. */
    async restoreRevision(actor: Actor, id: string, revision: number): Promise<Post> {
      const row = await repo.findRevision(db, id, revision);
      if (row === undefined) throw notFound(`Revision ${revision} of that post`);
      return this.updatePost(actor, id, {
        title: row.title,
        standfirst: row.standfirst,
        body: JSON.parse(row.body) as unknown,
      });
    },

    /**
     * The job behind scheduled publishing: makes the post live when its time has come.
     * Safe to run twice or late; a post rescheduled or unpublished meanwhile is left alone.
     */
    async publishDuePost(postId: string): Promise<'published' | 'not-due' | 'skipped'> {
      let before: Post | undefined;
      const result = await db.transaction().execute(async (trx) => {
        const row = await repo.findPostById(trx, postId);
        if (row?.status !== 'scheduled' || row.published_at === null) return 'skipped' as const;
        if (new Date(row.published_at).getTime() > clock.now().getTime()) return 'not-due' as const;
        before = (await toPosts(trx, [row]))[0];
        const changed = await repo.updatePostAtRevision(trx, postId, row.revision, {
          status: 'published',
          public_slug: row.slug,
          revision: row.revision + 1,
          updated_at: clock.now().toISOString(),
        });
        if (!changed) return 'skipped' as const;
        await audit.record(
          trx,
          { id: 'system', kind: 'system', userId: null, name: 'Scheduler', role: 'owner' },
          'post.publish',
          { type: 'post', id: postId },
          { scheduled: true },
        );
        return 'published' as const;
      });
      if (result === 'published' && before !== undefined)
        announce(before, await load(db, postId), 'published');
      return result;
    },
  };
}
