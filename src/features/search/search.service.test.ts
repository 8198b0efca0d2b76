import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';

describeEachEngine('full-text search of published posts', (ctx) => {
  let t: TestApp;
  let authorSlug: string;

  const publish = async (input: {
    title: string;
    standfirst?: string;
    markdown: string;
    status?: 'published' | 'draft';
    visibility?: 'public' | 'members';
  }) => {
    const post = await t.services.posts.createPost(systemActor, {
      authors: [authorSlug],
      status: 'published',
      ...input,
    });
    t.clock.advance(60_000);
    return post;
  };
  const search = (text: string, page = 1, perPage = 10) =>
    t.services.search.searchPublished({ text, page, perPage, entitlement: 'anonymous' });

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    authorSlug = (await t.tokenFor('author')).slug;
    await publish({
      title: 'Harbour budget approved',
      markdown: 'The council voted on Tuesday. Lighthouse repairs were mentioned once.',
    });
    await publish({
      title: 'Lighthouse keeper retires after forty years',
      standfirst: 'A life spent above the waves.',
      markdown: 'She climbed the stairs every night.',
    });
    await publish({
      title: 'Ferry strike ends',
      markdown: 'Crews return to work after the union deal.',
      status: 'draft',
    });
    await publish({
      title: 'Why <b>markup</b> matters',
      markdown: 'Readers wrote 1 < 2 & "quotes" into the zeppelin forum.',
    });
    await publish({
      title: 'Members briefing on the zeppelin hangar',
      standfirst: 'What the airship plan means.',
      markdown: 'Only members read this part about the zeppelin hangar lease.',
      visibility: 'members',
    });
    for (let n = 1; n <= 7; n += 1) {
      await publish({ title: `Tram works, week ${n}`, markdown: `Tram works continue (${n}).` });
    }
  });
  afterAll(() => t.close());

  it('ranks a headline match above a body-only match', async () => {
    const results = await search('lighthouse');
    expect(results.hits.map((h) => h.post.title)).toEqual([
      'Lighthouse keeper retires after forty years',
      'Harbour budget approved',
    ]);
    expect(results.total).toBe(2);
  });

  it('marks the hits in the headline and the snippet', async () => {
    const [first, second] = (await search('lighthouse')).hits;
    expect(first?.headlineHtml).toBe('<mark>Lighthouse</mark> keeper retires after forty years');
    expect(second?.snippetHtml).toContain('<mark>Lighthouse</mark> repairs');
  });

  it('finds words by their stem', async () => {
    const results = await search('retiring keepers');
    expect(results.hits.map((h) => h.post.title)).toEqual([
      'Lighthouse keeper retires after forty years',
    ]);
  });

  it('escapes markup from the article text around the marks', async () => {
    const [hit] = (await search('forum')).hits;
    expect(hit?.headlineHtml).toBe('Why &lt;b&gt;markup&lt;/b&gt; matters');
    expect(hit?.snippetHtml).toContain('1 &lt; 2 &amp; &quot;quotes&quot;');
    expect(hit?.snippetHtml).toContain('<mark>forum</mark>');
  });

  it('ignores drafts', async () => {
    const results = await search('ferry strike');
    expect(results).toMatchObject({ searched: true, total: 0, hits: [] });
  });

  it('shows only the standfirst of a post for members, never its body', async () => {
    const hit = (await search('hangar lease')).hits[0];
    expect(hit?.post.title).toBe('Members briefing on the zeppelin hangar');
    expect(hit?.snippetHtml).toBe('What the airship plan means.');
  });

  it('reads quotes as a phrase, a minus as "without" and or as either', async () => {
    expect((await search('"keeper retires"')).total).toBe(1);
    expect((await search('"retires keeper"')).total).toBe(0);
    expect((await search('lighthouse -council')).hits.map((h) => h.post.title)).toEqual([
      'Lighthouse keeper retires after forty years',
    ]);
    expect((await search('zeppelin or lighthouse')).total).toBe(4);
  });

  it.each([
    '"',
    '*',
    'NEAR(',
    "')--",
    'title:harbour OR',
    'OR',
    'AND NOT',
    '-',
    '"unclosed harbour',
  ])('answers the hostile query %j without an error', async (text) => {
    const results = await search(text);
    expect(results.total).toBeGreaterThanOrEqual(0);
  });

  it('treats a query with nothing searchable as no search at all', async () => {
    expect(await search('  *** ')).toMatchObject({ searched: false, total: 0, hits: [] });
  });

  it('pages through many results without repeating one', async () => {
    const first = await search('tram', 1, 3);
    const third = await search('tram', 3, 3);
    expect(first.total).toBe(7);
    expect(first.pageCount).toBe(3);
    expect(third.hits).toHaveLength(1);
    const all = [...first.hits, ...(await search('tram', 2, 3)).hits, ...third.hits].map(
      (h) => h.post.id,
    );
    expect(new Set(all).size).toBe(7);
  });

  it('keeps the index in step when a post is edited and deleted', async () => {
    const post = await publish({ title: 'Quarry reopens', markdown: 'Dust again.' });
    expect((await search('quarry')).total).toBe(1);
    await t.services.posts.updatePost(systemActor, post.id, { title: 'Mine reopens' });
    expect((await search('quarry')).total).toBe(1);
    await t.services.posts.applyPendingChanges(systemActor, post.id);
    expect((await search('quarry')).total).toBe(0);
    expect((await search('mine')).total).toBe(1);
    await t.services.bin.binPost(systemActor, post.id);
    expect((await search('mine')).total).toBe(0);
  });
});
