import type { Kysely } from 'kysely';

/**
 * Notes that travel with a post between writers and editors: a contributor's suggested
 * correction to a live post (`correction`), an editor's note when publishing (`publish`).
 * `by_id` is the actor id (`user:…`, `token:…`), `by_name` the name shown beside the note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('post_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('post_notes_post')
    .on('post_notes')
    .columns(['post_id', 'created_at'])
    .execute();
}
