import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The live news feed: feed entries, their sections, and the change log that readers'
 * live connections replay from. `feed_changes.id` is the Server-Sent Events id: it grows
 * with every change, survives restarts and is the same in every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('feed_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('plain_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feed_entries_published')
    .on('feed_entries')
    .columns(['published_at', 'id'])
    .execute();

  await db.schema
    .createTable('feed_entry_sections')
    .addColumn('entry_id', 'text', (c) =>
      c.notNull().references('feed_entries.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_entry_sections_pk', ['entry_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('feed_entry_sections_tag')
    .on('feed_entry_sections')
    .column('tag_id')
    .execute();

  // An identity column on PostgreSQL, AUTOINCREMENT on SQLite: neither reuses an id.
  await db.schema
    .createTable('feed_changes')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entry', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
