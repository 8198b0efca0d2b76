import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { signInAsMember } from '../../features/members/test-support/member-sign-in.js';
import { systemActor } from '../../features/staff/actor.js';

const locked = 'Zanzibarian ledgers reveal the harbour deal';
const open = 'The council met on Tuesday';

describeEachEngine('the reader-access rule on every surface', (ctx) => {
  let t: TestApp;
  let admin: string;
  const slugs: Record<'members' | 'paid', string> = { members: '', paid: '' };
  const ids: Record<'members' | 'paid', string> = { members: '', paid: '' };
  let free: Record<string, string>;
  let paying: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    const author = await t.tokenFor('author');
    for (const visibility of ['members', 'paid'] as const) {
      const post = await t.services.posts.createPost(systemActor, {
        title: `Harbour files for ${visibility}`,
        markdown: `${open}.\n\n[paywall]\n\n${locked} (${visibility}).`,
        authors: [author.slug],
        visibility,
        status: 'published',
      });
      slugs[visibility] = post.slug;
      ids[visibility] = post.id;
    }
    free = await signInAsMember(t, admin, 'free@reader.test');
    const payingCookies = await signInAsMember(t, admin, 'paying@reader.test');
    const found = await t.services.members.listMembers(
      systemActor,
      { q: 'paying@' },
      { page: 1, limit: 1 },
    );
    await t.services.members.compMember(systemActor, found.members[0]?.id ?? '', null);
    t.clock.advance(1000);
    paying = payingCookies;
  });
  afterAll(() => t.close());

  const get = (url: string, cookies: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, cookies });

  const surfaces = (visibility: 'members' | 'paid') => [
    `/${slugs[visibility]}`,
    '/api/content/posts',
    `/api/content/posts/slug/${slugs[visibility]}`,
    `/api/content/posts/${ids[visibility]}`,
    '/search?q=zanzibarian',
    '/api/content/search?q=zanzibarian',
    '/rss',
    '/feed.json',
  ];

  describe.each(['members', 'paid'] as const)('a post for %s', (visibility) => {
    it('sends nothing after the paywall marker to an anonymous reader, anywhere', async () => {
      for (const url of surfaces(visibility)) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain('Zanzibarian ledgers');
      }
      const page = await get(`/${slugs[visibility]}`);
      expect(page.body).toContain(open);
      expect(page.body).toContain(
        visibility === 'paid'
          ? 'This article is for paying members'
          : 'This article is for members',
      );
      expect(page.body).toContain(`href="/signin?next=%2F${slugs[visibility]}"`);
    });

    it('marks the article as not free for search engines, with where the locked part is', async () => {
      const page = await get(`/${slugs[visibility]}`);
      expect(page.body).toContain('"isAccessibleForFree":false');
      expect(page.body).toContain('"cssSelector":".paywalled-content"');
    });
  });

  it('gives a free member the members post but not the paid one, anywhere', async () => {
    expect((await get(`/${slugs.members}`, free)).body).toContain(`${locked} (members)`);
    for (const url of surfaces('paid')) {
      const response = await get(url, free);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(`${locked} (paid)`);
    }
  });

  it('gives a paying member the whole of both on the article page', async () => {
    for (const visibility of ['members', 'paid'] as const) {
      const page = await get(`/${slugs[visibility]}`, paying);
      expect(page.body).toContain(`${locked} (${visibility})`);
      expect(page.body).toContain('class="paywalled-content"');
      expect(page.body).not.toContain('gate-card');
      expect(page.headers['cache-control']).toMatch(/^private/);
    }
  });

  it('shows no review state or revision in the public Content API', async () => {
    const response = await get(`/api/content/posts/${ids.members}`);
    const post = response.json<{ post: Record<string, unknown> }>().post;
    expect(post).not.toHaveProperty('review');
    expect(post).not.toHaveProperty('revision');
    expect(post).not.toHaveProperty('status');
    expect(post).toMatchObject({ visibility: 'members', access: 'preview' });
  });
});
