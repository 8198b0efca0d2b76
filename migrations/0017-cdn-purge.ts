import type { Kysely } from 'kysely';

/**
 * Surrogate keys waiting to be purged at the CDN. A key is listed once however often it
 * goes stale before the next purge; `requested_at` is when it last went stale, so a purge
 * removes only the requests it covered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cdn_purge_requests')
    .addColumn('surrogate_key', 'text', (c) => c.primaryKey())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cdn_purge_requests').execute();
}
