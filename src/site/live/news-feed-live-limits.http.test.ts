import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openSseClient, type SseClient } from '../../../test/support/live-sse-client.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { loadConfig } from '../../config/config.js';
import { defaultPerClientLimit } from '../../features/live/live-connection-limits.js';
import { createPasswordHasher, testPasswordCost } from '../../features/staff/password.js';
import { buildApp } from '../../main/app.js';
import { createServices } from '../../main/services.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { createLogger } from '../../platform/logger.js';

/** Connections from another loopback address, as another client would come. */
function agentFrom(address: string): http.Agent {
  return new http.Agent({ localAddress: address, keepAlive: false });
}

describeEachEngine('limits on live connections', (ctx) => {
  const total = defaultPerClientLimit + 2;
  let app: AppInstance;
  let base: string;
  let dataDir: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-data-'));
    const config = loadConfig({
      MASTHEAD_DATABASE_URL: ctx.handle.url,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_SITE_URL: 'http://news.test',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'silent',
    });
    const services = createServices({
      config,
      logger: createLogger('silent'),
      database: { ...ctx.handle, close: () => Promise.resolve() },
      passwords: createPasswordHasher(testPasswordCost),
      liveConnectionLimits: { perClient: defaultPerClientLimit, total },
    });
    app = await buildApp(services);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    open.forEach((client) => client.close());
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const connect = async (agent?: http.Agent): Promise<SseClient> => {
    const client = await openSseClient(
      `${base}/news-feed/live`,
      agent === undefined ? {} : { agent },
    );
    open.push(client);
    return client;
  };

  it('answers 429 with Retry-After to one address opening more streams than its share', async () => {
    const accepted: SseClient[] = [];
    for (let n = 0; n < defaultPerClientLimit; n += 1) accepted.push(await connect());
    expect(accepted.map((client) => client.status)).toEqual(accepted.map(() => 200));
    await Promise.all(accepted.map((client) => client.next()));

    const refused = await connect();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    await refused.closed();

    // Another reader is not held back by the first one's streams.
    const other = await connect(agentFrom('127.0.0.2'));
    expect(other.status).toBe(200);
    expect((await other.next()).event).toBe('ready');

    // A closed stream gives its place back.
    accepted[0]?.close();
    await vi.waitFor(async () => {
      const again = await connect();
      expect(again.status).toBe(200);
    });
  });

  it('answers 503 with Retry-After once the process holds its total, and still serves pages', async () => {
    // The previous test left the total minus one open; one more address fills it.
    const last = await connect(agentFrom('127.0.0.3'));
    expect(last.status).toBe(200);
    const refused = await connect(agentFrom('127.0.0.4'));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('30');

    const page = await fetch(`${base}/news-feed`);
    expect(page.status).toBe(200);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
  });
});
