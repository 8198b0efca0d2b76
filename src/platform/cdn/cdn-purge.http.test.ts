import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  startFakeCdnApi,
  type FakeCdnApi,
  type RecordedRequest,
} from '../../../test/support/fake-cdn-api.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { cacheTags } from '../../site/cache/cache-tags.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { CdnProvider } from '../../config/config.js';
import { systemActor } from '../../features/staff/actor.js';
import { countPurgeRequests } from './cdn-purge.repository.js';
import { purgeWindowMs } from './cdn-purge-queue.js';

/** What each provider's documented purge API receives: the path, the auth and the keys. */
const providers: Record<
  CdnProvider,
  {
    path: string;
    auth: (request: RecordedRequest) => unknown;
    keys: (request: RecordedRequest) => string[];
  }
> = {
  fastly: {
    path: '/service/svc-123/purge',
    auth: (request) => request.headers['fastly-key'],
    keys: (request) => String(request.headers['surrogate-key']).split(' '),
  },
  cloudflare: {
    path: '/zones/svc-123/purge_cache',
    auth: (request) => request.headers.authorization?.replace(/^Bearer /, ''),
    keys: (request) => (JSON.parse(request.body) as { tags: string[] }).tags,
  },
  bunny: {
    path: '/pullzone/svc-123/purgeCache',
    auth: (request) => request.headers.accesskey,
    keys: (request) => [(JSON.parse(request.body) as { CacheTag: string }).CacheTag],
  },
};

for (const provider of ['fastly', 'cloudflare', 'bunny'] as const) {
  const shape = providers[provider];

  describeEachEngine(`purging ${provider} after changes`, (ctx) => {
    let cdn: FakeCdnApi;
    let t: TestApp;
    let author: { token: string; slug: string };
    let postId = '';
    let env: Record<string, string>;

    beforeAll(async () => {
      cdn = await startFakeCdnApi();
      env = {
        MASTHEAD_CDN: provider,
        MASTHEAD_CDN_TOKEN: 'purge-secret',
        MASTHEAD_CDN_ZONE: 'svc-123',
        MASTHEAD_CDN_API_URL: cdn.url,
      };
      t = await createTestApp(ctx.handle, env);
      author = await t.tokenFor('editor');
      await t.services.tags.createTag(systemActor, { name: 'Harbour' });
    });
    afterAll(async () => {
      await t.close();
      await cdn.close();
    });

    const api = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${author.token}` }, payload });

    /** Edits a live post and makes the edit live ("Update live article"). */
    const editLive = async (payload: object) => {
      const saved = await api('PATCH', `/api/admin/posts/${postId}`, payload);
      if (saved.statusCode !== 200) return saved;
      return api('POST', `/api/admin/posts/${postId}/pending/apply`, {});
    };

    /** Waits until the change's keys are written down, then lets the purge window pass. */
    const runPurges = async (app: TestApp = t): Promise<void> => {
      await vi.waitFor(async () =>
        expect(await countPurgeRequests(ctx.handle.db)).toBeGreaterThan(0),
      );
      app.clock.advance(purgeWindowMs);
      await app.runJobs();
    };

    const purgedKeys = (requests: readonly RecordedRequest[]): string[] =>
      requests.flatMap(shape.keys).sort();

    const expectedKeys = (): string[] =>
      [
        cacheTags.post(postId),
        cacheTags.postLists,
        cacheTags.tag('harbour'),
        cacheTags.author(author.slug),
      ].sort();

    it('purges an edit’s keys in one request, with the right auth', async () => {
      const created = await api('POST', '/api/admin/posts', {
        title: 'Ferry timetable changes',
        markdown: 'From Monday.',
        tags: ['Harbour'],
        authors: [author.slug],
        status: 'published',
      });
      expect(created.statusCode, created.body).toBe(201);
      postId = created.json<{ post: { id: string } }>().post.id;
      await runPurges();
      cdn.requests.length = 0;

      const edit = await editLive({
        title: 'Ferry timetable changes again',
      });
      expect(edit.statusCode, edit.body).toBe(200);
      await runPurges();

      // Bunny's API takes one tag a request; the others take them all at once.
      expect(cdn.requests).toHaveLength(provider === 'bunny' ? expectedKeys().length : 1);
      for (const request of cdn.requests) {
        expect(request.method).toBe('POST');
        expect(request.url).toBe(shape.path);
        expect(shape.auth(request)).toBe('purge-secret');
      }
      expect(purgedKeys(cdn.requests)).toEqual(expectedKeys());
      expect(await countPurgeRequests(ctx.handle.db)).toBe(0);
      // Nothing is left to send when the window passes again.
      t.clock.advance(purgeWindowMs);
      await t.runJobs();
      expect(cdn.requests).toHaveLength(provider === 'bunny' ? expectedKeys().length : 1);
    });

    it('retries a purge the CDN answered with a 5xx', async () => {
      cdn.requests.length = 0;
      cdn.respondWith(503);
      await editLive({ title: 'Ferries, third version' });
      await runPurges();
      expect(cdn.requests).toHaveLength(1);
      expect(await countPurgeRequests(ctx.handle.db)).toBeGreaterThan(0);

      // The queue's backoff: the first retry comes 30 s (plus at most 3 s of jitter) later;
      // before the edits' narrations fall due (60 s), whose new audio purges more pages.
      t.clock.advance(40_000);
      await t.runJobs();
      expect(purgedKeys(cdn.requests.slice(1))).toEqual(expectedKeys());
      expect(await countPurgeRequests(ctx.handle.db)).toBe(0);
    });

    it('purges after a restart what was waiting when the process stopped', async () => {
      cdn.requests.length = 0;
      await editLive({ title: 'Ferries, fourth version' });
      await vi.waitFor(async () =>
        expect(await countPurgeRequests(ctx.handle.db)).toBeGreaterThan(0),
      );
      const stoppedAt = t.clock.now();
      await t.close();
      expect(cdn.requests).toHaveLength(0);

      t = await createTestApp(ctx.handle, env);
      t.clock.set(new Date(stoppedAt.getTime() + purgeWindowMs));
      await t.runJobs();
      expect(purgedKeys(cdn.requests)).toEqual(expectedKeys());
    });
  });
}
