import type { Db, Trx } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { ensureNotInBin } from './post-bin.repository.js';
import { findPendingChangesOf } from './pending-changes.store.js';
import { toPosts } from './post-mapping.js';
import * as repo from './post.repository.js';
import type { Post } from './post.js';

/** A post as readers would have it; throws `not_found` when there is none. */
export async function load(executor: Db | Trx, id: string): Promise<Post> {
  const row = await repo.findPostById(executor, id);
  if (row === undefined) throw notFound('That post');
  const [post] = await toPosts(executor, [row]);
  if (post === undefined) throw notFound('That post');
  return post;
}

/** A post with its pending changes, for staff screens and previews. */
export async function loadForStaff(executor: Db | Trx, id: string): Promise<Post> {
  const post = await load(executor, id);
  await ensureNotInBin(executor, id);
  return { ...post, pendingChanges: await findPendingChangesOf(executor, id) };
}
