import type { Db, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import './content-events.js';
import * as binRepo from './post-bin.repository.js';
import { toPostChanged } from './post-change.js';
import { canDeletePost, decidePurge, purgeTimeOf } from './post-delete.js';
import { load } from './post-load.js';
import { toPosts } from './post-mapping.js';
import { isOwnerOf } from './post-policy.js';
import { syncPublishJob } from './post-publish-job.js';
import * as repo from './post.repository.js';
import { postStatuses, type Post, type PostStatus } from './post.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Deletes for good a post still in the bin from the deletion at `deletedAt`. */
    'post.purge': { postId: string; deletedAt: string };
  }
}

export interface PostBinServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly jobs: JobQueue;
  readonly events: EventOutbox;
}

/** A post in the bin, with what it was before and when it leaves for good. */
export interface BinnedPost {
  readonly post: Post;
  readonly statusBefore: PostStatus;
  readonly deletedAt: Date;
  readonly deletedByName: string;
  readonly purgeAt: Date;
}

export type PostBinService = ReturnType<typeof createPostBinService>;

function toStatus(value: string): PostStatus {
  return postStatuses.find((status) => status === value) ?? 'draft';
}

const purgeKey = (postId: string, deletedAt: string) => `post.purge:${postId}:${deletedAt}`;

/**
 * Delete and restore. A deleted post goes to the bin: taken off the site (a draft to every
 * reader surface, which shows only published posts), hidden from staff lists, its page
 * purged through the `post.changed` event. It can be restored as it was for 30 days; a
 * `post.purge` job written with the deletion then deletes it for good.
 */
export function createPostBinService(deps: PostBinServiceDeps) {
  const { db, clock, audit, jobs, events } = deps;

  async function setStatus(trx: Trx, before: Post, status: PostStatus): Promise<Post> {
    const moved = await repo.updatePostAtRevision(trx, before.id, before.revision, {
      status,
      revision: before.revision + 1,
      ...(status === 'published' ? { public_slug: before.slug } : {}),
    });
    if (!moved) throw new AppError('conflict', 'This post changed meanwhile. Try again.');
    return load(trx, before.id);
  }

  async function purge(trx: Trx, actor: Actor, postId: string): Promise<void> {
    const before = await load(trx, postId);
    await repo.deletePost(trx, postId);
    await audit.record(
      trx,
      actor,
      'post.purge',
      { type: 'post', id: postId },
      { slug: before.slug, title: before.title },
    );
  }

  return {
    /** Moves a post to the bin; who may is `canDeletePost`. */
    async binPost(actor: Actor, postId: string, revision?: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, postId);
        if (
          !canDeletePost(actor.role, { status: before.status, isOwner: isOwnerOf(actor, before) })
        ) {
          throw new AppError(
            'forbidden',
            before.status === 'draft'
              ? 'You can only delete your own drafts. Ask an editor for this one.'
              : 'Only an editor can delete a post that is live or scheduled.',
          );
        }
        await binRepo.ensureNotInBin(trx, postId);
        if (revision !== undefined && revision !== before.revision) {
          throw new AppError(
            'edit_conflict',
            'Someone saved this post after you opened it. Reload it before deleting.',
          );
        }
        const deletedAt = toTimestamp(clock.now());
        const after = await setStatus(trx, before, 'draft');
        await syncPublishJob(jobs, trx, before, after);
        await binRepo.insertBinnedPost(trx, {
          post_id: postId,
          status_before: before.status,
          deleted_at: deletedAt,
          deleted_by: actor.id,
          deleted_by_name: actor.name,
        });
        await jobs.enqueue(
          trx,
          'post.purge',
          { postId, deletedAt },
          { runAt: purgeTimeOf(new Date(deletedAt)), idempotencyKey: purgeKey(postId, deletedAt) },
        );
        await audit.record(
          trx,
          actor,
          'post.delete',
          { type: 'post', id: postId },
          { slug: before.slug, title: before.title, bin: true },
        );
        await events.record(trx, 'post.changed', toPostChanged(before, after, 'deleted'));
      });
      await events.deliver();
    },

    /** The bin, most recently deleted first; editors see every post, others their own. */
    async listBin(actor: Actor): Promise<BinnedPost[]> {
      const rows = await binRepo.listBinnedPosts(db, 200);
      const posts = await toPosts(
        db,
        await repo.findPostsByIds(
          db,
          rows.map((r) => r.post_id),
        ),
      );
      const byId = new Map(posts.map((post) => [post.id, post]));
      return rows.flatMap((row) => {
        const post = byId.get(row.post_id);
        if (post === undefined) return [];
        const statusBefore = toStatus(row.status_before);
        if (!canDeletePost(actor.role, { status: statusBefore, isOwner: isOwnerOf(actor, post) })) {
          return [];
        }
        const deletedAt = new Date(row.deleted_at);
        return [
          {
            post,
            statusBefore,
            deletedAt,
            deletedByName: row.deleted_by_name,
            purgeAt: purgeTimeOf(deletedAt),
          },
        ];
      });
    },

    /** Takes a post out of the bin as it was: a live post is live again at its old time. */
    async restorePost(actor: Actor, postId: string): Promise<Post> {
      const restored = await db.transaction().execute(async (trx) => {
        const binned = await binRepo.findBinnedPost(trx, postId);
        if (binned === undefined) throw notFound('That post in the bin');
        const before = await load(trx, postId);
        const status = toStatus(binned.status_before);
        if (!canDeletePost(actor.role, { status, isOwner: isOwnerOf(actor, before) })) {
          throw new AppError('forbidden', 'Only an editor can restore a post that was live.');
        }
        await binRepo.deleteBinnedPost(trx, postId);
        await jobs.cancel(trx, purgeKey(postId, binned.deleted_at));
        const after = await setStatus(trx, before, status);
        await syncPublishJob(jobs, trx, before, after);
        await audit.record(
          trx,
          actor,
          'post.restore',
          { type: 'post', id: postId },
          { slug: after.slug, status },
        );
        const change =
          status === 'published' ? 'published' : status === 'scheduled' ? 'scheduled' : 'updated';
        await events.record(trx, 'post.changed', toPostChanged(before, after, change));
        return after;
      });
      await events.deliver();
      return restored;
    },

    /** "Delete forever" from the bin, before its 30 days are up. Editors only. */
    async purgeNow(actor: Actor, postId: string): Promise<void> {
      ensureCan(actor, 'post.delete-any', 'delete posts for good');
      await db.transaction().execute(async (trx) => {
        const binned = await binRepo.findBinnedPost(trx, postId);
        if (binned === undefined) throw notFound('That post in the bin');
        await jobs.cancel(trx, purgeKey(postId, binned.deleted_at));
        await purge(trx, actor, postId);
      });
    },

    /** The job: deletes the post for good if it is still in the bin from that deletion. */
    async purgeDuePost(payload: {
      postId: string;
      deletedAt: string;
    }): Promise<'purge' | 'restored' | 'not-due'> {
      return db.transaction().execute(async (trx) => {
        const binned = await binRepo.findBinnedPost(trx, payload.postId);
        const decision = decidePurge(
          binned === undefined ? null : { deletedAt: new Date(binned.deleted_at) },
          payload,
          clock.now(),
        );
        if (decision === 'purge') {
          await purge(
            trx,
            { id: 'system', kind: 'system', userId: null, name: 'Bin', role: 'owner' },
            payload.postId,
          );
        }
        return decision;
      });
    },
  };
}
