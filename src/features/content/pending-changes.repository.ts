import type { Executor } from '../../db/database.js';
import type { PendingChangesRow } from './pending-changes.table.js';
import type { TagRow } from './tag.table.js';

export function findPendingChanges(
  db: Executor,
  postId: string,
): Promise<PendingChangesRow | undefined> {
  return db
    .selectFrom('post_pending_changes')
    .selectAll()
    .where('post_id', '=', postId)
    .executeTakeFirst();
}

/** Post ids among `postIds` that have pending changes. */
export async function listPostIdsWithPendingChanges(
  db: Executor,
  postIds: readonly string[],
): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('post_pending_changes')
    .select('post_id')
    .where('post_id', 'in', postIds)
    .execute();
  return new Set(rows.map((row) => row.post_id));
}

export async function savePendingChanges(db: Executor, row: PendingChangesRow): Promise<void> {
  // The key stays as it is on conflict: every other column is replaced.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { post_id, ...changes } = row;
  await db
    .insertInto('post_pending_changes')
    .values(row)
    .onConflict((oc) => oc.column('post_id').doUpdateSet(changes))
    .execute();
}

export async function deletePendingChanges(db: Executor, postId: string): Promise<void> {
  await db.deleteFrom('post_pending_changes').where('post_id', '=', postId).execute();
}

export interface StaffNameRow {
  id: string;
  slug: string;
  name: string;
  job_title: string;
  bio: string;
  photo_media_id: string | null;
}

/** Staff by id, for the byline of a pending version. */
export function listStaffByIds(db: Executor, ids: readonly string[]): Promise<StaffNameRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('staff_users')
    .select(['id', 'slug', 'name', 'job_title', 'bio', 'photo_media_id'])
    .where('id', 'in', ids)
    .execute();
}

/** Tags by id, for the tags of a pending version. */
export function listTagsByIds(db: Executor, ids: readonly string[]): Promise<TagRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
}
