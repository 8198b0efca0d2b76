import type { Trx } from '../../db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Actor } from '../staff/actor.js';
import type { Post } from './post.js';

/** Who publishes a scheduled post when its time comes. */
export const schedulerActor: Actor = {
  id: 'system',
  kind: 'system',
  userId: null,
  name: 'Scheduler',
  role: 'owner',
};

function publishJobKey(postId: string, at: string): string {
  return `post.publish:${postId}:${at}`;
}

/**
 * Keeps the scheduled-publishing job in step with the post, in the save's transaction: one
 * job per post and time, cancelled when the time moves or the post is no longer scheduled.
 */
export async function syncPublishJob(
  jobs: JobQueue,
  trx: Trx,
  before: Post | null,
  after: Post,
): Promise<void> {
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
