import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { canDeletePost, decidePurge } from './post-delete.js';

interface Person {
  token: string;
}

describe('who may delete a post', () => {
  it('lets editors delete any post and writers only their own drafts', () => {
    expect(canDeletePost('editor', { status: 'published', isOwner: false })).toBe(true);
    expect(canDeletePost('contributor', { status: 'draft', isOwner: true })).toBe(true);
    expect(canDeletePost('contributor', { status: 'draft', isOwner: false })).toBe(false);
    expect(canDeletePost('author', { status: 'published', isOwner: true })).toBe(false);
  });

  it('purges only the deletion it was written for, once 30 days have passed', () => {
    const deletedAt = new Date('2026-01-01T00:00:00.000Z');
    const job = { deletedAt: deletedAt.toISOString() };
    expect(decidePurge({ deletedAt }, job, new Date('2026-01-30T23:59:00.000Z'))).toBe('not-due');
    expect(decidePurge({ deletedAt }, job, new Date('2026-01-31T00:00:00.000Z'))).toBe('purge');
    expect(decidePurge(null, job, new Date('2026-03-01T00:00:00.000Z'))).toBe('restored');
  });
});

describeEachEngine('the bin: delete, restore, purge after 30 days', (ctx) => {
  let t: TestApp;
  let editor: Person;
  let contributor: Person;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
    contributor = await t.tokenFor('contributor');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who.token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  const publish = async (title: string): Promise<{ id: string; slug: string }> => {
    const created = await api('POST', '/api/admin/posts', editor, {
      title,
      markdown: 'Lanterns along the embankment.',
      status: 'published',
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ post: { id: string; slug: string } }>().post;
  };

  const readerSurfaces = async (slug: string) => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const [page, rss, sitemap, news, search, contentApi, contentList] = await Promise.all([
      get(`/${slug}`),
      get('/rss'),
      get('/sitemap-posts.xml'),
      get('/news-sitemap.xml'),
      get('/api/content/search?q=lanterns'),
      get(`/api/content/posts/slug/${slug}`),
      get('/api/content/posts'),
    ]);
    return {
      page: page.statusCode,
      inRss: rss.body.includes(slug),
      inSitemap: sitemap.body.includes(slug) && news.body.includes(slug),
      inSearch: search.body.includes(slug),
      contentApi: contentApi.statusCode,
      inContentList: contentList.body.includes(slug),
    };
  };

  it('takes a deleted post off every reader surface and brings it back on restore', async () => {
    const post = await publish('Night market opens on the embankment');
    expect(await readerSurfaces(post.slug)).toEqual({
      page: 200,
      inRss: true,
      inSitemap: true,
      inSearch: true,
      contentApi: 200,
      inContentList: true,
    });

    expect((await api('DELETE', `/api/admin/posts/${post.id}`, editor)).statusCode).toBe(204);
    expect(await readerSurfaces(post.slug)).toEqual({
      page: 410,
      inRss: false,
      inSitemap: false,
      inSearch: false,
      contentApi: 404,
      inContentList: false,
    });
    const list = await api('GET', '/api/admin/posts', editor);
    expect(list.body).not.toContain(post.id);
    const opened = await api('GET', `/api/admin/posts/${post.id}`, editor);
    expect(opened.json()).toMatchObject({ error: { code: 'post_in_bin' } });
    const bin = await api('GET', '/api/admin/bin', editor);
    expect(bin.json<{ posts: unknown[] }>().posts).toContainEqual(
      expect.objectContaining({ id: post.id, status_before: 'published' }),
    );

    const restored = await api('POST', `/api/admin/bin/${post.id}/restore`, editor);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ post: { status: 'published' } });
    expect((await readerSurfaces(post.slug)).page).toBe(200);
  });

  it('lets a contributor delete only their own draft', async () => {
    const live = await publish('Ferry strike called off');
    const refused = await api('DELETE', `/api/admin/posts/${live.id}`, contributor);
    expect(refused.statusCode).toBe(403);
    const draft = await api('POST', '/api/admin/posts', contributor, { title: 'My notes' });
    const id = draft.json<{ post: { id: string } }>().post.id;
    expect((await api('DELETE', `/api/admin/posts/${id}`, contributor)).statusCode).toBe(204);
    const bin = await api('GET', '/api/admin/bin', contributor);
    expect(bin.json<{ posts: { id: string }[] }>().posts.map((p) => p.id)).toEqual([id]);
  });

  it('purges a post 30 days after it was deleted, and never one restored meanwhile', async () => {
    const gone = await publish('Old timetable');
    const kept = await publish('Kept timetable');
    await api('DELETE', `/api/admin/posts/${gone.id}`, editor);
    await api('DELETE', `/api/admin/posts/${kept.id}`, editor);
    await api('POST', `/api/admin/bin/${kept.id}/restore`, editor);

    t.clock.advance(29 * 24 * 60 * 60 * 1000);
    await t.runJobs();
    expect(await t.services.posts.findPostsByIds([gone.id])).toHaveLength(1);

    t.clock.advance(24 * 60 * 60 * 1000);
    await t.runJobs();
    expect(await t.services.posts.findPostsByIds([gone.id])).toHaveLength(0);
    expect(await t.services.posts.findPostsByIds([kept.id])).toHaveLength(1);
    const bin = await api('GET', '/api/admin/bin', editor);
    expect(bin.body).not.toContain(gone.id);
  });
});
