import type { Db, Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { withSlugRetry, type SlugChoice } from '../../platform/free-slug.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { can, ensureCan } from '../staff/permissions.js';
import type { BodyConverter } from './body/body-converter.js';
import './content-events.js';
import { checkLengths, decideBody, type PostInput } from './post-input.js';
import { toPosts } from './post-mapping.js';
import { createPublishedPostQueries } from './post-queries.js';
import { resolveAuthors } from './post-authors.js';
import { changeOf, toPostChanged } from './post-change.js';
import { load, loadForStaff } from './post-load.js';
import { isSlugClash } from './post-slug.js';
import { schedulerActor } from './post-publish-job.js';
import { decideEditRoute } from './pending-changes.js';
import { deletePendingChanges } from './pending-changes.store.js';
import type { ReviewState } from './post-review.js';
import { ensureCanEdit, ensureCanPublish, isOwnerOf } from './post-policy.js';
import * as repo from './post.repository.js';
import type { Post, PostStatus } from './post.js';
import { createRevisionHistory } from './post-revisions.js';
import { recordSnapshot } from './post-snapshot.js';
import { mergeStaleSave } from './post-stale-save.js';
import { createPostWriter, type PreparedSave } from './post-write.js';
import type { TagService } from './tag.service.js';
import type { PostChangeNotice } from './post-handoff.service.js';

export interface PostServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly tags: TagService;
  readonly jobs: JobQueue;
  readonly events: EventOutbox;
  /** Finds a staff user's id by slug, e-mail or id, for bylines. */
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  /** Converts Markdown and HTML off the event loop, before a save's transaction. */
  readonly bodyConverter: BodyConverter;
  /** Told of every change readers may see, in its transaction (hand-off notes and e-mails). */
  readonly afterChange?: (trx: Trx, notice: PostChangeNotice) => Promise<void>;
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

export type PostService = ReturnType<typeof createPostService>;

export function createPostService(deps: PostServiceDeps) {
  const { db, clock, audit, events } = deps;
  const { write, writePending, writeWithPending } = createPostWriter(deps);

  /**
   * Checks lengths, converts Markdown or HTML and finds the authors: the slow parts of a
   * save, done before its transaction so they hold no connection or lock.
   */
  async function prepare(input: PostInput): Promise<Omit<PreparedSave, 'slugChoice'>> {
    checkLengths(input);
    const body = await decideBody(input, deps.bodyConverter);
    const authorIds =
      input.authors === undefined
        ? undefined
        : await resolveAuthors(input.authors, deps.findAuthorId);
    return { body, authorIds };
  }

  /** Records the change for every process's caches, in the change's own transaction. */
  async function announce(
    trx: Trx,
    before: Post | null,
    after: Post,
    change = changeOf(before, after),
  ): Promise<void> {
    await events.record(trx, 'post.changed', toPostChanged(before, after, change));
  }

  const history = createRevisionHistory({
    db,
    update: (actor, id, input) => service.updatePost(actor, id, input),
  });

  const service = {
    ...createPublishedPostQueries(db),
    listRevisions: history.listRevisions.bind(history),
    listRevisionSessions: history.listRevisionSessions.bind(history),
    getRevision: history.getRevision.bind(history),
    restoreRevision: history.restoreRevision.bind(history),

    getPost: (id: string): Promise<Post> => load(db, id),

    /** A post with its pending changes, as staff screens and previews need it. */
    getPostWithPendingChanges: (id: string): Promise<Post> => loadForStaff(db, id),

    /** A post for a staff screen; contributors and authors may open only their own. */
    async getPostFor(actor: Actor, id: string): Promise<Post> {
      const post = await loadForStaff(db, id);
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
          await announce(trx, null, created);
          await recordSnapshot(trx, created, actor.name, clock.now());
          return created;
        });
      const post = await withSlugRetry(save, isSlugClash(input));
      await events.deliver();
      return post;
    },

    /**
     * Changes a post. A draft changes at once; a live or scheduled post's edits become
     * pending changes, unless the save also changes its status or time (see
     * pending-changes.ts). A save naming an older revision is merged field by field with
     * what was saved meanwhile (post-stale-save.ts); `mergedFromTheirs` names the fields it
     * left as the other person saved them.
     */
    async updatePost(
      actor: Actor,
      id: string,
      given: PostInput,
      extras: { readonly note?: string | undefined } = {},
    ): Promise<Post & { readonly mergedFromTheirs?: readonly string[] }> {
      const ready = await prepare(given);
      const save = (slugChoice: SlugChoice) =>
        db.transaction().execute(async (trx) => {
          const before = await loadForStaff(trx, id);
          ensureCanEdit(actor, before);
          const merged = await mergeStaleSave(trx, before, given, { ...ready, slugChoice });
          const { input, prepared } = merged;
          const saved = await saveMerged(trx, before, input, prepared);
          await recordSnapshot(trx, saved, actor.name, clock.now());
          return merged.fromTheirs.length === 0
            ? saved
            : { ...saved, mergedFromTheirs: merged.fromTheirs };
        });
      const saveMerged = async (
        trx: Trx,
        before: Post,
        input: PostInput,
        prepared: PreparedSave,
      ): Promise<Post> => {
        const changesStatus = input.status !== undefined && input.status !== before.status;
        if (changesStatus || (input.publishedAt !== undefined && before.status !== 'draft')) {
          ensureCanPublish(actor, before);
        }
        const route = decideEditRoute(before.status, input);
        // Pending changes reach no reader: nothing to announce.
        if (route === 'pending') return writePending(trx, actor, before, input, prepared);
        const updated =
          route === 'live'
            ? await write(trx, actor, before, input, id, prepared)
            : await writeWithPending(trx, actor, before, input, prepared);
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
        await announce(trx, before, updated);
        await deps.afterChange?.(trx, {
          actor,
          after: updated,
          change: changeOf(before, updated),
          note: extras.note,
        });
        return updated;
      };
      const post = await withSlugRetry(save, isSlugClash(given));
      await events.deliver();
      return post;
    },

    /** "Update live article": the pending version becomes what readers see. */
    async applyPendingChanges(actor: Actor, id: string, revision?: number): Promise<Post> {
      const post = await db.transaction().execute(async (trx) => {
        const before = await loadForStaff(trx, id);
        ensureCanEdit(actor, before);
        ensureCanPublish(actor, before);
        if (before.pendingChanges === null || before.pendingChanges === undefined) {
          throw new AppError('conflict', 'This post has no changes waiting to go live.');
        }
        const applied = await writeWithPending(
          trx,
          actor,
          before,
          { revision },
          {
            body: undefined,
            authorIds: undefined,
            slugChoice: 'lowest-free',
          },
        );
        await audit.record(
          trx,
          actor,
          'post.update',
          { type: 'post', id },
          { slug: applied.slug, revision: applied.revision, pending: 'applied' },
        );
        await announce(trx, before, applied);
        await recordSnapshot(trx, applied, actor.name, clock.now());
        return applied;
      });
      await events.deliver();
      return post;
    },

    /** "Discard changes": drops the pending version; readers' version stays as it is. */
    async discardPendingChanges(actor: Actor, id: string): Promise<Post> {
      return db.transaction().execute(async (trx) => {
        const before = await loadForStaff(trx, id);
        ensureCanEdit(actor, before);
        await deletePendingChanges(trx, id);
        // A new revision number tells an editor still typing the old pending text.
        await repo.updatePostAtRevision(trx, id, before.revision, {
          revision: before.revision + 1,
        });
        await audit.record(
          trx,
          actor,
          'post.discard-changes',
          { type: 'post', id },
          { slug: before.slug },
        );
        const after = await loadForStaff(trx, id);
        await recordSnapshot(trx, after, actor.name, clock.now());
        return after;
      });
    },

    /**
     * Publishes now, or schedules with a future time. A post that was live before keeps
     * its first time unless `freshTime` asks for the current one.
     */
    publishPost(
      actor: Actor,
      id: string,
      publishedAt?: Date,
      options: { freshTime?: boolean; note?: string | undefined } = {},
    ): Promise<Post> {
      const at = publishedAt ?? (options.freshTime === true ? clock.now() : undefined);
      return this.updatePost(
        actor,
        id,
        { status: 'published', publishedAt: at },
        { note: options.note },
      );
    },

    unpublishPost(actor: Actor, id: string): Promise<Post> {
      return this.updatePost(actor, id, { status: 'draft' });
    },

    /**
     * The job behind scheduled publishing: makes the post live when its time has come.
     * Safe to run twice or late; a post rescheduled or unpublished meanwhile is left alone.
     */
    async publishDuePost(postId: string): Promise<'published' | 'not-due' | 'skipped'> {
      const result = await db.transaction().execute(async (trx) => {
        const row = await repo.findPostById(trx, postId);
        if (row?.status !== 'scheduled' || row.published_at === null) return 'skipped' as const;
        if (new Date(row.published_at).getTime() > clock.now().getTime()) return 'not-due' as const;
        const [before] = await toPosts(trx, [row]);
        const changed = await repo.updatePostAtRevision(trx, postId, row.revision, {
          status: 'published',
          public_slug: row.slug,
          revision: row.revision + 1,
          updated_at: clock.now().toISOString(),
        });
        if (!changed) return 'skipped' as const;
        await audit.record(
          trx,
          schedulerActor,
          'post.publish',
          { type: 'post', id: postId },
          { scheduled: true },
        );
        const after = await load(trx, postId);
        if (before !== undefined) await announce(trx, before, after, 'published');
        await deps.afterChange?.(trx, { actor: schedulerActor, after, change: 'published' });
        return 'published' as const;
      });
      if (result === 'published') await events.deliver();
      return result;
    },
  };
  return service;
}
