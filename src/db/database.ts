import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Trx;

export interface DatabaseHandle {
  readonly db: Db;
  readonly engine: Engine;
  readonly url: string;
  close(): Promise<void>;
}

export function engineOf(url: string): Engine {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/**
 * How long a write waits for another process's write lock before giving up with SQLITE_BUSY.
 * better-sqlite3 is synchronous, so the wait holds the whole event loop (every request of
 * this process, cached pages included): it must stay short. A writer that gives up answers
 * 503 `database_busy` with Retry-After, and the client tries again.
 */
export const sqliteBusyTimeoutMs = 250;

/** How many distinct SQL texts keep a prepared statement; the app has a few hundred. */
const statementCacheSize = 1000;

/**
 * Kysely prepares every query anew; a page runs the same few dozen, so each SQL text keeps
 * its prepared statement. Safe because statements run to completion synchronously.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (statements.size < statementCacheSize) statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openSqlite(url: string): DatabaseHandle {
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers go on while one writer writes; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, engine: 'sqlite', url, close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
  const builtIn = pg.types.getTypeParser as (
    oid: number,
    format?: string,
  ) => (value: string) => unknown;
  const types = {
    getTypeParser: (oid: number, format?: string): ((value: string) => unknown) =>
      // COUNT(*) and other int8 values come back as numbers; they stay far below 2^53.
      oid === 20 ? Number : builtIn(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle connection closed by the server (a restart, a failover, an administrator) is
  // dropped from the pool, which opens a new one when needed; it must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', url, close: () => db.destroy() };
}

export function openDatabase(url: string): DatabaseHandle {
  return engineOf(url) === 'sqlite' ? openSqlite(url) : openPostgres(url);
}
