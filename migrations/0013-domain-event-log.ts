import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The domain event log: every event a change announces, written in the change's own
 * transaction and read by each process after the last id it delivered. `id` only grows
 * (identity on PostgreSQL, AUTOINCREMENT on SQLite: neither reuses an id); old rows are
 * pruned by age.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('domain_events')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('domain_events_created_at')
    .on('domain_events')
    .column('created_at')
    .execute();
}
