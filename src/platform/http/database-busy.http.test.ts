import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

/** Another process's hold on the database: SQLite's write lock, or a PostgreSQL row lock. */
interface Holder {
  release(): Promise<void>;
}

async function holdWriteLock(url: string, staffId: string): Promise<Holder> {
  if (url.startsWith('sqlite:')) {
    const other = new SQLite(url.slice('sqlite:'.length));
    other.exec('BEGIN IMMEDIATE');
    return {
      release: () => {
        other.exec('ROLLBACK');
        other.close();
        return Promise.resolve();
      },
    };
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query('begin');
  await other.query('select id from staff_users where id = $1 for update', [staffId]);
  return {
    release: async () => {
      await other.query('rollback');
      await other.end();
    },
  };
}

/** On PostgreSQL a write waits for a held row as long as `lock_timeout` allows; keep it short. */
function withShortLockWait(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  const withOptions = new URL(url);
  withOptions.searchParams.set('options', '-c lock_timeout=200');
  return withOptions.toString();
}

describeEachEngine('a database another process holds', (ctx) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  let admin: { token: string; userId: string };
  let base: string;

  beforeAll(async () => {
    handle = openDatabase(withShortLockWait(ctx.url));
    t = await createTestApp(handle);
    admin = await t.tokenFor('administrator');
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await t.close();
    await handle.close();
  });

  const rename = (name: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${admin.userId}`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { name },
    });

  it('answers a write 503 database_busy with Retry-After, and serves cached pages meanwhile', async () => {
    // Warm the page cache and the token (its first use notes the time, a write).
    expect((await fetch(`${base}/`)).status).toBe(200);
    await expect.poll(async () => (await fetch(`${base}/`)).headers.get('x-cache')).toBe('HIT');
    expect((await rename('Before the lock')).statusCode).toBe(200);

    const holder = await holdWriteLock(ctx.url, admin.userId);
    try {
      const [write, page] = await Promise.all([rename('During the lock'), fetch(`${base}/`)]);
      expect(write.statusCode).toBe(503);
      expect(write.headers['retry-after']).toBe('2');
      const { error } = write.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('database_busy');
      expect(error.message).toMatch(/try again/i);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-cache')).toBe('HIT');

      // Reads go on: the health check and the Admin API's lists answer as usual.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/admin/staff',
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(list.statusCode).toBe(200);
    } finally {
      await holder.release();
    }

    const retried = await rename('After the lock');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ name: 'After the lock' });
  });
});
