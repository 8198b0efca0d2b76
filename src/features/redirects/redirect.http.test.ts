import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('old links and redirects', (ctx) => {
  let t: TestApp;
  let editor: { token: string; slug: string };
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Council approves transit plan',
        markdown: 'The vote was close.',
        authors: [editor.slug],
        status: 'published',
      },
    });
    ({ slug } = created.json<{ post: { slug: string } }>().post);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${editor.token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  describe('links from Ghost and WordPress', () => {
    it('sends a trailing-slash article URL to the article, query kept', async () => {
      const response = await get(`/${slug}/?utm_source=newsletter`);
      expect(response.statusCode).toBe(301);
      expect(response.headers.location).toBe(`/${slug}?utm_source=newsletter`);
      expect((await get(`/${slug}`)).statusCode).toBe(200);
    });

    it('sends a WordPress dated URL to the article in one hop', async () => {
      for (const dated of [`/2024/11/14/${slug}/`, `/2024/11/14/${slug}`, `/2024/11/${slug}/`]) {
        const response = await get(dated);
        expect(response.statusCode, dated).toBe(301);
        expect(response.headers.location, dated).toBe(`/${slug}`);
      }
    });

    it('drops the trailing slash of any reader path', async () => {
      const response = await get('/tag/city/?page=2');
      expect(response.statusCode).toBe(301);
      expect(response.headers.location).toBe('/tag/city?page=2');
    });

    it('still answers 404 for an unknown path, after at most one redirect', async () => {
      expect((await get('/no-such-story')).statusCode).toBe(404);
      const slashed = await get('/no-such-story/');
      expect(slashed.statusCode).toBe(301);
      expect((await get(String(slashed.headers.location))).statusCode).toBe(404);
      const dated = await get('/2024/11/14/no-such-story/');
      expect(dated.statusCode).toBe(301);
      expect((await get(String(dated.headers.location))).statusCode).toBe(404);
    });
  });

  describe('redirects made in the CMS', () => {
    it('sends a stored redirect’s from-path to its to-URL, with or without the slash', async () => {
      const created = await admin('POST', '/redirects', {
        from_path: '/about-the-plan/',
        to_url: `/${slug}`,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        redirect: { from_path: '/about-the-plan', to_url: `/${slug}`, status: 301 },
      });
      for (const old of ['/about-the-plan', '/about-the-plan/']) {
        const response = await get(old);
        expect(response.statusCode, old).toBe(301);
        expect(response.headers.location, old).toBe(`/${slug}`);
      }
    });

    it('maps a WordPress ?p=ID link and leaves other front-page queries alone', async () => {
      await admin('POST', '/redirects', { from_path: '/?p=123', to_url: `/${slug}` });
      const mapped = await get('/?p=123&utm_source=x');
      expect(mapped.statusCode).toBe(301);
      expect(mapped.headers.location).toBe(`/${slug}`);
      expect((await get('/?p=999')).statusCode).toBe(200);
      expect((await get('/?p=123')).statusCode).toBe(301);
      expect((await get('/')).statusCode).toBe(200);
      await get('/about-the-plan?utm_source=x');
      expect((await get('/about-the-plan')).headers.location).toBe(`/${slug}`);
    });

    it('answers a changed redirect on the next request, though the old one was cached', async () => {
      const created = await admin('POST', '/redirects', {
        from_path: '/transit',
        to_url: `/${slug}`,
        status: 302,
      });
      const { id } = created.json<{ redirect: { id: string } }>().redirect;
      await get('/transit');
      const cached = await get('/transit');
      expect(cached.headers['x-cache']).toBe('HIT');
      expect(cached.statusCode).toBe(302);
      await admin('PATCH', `/redirects/${id}`, { to_url: 'https://transit.example/plan' });
      const changed = await get('/transit');
      expect(changed.headers.location).toBe('https://transit.example/plan');
      await admin('DELETE', `/redirects/${id}`);
      expect((await get('/transit')).statusCode).toBe(404);
    });

    it('refuses a redirect that would go round in a circle', async () => {
      expect(
        (await admin('POST', '/redirects', { from_path: '/a', to_url: '/a/' })).statusCode,
      ).toBe(400);
      await admin('POST', '/redirects', { from_path: '/first', to_url: '/second' });
      const loop = await admin('POST', '/redirects', { from_path: '/second', to_url: '/first' });
      expect(loop.statusCode).toBe(400);
      expect(loop.json()).toMatchObject({ error: { code: 'validation_failed' } });
    });

    it('takes only a path of this site as the from-path', async () => {
      for (const from of ['https://evil.example/x', '//evil.example/x', 'evil', '/api/admin/x']) {
        const response = await admin('POST', '/redirects', { from_path: from, to_url: '/' });
        expect(response.statusCode, from).toBe(400);
      }
    });

    it('is for editors: a contributor may not see or change redirects', async () => {
      const contributor = await t.tokenFor('contributor');
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/admin/redirects',
        headers: { authorization: `Bearer ${contributor.token}` },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('CSV files', () => {
    it('imports a file all at once and exports it back', async () => {
      const csv = `from,to,status\n/old-one/,/${slug},301\n"/old,two",https://example.org/two,302\n`;
      const imported = await admin('POST', '/redirects/import', { csv });
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toEqual({ created: 2, replaced: 0 });
      expect((await get('/old-one')).headers.location).toBe(`/${slug}`);
      const exported = await admin('GET', '/redirects/export');
      expect(exported.headers['content-type']).toContain('text/csv');
      expect(exported.body).toContain(`/old-one,/${slug},301`);
      expect(exported.body).toContain('"/old,two",https://example.org/two,302');
      const again = await admin('POST', '/redirects/import', { csv: exported.body });
      expect(again.json<{ created: number }>().created).toBe(0);
    });

    it('refuses a file with a bad line, naming the line, and imports none of it', async () => {
      const csv = `/fine,/${slug}\nhttps://evil.example/,/x\n`;
      const refused = await admin('POST', '/redirects/import', { csv });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        error: { fields: [{ field: 'line 2: from' }] },
      });
      expect((await get('/fine')).statusCode).toBe(404);
    });
  });

  it('shows in the test box where a path would go, hop by hop', async () => {
    const result = await admin('POST', '/redirects/test', { path: `/2024/11/14/${slug}/` });
    expect(result.json()).toEqual({
      hops: [
        { url: `/2024/11/14/${slug}/`, status: 301, location: `/${slug}` },
        { url: `/${slug}`, status: 200, location: null },
      ],
      outcome: 'page',
    });
  });
});
