import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const engines: readonly Engine[] = ['sqlite', 'postgres'];

/** A fresh, migrated database of one engine that lives as long as one test file's suite. */
export interface TestDatabase {
  readonly engine: Engine;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
    const url = `sqlite:${path.join(dir, 'test.db')}`;
    const handle = openDatabase(url);
    await migrateToLatest(handle.db);
    await handle.close();
    return {
      engine,
      url,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (adminUrl === null) throw new Error('PostgreSQL is not available for this test run.');
  const name = `masthead_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  await migrateToLatest(handle.db);
  await handle.close();
  return {
    engine,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function isEngineAvailable(engine: Engine): boolean {
  return engine === 'sqlite' || inject('postgresAdminUrl') !== null;
}

/**
 * Runs a suite once per engine, each against its own migrated database, opened as
 * `ctx.handle` before the tests and dropped after them.
 */
export function describeEachEngine(
  title: string,
  suite: (ctx: { readonly handle: DatabaseHandle; readonly url: string }, engine: Engine) => void,
): void {
  for (const engine of engines) {
    describe.skipIf(!isEngineAvailable(engine))(`${title} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      let handle: DatabaseHandle | undefined;
      const ctx = {
        get handle(): DatabaseHandle {
          if (handle === undefined) throw new Error('The test database is not open yet.');
          return handle;
        },
        get url(): string {
          if (database === undefined) throw new Error('The test database is not open yet.');
          return database.url;
        },
      };
      beforeAll(async () => {
        database = await createTestDatabase(engine);
        handle = openDatabase(database.url);
      });
      afterAll(async () => {
        await handle?.close();
        await database?.drop();
      });
      suite(ctx, engine);
    });
  }
}
