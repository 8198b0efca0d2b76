import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PostNoteRow, PostNoteTable } from './post-desk.table.js';

export async function insertPostNote(db: Executor, row: Insertable<PostNoteTable>): Promise<void> {
  await db.insertInto('post_notes').values(row).execute();
}

export function findPostNote(db: Executor, id: string): Promise<PostNoteRow | undefined> {
  return db.selectFrom('post_notes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A post's notes, newest first. */
export function listPostNotes(db: Executor, postId: string, limit: number): Promise<PostNoteRow[]> {
  return db
    .selectFrom('post_notes')
    .selectAll()
    .where('post_id', '=', postId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
