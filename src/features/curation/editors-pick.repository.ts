import type { Executor } from '../../db/database.js';

/** Picked post ids in order, published or not (the service filters for readers). */
export async function listPickedPostIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('editors_picks').select('post_id').orderBy('position').execute();
  return rows.map((row) => row.post_id);
}

export async function replacePicks(
  db: Executor,
  postIds: readonly string[],
  pickedBy: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('editors_picks').execute();
  if (postIds.length === 0) return;
  await db
    .insertInto('editors_picks')
    .values(
      postIds.map((postId, position) => ({
        post_id: postId,
        position,
        picked_by: pickedBy,
        picked_at: at,
      })),
    )
    .execute();
}
