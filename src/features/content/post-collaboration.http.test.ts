import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

interface ApiPost {
  id: string;
  title: string;
  standfirst: string;
  seo_title: string;
  revision: number;
  pending_changes: { title: string; standfirst: string } | null;
}

describeEachEngine('two people saving one post', (ctx) => {
  let t: TestApp;
  let ana: { token: string; slug: string };
  let bo: { token: string; slug: string };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    ana = await t.tokenFor('editor');
    bo = await t.tokenFor('editor');
  });
  afterAll(() => t.close());

  const api = (who: { token: string }, method: string, url: string, payload?: object) =>
    t.app.inject({
      method: method as 'GET',
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${who.token}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const create = async (extra: object = {}): Promise<ApiPost> => {
    const response = await api(ana, 'POST', '/posts', {
      title: 'Ferry strike ends',
      standfirst: 'Crews return on Monday.',
      markdown: 'The first paragraph.',
      authors: [ana.slug],
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ post: ApiPost }>().post;
  };

  it('merges saves that changed different fields, and says which came from the other', async () => {
    const post = await create();
    const first = await api(ana, 'PATCH', `/posts/${post.id}`, {
      standfirst: 'Crews return on Tuesday.',
      revision: post.revision,
    });
    expect(first.statusCode, first.body).toBe(200);
    // Bo started from the same revision and changed the headline only.
    const second = await api(bo, 'PATCH', `/posts/${post.id}`, {
      title: 'Ferry strike is over',
      standfirst: 'Crews return on Monday.',
      revision: post.revision,
    });
    expect(second.statusCode, second.body).toBe(200);
    const merged = second.json<{ post: ApiPost; merged_fields: string[] }>();
    expect(merged.post.title).toBe('Ferry strike is over');
    expect(merged.post.standfirst).toBe('Crews return on Tuesday.');
    expect(merged.merged_fields).toEqual(['standfirst']);
  });

  it('refuses a save where both changed the same field, naming the field', async () => {
    const post = await create();
    await api(ana, 'PATCH', `/posts/${post.id}`, {
      title: 'Ana’s headline',
      revision: post.revision,
    });
    const clash = await api(bo, 'PATCH', `/posts/${post.id}`, {
      title: 'Bo’s headline',
      seo_title: 'Bo’s search title',
      revision: post.revision,
    });
    expect(clash.statusCode).toBe(409);
    const error = clash.json<{ error: { code: string; fields: { field: string }[] } }>().error;
    expect(error.code).toBe('edit_conflict');
    expect(error.fields.map((f) => f.field)).toEqual(['title']);
    const stored = (await api(ana, 'GET', `/posts/${post.id}`)).json<{ post: ApiPost }>().post;
    expect(stored.title).toBe('Ana’s headline');
    expect(stored.seo_title).toBe('');
  });

  it('merges into the pending version of a live post', async () => {
    const post = await create({ status: 'published' });
    await api(ana, 'PATCH', `/posts/${post.id}`, {
      standfirst: 'A pending standfirst.',
      revision: post.revision,
    });
    const second = await api(bo, 'PATCH', `/posts/${post.id}`, {
      title: 'A pending headline',
      revision: post.revision,
    });
    expect(second.statusCode, second.body).toBe(200);
    const saved = second.json<{ post: ApiPost }>().post;
    expect(saved.pending_changes).toMatchObject({
      title: 'A pending headline',
      standfirst: 'A pending standfirst.',
    });
    expect(saved.title).toBe('Ferry strike ends');
  });

  it('shows who else has the post open, and forgets them when they leave or go quiet', async () => {
    const post = await create();
    const beat = (who: { token: string }, session: string, typing: boolean) =>
      api(who, 'PUT', `/posts/${post.id}/presence`, { session, typing });
    expect((await beat(ana, 'ana-tab-0001', false)).json()).toEqual({ editors: [] });
    const seen = (await beat(bo, 'bo-tab-00001', true)).json<{
      editors: { name: string; typing: boolean; me: boolean }[];
    }>();
    expect(seen.editors).toMatchObject([{ typing: false, me: false }]);
    const back = (await beat(ana, 'ana-tab-0001', false)).json<{
      editors: { name: string; typing: boolean }[];
    }>();
    expect(back.editors).toMatchObject([{ typing: true }]);
    expect(back.editors[0]?.name).not.toBe(seen.editors[0]?.name);

    const left = await api(bo, 'DELETE', `/posts/${post.id}/presence/bo-tab-00001`);
    expect(left.statusCode).toBe(204);
    expect((await beat(ana, 'ana-tab-0001', false)).json()).toEqual({ editors: [] });

    await beat(bo, 'bo-tab-00001', false);
    t.clock.advance(31_000);
    expect((await beat(ana, 'ana-tab-0001', false)).json()).toEqual({ editors: [] });
  });

  it('groups revisions by editing session with who saved them, and gives each one’s text', async () => {
    const post = await create();
    let revision = post.revision;
    for (const word of ['one', 'two']) {
      t.clock.advance(60_000);
      const saved = await api(ana, 'PATCH', `/posts/${post.id}`, {
        standfirst: `Ana’s ${word}.`,
        revision,
      });
      revision = saved.json<{ post: ApiPost }>().post.revision;
    }
    t.clock.advance(60 * 60_000);
    await api(bo, 'PATCH', `/posts/${post.id}`, { standfirst: 'Bo’s turn.', revision });

    const list = (await api(ana, 'GET', `/posts/${post.id}/revision-sessions`)).json<{
      sessions: { saved_by_name: string; revisions: { revision: number; standfirst: string }[] }[];
    }>();
    expect(list.sessions.map((s) => s.revisions.map((r) => r.standfirst))).toEqual([
      ['Bo’s turn.'],
      ['Ana’s two.', 'Ana’s one.', 'Crews return on Monday.'],
    ]);
    expect(list.sessions[0]?.saved_by_name).not.toBe(list.sessions[1]?.saved_by_name);
    expect(list.sessions[1]?.saved_by_name).not.toBe('');

    const first = list.sessions[1]?.revisions[2]?.revision ?? 0;
    const one = await api(ana, 'GET', `/posts/${post.id}/revisions/${first}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      revision: { standfirst: 'Crews return on Monday.', body: { version: 1 } },
    });
  });
});
