import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';
import type { FeedEntryResource } from './feed.schemas.js';

describeEachEngine('the news feed through the Admin API', (ctx) => {
  let t: TestApp;
  let editor: { token: string; slug: string; userId: string };
  let author: { token: string };
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
    author = await t.tokenFor('author');
    await t.services.tags.createTag(systemActor, { name: 'Elections' });
    const post = await t.services.posts.createPost(systemActor, {
      title: 'How the count works',
      markdown: 'Explained.',
      authors: [editor.slug],
      status: 'published',
    });
    postId = post.id;
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${editor.token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  const create = async (payload: object): Promise<FeedEntryResource> => {
    const response = await api('POST', '/api/admin/feed', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ entry: FeedEntryResource }>().entry;
  };

  it('refuses a request without a token, and one from a role below editor', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/feed' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const byAuthor = await t.app.inject({
      method: 'POST',
      url: '/api/admin/feed',
      headers: { authorization: `Bearer ${author.token}` },
      payload: { title: 'Not allowed' },
    });
    expect(byAuthor.statusCode).toBe(403);
    expect(byAuthor.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('posts an entry from Markdown, linked to an article and a section', async () => {
    const entry = await create({
      title: 'Polls have closed',
      markdown: 'Counting begins in **all** districts.',
      post_id: postId,
      sections: ['Elections'],
      key_event: true,
    });
    expect(entry).toMatchObject({
      slug: 'polls-have-closed',
      url: 'http://news.test/news-feed/polls-have-closed',
      title: 'Polls have closed',
      html: '<p>Counting begins in <strong>all</strong> districts.</p>',
      excerpt: 'Counting begins in all districts.',
      author: { id: editor.userId, slug: editor.slug },
      post: {
        id: postId,
        title: 'How the count works',
        url: 'http://news.test/how-the-count-works',
      },
      sections: [{ name: 'Elections', slug: 'elections' }],
      key_event: true,
      pinned: false,
      published_at: '2026-11-20T09:00:00.000Z',
      edited_at: null,
      revision: 1,
    });
    const read = await api('GET', `/api/admin/feed/${entry.id}`);
    expect(read.json<{ entry: FeedEntryResource }>().entry.title).toBe('Polls have closed');
  });

  it('accepts a body document, and names the field of a bad one', async () => {
    const entry = await create({
      title: 'From the composer',
      body: {
        version: 1,
        blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }],
      },
    });
    expect(entry.html).toBe('<p>Hi</p>');
    const bad = await api('POST', '/api/admin/feed', {
      title: 'Broken',
      body: { version: 1, blocks: [{ type: 'heading', level: 1, content: [] }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_body' } });
    const both = await api('POST', '/api/admin/feed', { title: 'Both', markdown: 'a', body: {} });
    expect(both.statusCode).toBe(400);
    const missing = await api('POST', '/api/admin/feed', { markdown: 'No headline' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('title');
  });

  it('stamps an edit made later with its time, pins and unpins, and deletes', async () => {
    const entry = await create({ title: 'Turnout so far', markdown: '41%.' });
    t.clock.advance(15 * 60_000);
    const patched = await api('PATCH', `/api/admin/feed/${entry.id}`, {
      markdown: '52%.',
      revision: entry.revision,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<{ entry: FeedEntryResource }>().entry).toMatchObject({
      html: '<p>52%.</p>',
      edited_at: t.clock.now().toISOString(),
      revision: 2,
    });
    const stale = await api('PATCH', `/api/admin/feed/${entry.id}`, { markdown: 'x', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'edit_conflict' } });

    const pinned = await api('POST', `/api/admin/feed/${entry.id}/pin`, {});
    expect(pinned.json<{ entry: FeedEntryResource }>().entry.pinned).toBe(true);
    const listed = await api('GET', '/api/admin/feed?pinned=true');
    expect(listed.json<{ entries: FeedEntryResource[] }>().entries.map((e) => e.id)).toEqual([
      entry.id,
    ]);
    const unpinned = await api('POST', `/api/admin/feed/${entry.id}/unpin`, {});
    expect(unpinned.json<{ entry: FeedEntryResource }>().entry.pinned).toBe(false);

    const deleted = await api('DELETE', `/api/admin/feed/${entry.id}`);
    expect(deleted.statusCode).toBe(204);
    const gone = await api('GET', `/api/admin/feed/${entry.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('lists entries newest first a page at a time, with cursors both ways', async () => {
    for (const n of [1, 2, 3]) {
      t.clock.advance(60_000);
      await create({ title: `Listed ${n}` });
    }
    const first = await api('GET', '/api/admin/feed?limit=2');
    const page = first.json<{ entries: FeedEntryResource[]; older: string; newer: null }>();
    expect(page.entries.map((e) => e.title)).toEqual(['Listed 3', 'Listed 2']);
    expect(page.newer).toBeNull();
    const next = await api('GET', `/api/admin/feed?limit=2&before=${page.older}`);
    expect(next.json<{ entries: FeedEntryResource[] }>().entries[0]?.title).toBe('Listed 1');
    const bad = await api('GET', '/api/admin/feed?before=not-a-cursor');
    expect(bad.statusCode).toBe(400);
  });

  it('reports this process’s open live connections to editors', async () => {
    const response = await api('GET', '/api/admin/feed/live-stats');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      connections: 0,
      last_change_id: expect.any(Number) as number,
      dropped_slow_clients: 0,
    });
  });

  it('describes every feed operation in the OpenAPI document under "news feed"', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/feed'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => `${method} ${path} ${op.tags?.join()}`),
      );
    expect(operations.sort()).toEqual([
      'delete /api/admin/feed/{id} news feed',
      'get /api/admin/feed news feed',
      'get /api/admin/feed/live-stats news feed',
      'get /api/admin/feed/{id} news feed',
      'patch /api/admin/feed/{id} news feed',
      'post /api/admin/feed news feed',
      'post /api/admin/feed/{id}/pin news feed',
      'post /api/admin/feed/{id}/unpin news feed',
    ]);
  });
});
