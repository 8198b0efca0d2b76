import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

const copies = 999;

describeEachEngine('the thousandth item with the same title', (ctx) => {
  let t: TestApp;
  let editor: { token: string; userId: string };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    // The first request compiles routes and schemas: slow on a busy machine, so not timed here.
    await t.app.inject({ method: 'GET', url: '/api/admin/posts' });
    editor = await t.tokenFor('editor');
    const now = new Date().toISOString();
    const numbered = (n: number): string => (n === 1 ? 'entry' : `entry-${n}`);
    const rows = Array.from({ length: copies }, (_, i) => i + 1);
    // Written directly: a thousand saves through the API would take minutes on a busy machine.
    for (let start = 0; start < rows.length; start += 200) {
      const batch = rows.slice(start, start + 200);
      await ctx.handle.db
        .insertInto('posts')
        .values(
          batch.map((n) => ({
            id: `post-${n}`,
            slug: numbered(n),
            title: 'Entry',
            standfirst: '',
            body: '{"version":1,"blocks":[]}',
            plain_text: '',
            reading_minutes: 1,
            status: 'draft',
            visibility: 'public',
            feature_image_id: null,
            feature_image_alt: '',
            feature_image_caption: '',
            feature_image_credit: '',
            seo_title: '',
            seo_description: '',
            published_at: null,
            revision: 1,
            review_note: null,
            review_by: null,
            review_at: null,
            created_by: 'system',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await ctx.handle.db
        .insertInto('tags')
        .values(
          batch.map((n) => ({
            id: `tag-${n}`,
            slug: numbered(n),
            name: `Entry ${n}`,
            description: '',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await ctx.handle.db
        .insertInto('feed_entries')
        .values(
          batch.map((n) => ({
            id: `entry-${n}`,
            slug: numbered(n),
            title: 'Entry',
            body: '{"version":1,"blocks":[]}',
            plain_text: '',
            author_id: editor.userId,
            post_id: null,
            pinned: 0,
            key_event: 0,
            published_at: now,
            edited_at: null,
            revision: 1,
            created_by: 'system',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${editor.token}` },
      payload,
    });

  it('gets the next free slug for a post, a tag and a feed entry', async () => {
    const created = await post('/api/admin/posts', { title: 'Entry', markdown: 'Words.' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ post: { slug: string } }>().post.slug).toBe('entry-1000');

    const tag = await post('/api/admin/tags', { name: 'Entry' });
    expect(tag.statusCode, tag.body).toBe(201);
    expect(tag.body).toContain('"entry-1000"');

    const entry = await post('/api/admin/feed', { title: 'Entry', markdown: 'Now.' });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.body).toContain('"entry-1000"');
  });

  it('fills the lowest gap left by a deleted item', async () => {
    await ctx.handle.db.deleteFrom('posts').where('slug', '=', 'entry-500').execute();
    const created = await post('/api/admin/posts', { title: 'Entry', markdown: 'Words.' });
    expect(created.json<{ post: { slug: string } }>().post.slug).toBe('entry-500');
  });
});
