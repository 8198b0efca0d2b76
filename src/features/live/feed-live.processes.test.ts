import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveProcess, type LiveProcess } from '../../../test/support/live-process-runner.js';
import { openSseClient, type SseClient } from '../../../test/support/live-sse-client.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import {
  createTestDatabase,
  isEngineAvailable,
  type TestDatabase,
} from '../../../test/support/test-database.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';

describe.skipIf(!isEngineAvailable('postgres'))('two web processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let setup: TestApp;
  let dataDir: string;
  let editor: { token: string };
  let processes: LiveProcess[] = [];
  const clients: SseClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    handle = openDatabase(database.url);
    setup = await createTestApp(handle);
    editor = await setup.tokenFor('editor');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-live-'));
    const env = {
      MASTHEAD_DATABASE_URL: database.url,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_ROLE: 'web',
      MASTHEAD_LOG_LEVEL: 'warn',
    };
    // Each child compiles Masthead from source with tsx, which takes a while on two cores.
    const slow = { timeoutMs: 110_000 };
    processes = await Promise.all([startLiveProcess(env, slow), startLiveProcess(env, slow)]);
  }, 120_000);

  afterAll(async () => {
    clients.forEach((client) => client.close());
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed part-way */
    await Promise.all(processes.map((p) => p.stop()));
    await setup?.close();
    await handle?.close();
    await database?.drop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('delivers an entry posted through one process to a reader connected to the other', async () => {
    const [first, second] = processes;
    if (first === undefined || second === undefined) throw new Error('Two processes are needed.');
    expect(first.pid).not.toBe(second.pid);
    const onFirst = await openSseClient(`${first.url}/news-feed/live`);
    const onSecond = await openSseClient(`${second.url}/news-feed/live`);
    clients.push(onFirst, onSecond);
    await Promise.all([onFirst.next(), onSecond.next()]);

    const response = await fetch(`${second.url}/api/admin/feed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Posted through the second process' }),
    });
    expect(response.status).toBe(201);

    const [heardOnFirst, heardOnSecond] = await Promise.all([
      onFirst.next(10_000),
      onSecond.next(10_000),
    ]);
    expect(heardOnFirst.event).toBe('created');
    expect(heardOnFirst.data).toContain('Posted through the second process');
    // One change log, so both processes give the change the same id.
    expect(heardOnFirst.id).toBe(heardOnSecond.id);
  });
});
