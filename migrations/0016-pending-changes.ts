import type { Kysely } from 'kysely';

/**
 * Pending changes: edits to a published or scheduled post that readers do not see yet,
 * one pending version per post. "Update live article" copies it onto the post and deletes
 * the row; "Discard changes" deletes the row. Tag and author ids are JSON arrays, in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('post_pending_changes')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('feature_image_id', 'text')
    .addColumn('feature_image_alt', 'text', (c) => c.notNull())
    .addColumn('feature_image_caption', 'text', (c) => c.notNull())
    .addColumn('feature_image_credit', 'text', (c) => c.notNull())
    .addColumn('seo_title', 'text', (c) => c.notNull())
    .addColumn('seo_description', 'text', (c) => c.notNull())
    .addColumn('tag_ids', 'text', (c) => c.notNull())
    .addColumn('author_ids', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_by_name', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
}
