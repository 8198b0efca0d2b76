import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('the sign-up block follows the newsroom’s newsletters', (ctx) => {
  let t: TestApp;
  let token = '';
  let slug = '';

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const editor = await t.tokenFor('owner');
    token = editor.token;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${token}` },
      payload: { title: 'Tide tables', markdown: 'High water at noon.', status: 'published' },
    });
    expect(created.statusCode, created.body).toBe(201);
    slug = created.json<{ post: { slug: string } }>().post.slug;
  });
  afterAll(() => t.close());

  const admin = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });

  it('offers a new newsletter on cached pages at once, and drops an archived one', async () => {
    const before = await t.app.inject({ url: `/${slug}` });
    expect(before.body).not.toContain('data-newsletter-signup');
    expect((await t.app.inject({ url: `/${slug}` })).headers['x-cache']).toBe('HIT');

    const created = await admin('POST', '/api/admin/newsletters', {
      slug: 'harbour-mornings',
      name: 'Harbour Mornings',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ newsletter: { id: string } }>().newsletter.id;
    const offered = await t.app.inject({ url: `/${slug}` });
    expect(offered.headers['x-cache']).toBe('MISS');
    expect(offered.body).toContain(`name="newsletters" value="${id}"`);

    const archived = await admin('PATCH', `/api/admin/newsletters/${id}`, { status: 'archived' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await t.app.inject({ url: `/${slug}` })).body).not.toContain('data-newsletter-signup');
  });
});
