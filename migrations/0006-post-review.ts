import type { Kysely } from 'kysely';

/**
 * The editorial review of a post: `review_state` is `none`, `submitted` (waiting in the
 * editors' queue) or `returned` (sent back with `review_note`); `review_by` is the staff
 * user who last moved it, `review_at` when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('posts')
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema.alterTable('posts').addColumn('review_note', 'text').execute();
  await db.schema.alterTable('posts').addColumn('review_by', 'text').execute();
  await db.schema.alterTable('posts').addColumn('review_at', 'text').execute();
  await db.schema
    .createIndex('posts_review')
    .on('posts')
    .columns(['review_state', 'review_at'])
    .execute();
}
