import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/migration-list.js';
import type { Db } from './database.js';

export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the schema up to date; safe to run at every start and from several processes. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Features land in parallel; a lower-numbered migration may arrive after a higher one.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    throw new Error('The database could not be migrated.', { cause: result.error });
  }
  return {
    applied: (result.results ?? [])
      .filter((r) => r.status === 'Success')
      .map((r) => r.migrationName),
  };
}
