import type { Trx } from '../../db/database.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../staff/actor.js';
import { withPendingChanges } from './pending-changes.js';
import { canonical } from './post-merge.js';
import type { Post } from './post.js';
import * as repo from './post.repository.js';

/**
 * Records a revision of a live post's pending text when the headline, standfirst or body
 * moved, so the history shows edits made before "Update live article" too.
 */
export async function recordPendingRevision(
  trx: Trx,
  actor: Actor,
  before: Post,
  after: Post,
  at: Date,
): Promise<void> {
  const was = withPendingChanges(before);
  const now = withPendingChanges(after);
  if (
    was.title === now.title &&
    was.standfirst === now.standfirst &&
    canonical(was.body) === canonical(now.body)
  ) {
    return;
  }
  await repo.insertRevision(trx, {
    id: newId(),
    post_id: after.id,
    revision: after.revision,
    title: now.title,
    standfirst: now.standfirst,
    body: JSON.stringify(now.body),
    saved_by: actor.id,
    saved_by_name: actor.name,
    created_at: at.toISOString(),
  });
}
