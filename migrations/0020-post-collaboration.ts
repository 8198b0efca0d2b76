import { sql, type Kysely } from 'kysely';

/**
 * Working together on a post (ADR 0011):
 * - `post_revisions.saved_by_name`: who made each revision, as named when it was saved;
 * - `post_snapshots`: every field of the version each recent save left, keyed by the post's
 *   revision, so a save started from an older revision can be merged field by field;
 * - `post_presence`: who has a post open, one row per open editor, kept alive by
 *   heartbeats and ignored once `expires_at` has passed (shared by every web process).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('post_revisions')
    .addColumn('saved_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('post_snapshots')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('saved_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_snapshots_pk', ['post_id', 'revision'])
    .execute();

  await db.schema
    .createTable('post_presence')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('typing_at', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_presence_pk', ['post_id', 'session_id'])
    .execute();
  await db.schema
    .createIndex('post_presence_expires')
    .on('post_presence')
    .column('expires_at')
    .execute();
  // Names of the people who saved earlier revisions, where the actor was a staff user.
  await sql`UPDATE post_revisions SET saved_by_name = COALESCE((SELECT name FROM staff_users WHERE 'user:' || staff_users.id = post_revisions.saved_by), '')`.execute(
    db,
  );
}
