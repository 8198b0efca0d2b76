import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import type { PostBinRow, PostBinTable } from './post-desk.table.js';

export function findBinnedPost(db: Executor, postId: string): Promise<PostBinRow | undefined> {
  return db.selectFrom('post_bin').selectAll().where('post_id', '=', postId).executeTakeFirst();
}

/** Throws `post_in_bin` for a deleted post: it is restored before anyone works on it. */
export async function ensureNotInBin(db: Executor, postId: string): Promise<void> {
  if ((await findBinnedPost(db, postId)) !== undefined) {
    throw new AppError(
      'post_in_bin',
      'This post was deleted and is in the bin. Restore it from the bin to work on it.',
    );
  }
}

export async function insertBinnedPost(db: Executor, row: Insertable<PostBinTable>): Promise<void> {
  await db.insertInto('post_bin').values(row).execute();
}

/** False when the post was not in the bin (restored meanwhile). */
export async function deleteBinnedPost(db: Executor, postId: string): Promise<boolean> {
  const result = await db.deleteFrom('post_bin').where('post_id', '=', postId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The bin, most recently deleted first. */
export function listBinnedPosts(db: Executor, limit: number): Promise<PostBinRow[]> {
  return db
    .selectFrom('post_bin')
    .selectAll()
    .orderBy('deleted_at', 'desc')
    .orderBy('post_id', 'desc')
    .limit(limit)
    .execute();
}
