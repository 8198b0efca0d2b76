import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/migration-list.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  readonly applied: readonly string[];
}

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Features land in parallel; a lower-numbered migration may arrive after a higher one.
    allowUnorderedMigrations: true,
  });
}

/** Any fixed number, the same in every Masthead process: the advisory lock migrations hold. */
const migrationLockId = 7_246_301_588;

/**
 * Brings the schema up to date; safe to run at every start and from several processes.
 * On PostgreSQL the whole run holds a session advisory lock, so processes started at once
 * migrate one after another: the first applies the migrations, the rest find nothing to
 * do. (Kysely's own lock covers the migrations but not the creation of its bookkeeping
 * tables, which two processes racing on an empty database would both attempt.) On SQLite
 * the database file's write lock already serialises them.
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return runMigrations(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${migrationLockId})`.execute(connection);
    try {
      return await runMigrations(connection);
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockId})`.execute(connection);
    }
  });
}

async function runMigrations(db: Kysely<Database>): Promise<MigrationReport> {
  const result: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (result.error !== undefined) {
    throw new Error('The database could not be migrated.', { cause: result.error });
  }
  return {
    applied: (result.results ?? [])
      .filter((r) => r.status === 'Success')
      .map((r) => r.migrationName),
  };
}

/** Names of known migrations the database has not run yet; empty when it is current. */
export async function listPendingMigrations(db: Db): Promise<string[]> {
  const known = await createMigrator(db).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
}
