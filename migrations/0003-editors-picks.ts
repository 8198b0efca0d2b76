import type { Kysely } from 'kysely';

/** The ordered list of articles editors choose for "Editors' Picks". */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('editors_picks')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('picked_by', 'text', (c) => c.notNull())
    .addColumn('picked_at', 'text', (c) => c.notNull())
    .execute();
}
