import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTcpSwitch, type TcpSwitch } from '../../../test/support/tcp-switch.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import {
  createTestDatabase,
  isEngineAvailable,
  type TestDatabase,
} from '../../../test/support/test-database.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';

describe.skipIf(!isEngineAvailable('postgres'))('readiness [postgres]', () => {
  let database: TestDatabase;
  let relay: TcpSwitch;
  let handle: DatabaseHandle;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(database.url);
    relay = await startTcpSwitch({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    handle = openDatabase(url.toString());
    t = await createTestApp(handle);
  });
  afterAll(async () => {
    await t.close();
    await handle.close();
    await relay.close();
    await database.drop();
  });

  const probe = async (path: string) =>
    (await t.app.inject({ method: 'GET', url: path })).statusCode;

  it('fails while the database is unreachable, stays alive, and recovers when it is back', async () => {
    expect(await probe('/readyz')).toBe(200);

    relay.disconnect();
    expect(await probe('/readyz')).toBe(503);
    expect(await probe('/healthz')).toBe(200);

    relay.connect();
    await vi.waitFor(async () => expect(await probe('/readyz')).toBe(200), { timeout: 60_000 });
  });
});
