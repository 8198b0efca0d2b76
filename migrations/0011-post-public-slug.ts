import { sql, type Kysely } from 'kysely';

/**
 * `posts.public_slug`: the slug readers last reached the post at, null for a post never
 * published. Only a slug that was once public may redirect after a rename, so a draft's
 * new (possibly embargoed) slug is never revealed through its old one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('posts').addColumn('public_slug', 'text').execute();
  await sql`update posts set public_slug = slug where status = 'published'`.execute(db);
}
