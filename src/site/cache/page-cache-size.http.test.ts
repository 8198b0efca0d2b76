import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('a page cache the operator turned off', (ctx) => {
  let t: TestApp;
  let slug = '';

  beforeAll(async () => {
    t = await createTestApp(ctx.handle, { MASTHEAD_PAGE_CACHE_MB: '0' });
    const editor = await t.tokenFor('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: { title: 'Rendered each time', markdown: 'Words.', status: 'published' },
    });
    expect(created.statusCode, created.body).toBe(201);
    slug = created.json<{ post: { slug: string } }>().post.slug;
  });
  afterAll(() => t.close());

  it('renders every request from the database when MASTHEAD_PAGE_CACHE_MB is 0', async () => {
    const first = await t.app.inject({ url: `/${slug}` });
    const second = await t.app.inject({ url: `/${slug}` });
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'MISS']);
    expect(second.body).toContain('Rendered each time');
  });
});
