import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describeEachEngine('old slugs after a rename', (ctx) => {
  let t: TestApp;
  let editor: { token: string };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    // The first request compiles routes and schemas: slow on a busy machine, so not timed here.
    await t.app.inject({ method: 'GET', url: '/api/admin/posts' });
    editor = await t.tokenFor('editor');
  });
  afterAll(() => t.close());

  const api = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${editor.token}` }, payload });
  const create = async (payload: object): Promise<string> => {
    const response = await api('POST', '/api/admin/posts', { markdown: 'Words.', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ post: { id: string } }>().post.id;
  };
  const rename = async (id: string, slug: string, extra: object = {}) => {
    const response = await api('PATCH', `/api/admin/posts/${id}`, { slug, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    // A live post's edits wait as pending changes until "Update live article".
    if (response.json<{ post: { status: string } }>().post.status === 'published') {
      const applied = await api('POST', `/api/admin/posts/${id}/pending/apply`, {});
      expect(applied.statusCode, applied.body).toBe(200);
    }
  };
  const visit = (slug: string) => t.app.inject({ method: 'GET', url: `/${slug}` });

  it('never leads from a draft’s old slug to its new, embargoed one', async () => {
    const id = await create({ title: 'Minister to resign', slug: 'harbour-works' });
    await rename(id, 'minister-to-resign-tomorrow');
    const old = await visit('harbour-works');
    expect(old.statusCode).toBe(404);
    expect(old.headers.location).toBeUndefined();
    expect(old.body).not.toContain('minister-to-resign-tomorrow');
  });

  it('redirects a slug readers knew to the live article', async () => {
    const id = await create({
      title: 'Ferry timetable',
      slug: 'ferry-timetable',
      status: 'published',
    });
    await rename(id, 'ferry-timetable-changes');
    const old = await visit('ferry-timetable');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toContain('/ferry-timetable-changes');
  });

  it('does not follow an old slug to an article that was withdrawn and renamed', async () => {
    const id = await create({ title: 'Council vote', slug: 'council-vote', status: 'published' });
    await rename(id, 'council-vote-recount', { status: 'draft' });
    await rename(id, 'council-vote-embargoed');
    for (const slug of ['council-vote', 'council-vote-recount']) {
      const old = await visit(slug);
      expect([404, 410]).toContain(old.statusCode);
      expect(old.body).not.toContain('council-vote-embargoed');
    }
    // The current, never-public slug of the withdrawn draft looks like any missing page.
    expect((await visit('council-vote-embargoed')).statusCode).toBe(404);
  });
});
