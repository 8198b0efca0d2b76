import type { Kysely } from 'kysely';

/**
 * The bin: a deleted post keeps its row (taken off the site as a draft) and gains one row
 * here, saying what it was (`status_before`) and when it was deleted. Restoring deletes this
 * row and brings the status back; 30 days after `deleted_at` a job deletes the post itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('post_bin')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('status_before', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text', (c) => c.notNull())
    .addColumn('deleted_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_bin_deleted_at').on('post_bin').column('deleted_at').execute();
}
