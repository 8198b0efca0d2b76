import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

interface ApiPost {
  id: string;
  slug: string;
  status: string;
  title: string;
  standfirst: string;
  revision: number;
  published_at: string | null;
  pending_changes: {
    title: string;
    standfirst: string;
    slug: string;
    tags: { name: string }[];
    saved_by_name: string;
  } | null;
}

describeEachEngine('pending changes to a live post', (ctx) => {
  let t: TestApp;
  let editor: { token: string; userId: string; slug: string };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
  });
  afterAll(() => t.close());

  const api = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const response = await t.app.inject({
      method,
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${editor.token}` },
      ...(payload === undefined ? {} : { payload }),
    });
    return response;
  };
  const postOf = (response: { json: () => unknown }) => (response.json() as { post: ApiPost }).post;
  const readerPage = (slug: string) => t.app.inject({ method: 'GET', url: `/${slug}` });

  const publish = async (title: string, extra: object = {}): Promise<ApiPost> => {
    const response = await api('POST', '/posts', {
      title,
      standfirst: 'The live standfirst.',
      markdown: 'The live paragraph.',
      authors: [editor.slug],
      status: 'published',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return postOf(response);
  };

  it('keeps edits of a published post from readers until the live article is updated', async () => {
    const post = await publish('Harbour bridge reopens');
    const saved = await api('PATCH', `/posts/${post.id}`, {
      standfirst: 'Half a sentence typed',
      revision: post.revision,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(postOf(saved).standfirst).toBe('The live standfirst.');
    expect(postOf(saved).pending_changes?.standfirst).toBe('Half a sentence typed');
    expect((await readerPage(post.slug)).body).not.toContain('Half a sentence typed');

    const applied = await api('POST', `/posts/${post.id}/pending/apply`, {
      revision: postOf(saved).revision,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(postOf(applied).pending_changes).toBeNull();
    expect(postOf(applied).published_at).toBe(post.published_at);
    expect((await readerPage(post.slug)).body).toContain('Half a sentence typed');
  });

  it('shows pending changes to another editor and drops them on discard', async () => {
    const post = await publish('Ferry timetable changes');
    await api('PATCH', `/posts/${post.id}`, { title: 'Ferry timetable changes again' });
    const other = await t.tokenFor('editor');
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/admin/posts/${post.id}`,
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(postOf(seen).pending_changes?.title).toBe('Ferry timetable changes again');
    expect(postOf(seen).pending_changes?.saved_by_name).not.toBe('');

    const discarded = await api('DELETE', `/posts/${post.id}/pending`);
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(postOf(discarded).pending_changes).toBeNull();
    expect(postOf(discarded).title).toBe('Ferry timetable changes');
    const again = await api('POST', `/posts/${post.id}/pending/apply`, {});
    expect(again.statusCode).toBe(409);
  });

  it('previews the pending version for staff while readers keep the live one', async () => {
    const post = await publish('Library hours extended');
    await api('PATCH', `/posts/${post.id}`, { markdown: 'A pending paragraph.' });
    const { email } = await t.services.staff.getStaff(editor.userId);
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: 'correct horse battery' },
    });
    const cookie = signedIn.cookies.find((c) => c.name === 'masthead_session')?.value ?? '';
    const preview = await t.app.inject({
      method: 'GET',
      url: `/preview/${post.id}`,
      cookies: { masthead_session: cookie },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('A pending paragraph.');
    expect(preview.body).toContain('Preview — pending changes');
    expect((await readerPage(post.slug)).body).toContain('The live paragraph.');
  });

  it('puts a restored revision of a live post into pending changes', async () => {
    const post = await publish('Market square repaved');
    const edited = await api('PATCH', `/posts/${post.id}`, {
      title: 'Market square repaved fully',
    });
    await api('POST', `/posts/${post.id}/pending/apply`, { revision: postOf(edited).revision });
    const restored = await api('POST', `/posts/${post.id}/revisions/1/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(postOf(restored).title).toBe('Market square repaved fully');
    expect(postOf(restored).pending_changes?.title).toBe('Market square repaved');
    expect((await readerPage(post.slug)).body).toContain('Market square repaved fully');
  });

  it('refuses a pending save based on an older revision', async () => {
    const post = await publish('Tram line extended');
    const first = await api('PATCH', `/posts/${post.id}`, {
      title: 'One',
      revision: post.revision,
    });
    expect(first.statusCode).toBe(200);
    const stale = await api('PATCH', `/posts/${post.id}`, {
      title: 'Two',
      revision: post.revision,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'edit_conflict' } });
  });

  it('leaves nothing pending when the edits undo themselves', async () => {
    const post = await publish('Park gates repainted');
    await api('PATCH', `/posts/${post.id}`, { title: 'Park gates repainted green' });
    const back = await api('PATCH', `/posts/${post.id}`, { title: 'Park gates repainted' });
    expect(postOf(back).pending_changes).toBeNull();
  });

  it('keeps pending edits of a scheduled post out of the version that goes live', async () => {
    const at = new Date(t.clock.now().getTime() + 60 * 60 * 1000).toISOString();
    const post = await publish('Council vote at noon', { status: 'scheduled', published_at: at });
    await api('PATCH', `/posts/${post.id}`, { title: 'Council vote at noon, pending' });
    t.clock.advance(60 * 60 * 1000 + 1000);
    await t.runJobs();
    const page = await readerPage(post.slug);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('pending');
    expect(postOf(await api('GET', `/posts/${post.id}`)).pending_changes?.title).toBe(
      'Council vote at noon, pending',
    );
  });

  it('takes pending changes along when a post is unpublished, and republishing keeps its time', async () => {
    const post = await publish('Bakery wins prize');
    await api('PATCH', `/posts/${post.id}`, { title: 'Bakery wins national prize' });
    const draft = postOf(await api('POST', `/posts/${post.id}/unpublish`, {}));
    expect(draft.title).toBe('Bakery wins national prize');
    expect(draft.pending_changes).toBeNull();
    t.clock.advance(60 * 60 * 1000);
    const again = postOf(await api('POST', `/posts/${post.id}/publish`, {}));
    expect(again.status).toBe('published');
    expect(again.published_at).toBe(post.published_at);
  });
});
