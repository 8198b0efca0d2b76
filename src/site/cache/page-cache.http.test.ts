import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { cacheTags } from './cache-tags.js';

describeEachEngine('the page cache in front of the reader site', (ctx) => {
  let t: TestApp;
  let editor: { token: string; slug: string; userId: string };
  let postId: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
    await t.services.tags.createTag(systemActor, { name: 'Climate' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Sea wall plans',
        markdown: 'Text.',
        tags: ['Climate'],
        authors: [editor.slug],
        status: 'published',
      },
    });
    ({ id: postId, slug } = response.json<{ post: { id: string; slug: string } }>().post);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('serves the second request for a page from memory, compressed once', async () => {
    const first = await get(`/${slug}`);
    expect(first.headers['x-cache']).toBe('MISS');
    // The compressed copies are made off the event loop just after the page is stored.
    await expect
      .poll(
        async () =>
          (await get(`/${slug}`, { 'accept-encoding': 'gzip, br' })).headers['content-encoding'],
      )
      .toBe('br');
    const second = await get(`/${slug}`, { 'accept-encoding': 'gzip, br' });
    expect(second.headers['x-cache']).toBe('HIT');
    const gzip = await get(`/${slug}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(String(second.headers['surrogate-key'])).toContain(cacheTags.post(postId));
  });

  it('renders a missing page once for readers who ask for it at the same moment', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: { title: 'Storm surge', markdown: 'Text.', status: 'published' },
    });
    const surge = created.json<{ post: { slug: string } }>().post.slug;
    const readers = await Promise.all(Array.from({ length: 20 }, () => get(`/${surge}`)));
    expect(readers.map((r) => r.statusCode)).toEqual(readers.map(() => 200));
    expect(readers.filter((r) => r.headers['x-cache'] === 'MISS')).toHaveLength(1);
    expect(new Set(readers.map((r) => r.headers.etag)).size).toBe(1);
    expect(t.services.pageCache.flights.size).toBe(0);
  });

  it('answers every reader of a page it never stores, leaving none waiting', async () => {
    const readers = await Promise.all(Array.from({ length: 10 }, () => get('/no-such-story')));
    expect(readers.map((r) => r.statusCode)).toEqual(readers.map(() => 404));
    expect((await get('/no-such-story')).statusCode).toBe(404);
    // Every render that led others landed, stored or not: no reader is left to wait.
    expect(t.services.pageCache.flights.size).toBe(0);
  });

  it('caches an article whose slug merely begins like a system path', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Administration reform',
        markdown: 'Text.',
        authors: [editor.slug],
        status: 'published',
      },
    });
    const { slug: reform } = created.json<{ post: { slug: string } }>().post;
    expect(reform).toBe('administration-reform');
    await get(`/${reform}`);
    expect((await get(`/${reform}`)).headers['x-cache']).toBe('HIT');
    expect((await get('/admin')).headers['x-cache']).toBeUndefined();
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await get(`/${slug}`);
    const again = await get(`/${slug}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('shows an edit on the very next request to the article, front page, section and author pages', async () => {
    const pages = [`/${slug}`, '/', '/tag/climate', `/author/${editor.slug}`];
    for (const page of pages) {
      await get(page);
      expect((await get(page)).headers['x-cache'], page).toBe('HIT');
    }
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/posts/${postId}`,
      headers: { authorization: `Bearer ${editor.token}` },
      payload: { title: 'Sea wall plans approved' },
    });
    expect(edit.statusCode).toBe(200);
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/admin/posts/${postId}/pending/apply`,
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {},
    });
    expect(applied.statusCode).toBe(200);
    for (const page of pages) {
      const after = await get(page);
      expect(after.body, page).toContain('Sea wall plans approved');
    }
  });

  it('never serves or stores a staff member’s page', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email: 'staffer@news.test', password: 'correct horse battery' },
    });
    if (signIn.statusCode !== 200) {
      await t.services.staff.createStaff(systemActor, {
        email: 'staffer@news.test',
        name: 'Staffer',
        role: 'editor',
        password: 'correct horse battery',
      });
    }
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email: 'staffer@news.test', password: 'correct horse battery' },
    });
    const cookie = String(session.headers['set-cookie']).split(';')[0] ?? '';
    await get(`/${slug}`);
    const staffPage = await get(`/${slug}`, { cookie });
    expect(staffPage.headers['x-cache']).toBeUndefined();
    expect(staffPage.headers['cache-control']).toBe('private, no-store');
    expect(staffPage.body).toContain('Edit post');
    const readerPage = await get(`/${slug}`);
    expect(readerPage.body).not.toContain('Edit post');
  });

  it('shows a renamed section on the next request to the article', async () => {
    await get(`/${slug}`);
    const [climate] = (await t.services.tags.listTags()).filter((tag) => tag.slug === 'climate');
    if (climate === undefined) throw new Error('The Climate tag is missing.');
    await t.services.tags.updateTag(systemActor, climate.id, { name: 'Climate & Coast' });
    expect((await get(`/${slug}`)).body).toContain('Climate &amp; Coast');
  });

  it('shows an author’s new job title on the next request to their article', async () => {
    await get(`/${slug}`);
    await t.services.staff.updateStaff(systemActor, editor.userId, { jobTitle: 'Climate Editor' });
    expect((await get(`/${slug}`)).body).toContain('Climate Editor');
  });

  it('refreshes every page when the site settings change', async () => {
    await get('/');
    await t.services.settings.updateSiteSettings(systemActor, { title: 'The Tide Gazette' });
    expect((await get('/')).body).toContain('The Tide Gazette');
  });

  it('serves a page for a query it ignores from the page’s one entry, storing nothing new', async () => {
    await get('/');
    const before = t.services.pageCache.stats().entries;
    for (let n = 0; n < 20; n += 1) {
      const busted = await get(`/?bust=${n}`);
      expect(busted.statusCode).toBe(200);
      expect(busted.headers['x-cache']).toBe('HIT');
    }
    expect(t.services.pageCache.stats().entries).toBe(before);
  });

  it('keeps one entry per page of a section, however the page number is spelled', async () => {
    await get('/tag/climate?page=1');
    const before = t.services.pageCache.stats().entries;
    await get('/tag/climate?page=01');
    await get('/tag/climate?page=001&utm_source=x');
    expect(t.services.pageCache.stats().entries).toBe(before);
    expect((await get('/tag/climate?page=1&utm_source=y')).headers['x-cache']).toBe('HIT');
  });

  it('never caches search, however its path is spelled', async () => {
    for (const url of ['/search?q=sea', '/%73earch?q=sea', '/%73earch', '/se%61rch']) {
      await get(url);
      const again = await get(url);
      expect(again.statusCode, url).toBe(200);
      expect(again.headers['x-cache'], url).toBeUndefined();
    }
  });

  it('answers a spelling of a page’s path from the same entry', async () => {
    await get(`/${slug}`);
    const spelled = await get(`/${slug.replace('s', '%73')}`);
    expect(spelled.headers['x-cache']).toBe('HIT');
  });

  it('renders a page again after the safety lifetime even when no purge arrived', async () => {
    await get('/');
    expect((await get('/')).headers['x-cache']).toBe('HIT');
    t.clock.advance(5 * 60 * 1000);
    expect((await get('/')).headers['x-cache']).toBe('MISS');
  });
});
