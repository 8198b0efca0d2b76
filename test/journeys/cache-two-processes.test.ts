import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  createTestDatabase,
  isEngineAvailable,
  type TestDatabase,
} from '../support/test-database.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';

describe.skipIf(!isEngineAvailable('postgres'))(
  'page cache invalidation across two web processes on PostgreSQL',
  () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let setup: TestApp;
    let one: WebProcess;
    let two: WebProcess;
    let token: string;
    let authorSlug: string;

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      handle = openDatabase(database.url);
      setup = await createTestApp(handle);
      ({ token, slug: authorSlug } = await setup.tokenFor('editor'));
      await setup.services.tags.createTag(systemActor, { name: 'City' });
      [one, two] = await Promise.all([
        startWebProcess(database.url),
        startWebProcess(database.url),
      ]);
    }, 90_000);

    afterAll(async () => {
      await Promise.all([one.stop(), two.stop()]);
      await setup.close();
      await handle.close();
      await database.drop();
    });

    it('shows an edit made through one process on the other process’s cached pages', async () => {
      const api = (method: string, url: string, body: object) =>
        fetch(`${one.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const created = await api('POST', '/api/admin/posts', {
        title: 'Tram depot to close',
        markdown: 'Text.',
        tags: ['City'],
        authors: [authorSlug],
        status: 'published',
      });
      expect(created.status).toBe(201);
      const { post } = (await created.json()) as { post: { id: string; slug: string } };

      const pages = [`/${post.slug}`, '/', '/tag/city'];
      for (const page of pages) {
        await fetch(`${two.url}${page}`);
        expect((await fetch(`${two.url}${page}`)).headers.get('x-cache'), page).toBe('HIT');
      }

      const edited = await api('PATCH', `/api/admin/posts/${post.id}`, {
        title: 'Tram depot to stay open',
      });
      expect(edited.status).toBe(200);
      const applied = await api('POST', `/api/admin/posts/${post.id}/pending/apply`, {});
      expect(applied.status).toBe(200);

      // NOTIFY crosses processes in milliseconds; allow a moment for delivery, not for rendering.
      for (const page of pages) {
        await expect
          .poll(
            async () =>
              (await (await fetch(`${two.url}${page}`)).text()).includes('Tram depot to stay open'),
            {
              timeout: 2000,
              interval: 20,
            },
          )
          .toBe(true);
      }
    });
  },
);
