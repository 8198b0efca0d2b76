import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/features/staff/actor.js';
import { sendRaw, type RawAnswer } from './hostile/raw-http-client.js';
import { hostileRequests } from './hostile/hostile-requests.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { describeEachEngine } from './support/test-database.js';

describeEachEngine('a running instance under hostile requests', (ctx) => {
  let t: TestApp;
  let port: number;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    token = (await t.tokenFor('editor')).token;
    await t.services.tags.createTag(systemActor, { name: 'Climate' });
    mkdirSync(path.join(t.dataDir, 'files', 'media'), { recursive: true });
    writeFileSync(path.join(t.dataDir, 'files', 'media', 'photo.jpg'), 'not really a photo');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers at least 200 hostile requests without a single 5xx, and stays alive', async () => {
    const requests = hostileRequests({ token, filePath: '/content/files/media/photo.jpg' });
    expect(requests.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    for (const hostile of requests) {
      const answer: RawAnswer = await sendRaw(port, hostile.bytes, {
        halfClose: hostile.halfClose,
      });
      const unanswered = answer.status === null && hostile.halfClose !== true;
      if (unanswered || (answer.status !== null && answer.status >= 500)) {
        failures.push(`${hostile.name} → ${answer.status ?? 'no answer'}: ${answer.head}`);
      }
    }
    expect(failures).toEqual([]);
    const health = await sendRaw(
      port,
      'GET /healthz HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n',
    );
    expect(health.status).toBe(200);
    const page = await sendRaw(
      port,
      'GET /tag/climate HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n',
    );
    expect(page.status).toBe(200);
  });
});
