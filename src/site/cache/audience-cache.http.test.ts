import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { signInAsMember } from '../../features/members/test-support/member-sign-in.js';
import { systemActor } from '../../features/staff/actor.js';

describeEachEngine('the page cache and audiences', (ctx) => {
  let t: TestApp;
  let admin: string;
  let gated: string;
  let open: string;
  let member: Record<string, string>;
  let memberId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    const author = await t.tokenFor('author');
    const publish = async (title: string, visibility: 'public' | 'paid') =>
      (
        await t.services.posts.createPost(systemActor, {
          title,
          markdown: 'Open part.\n\n[paywall]\n\nThe locked sentence.',
          authors: [author.slug],
          visibility,
          status: 'published',
        })
      ).slug;
    gated = await publish('Paid story', 'paid');
    open = await publish('Open story', 'public');
    member = await signInAsMember(t, admin, 'cached@reader.test');
    const found = await t.services.members.listMembers(
      systemActor,
      { q: 'cached@' },
      { page: 1, limit: 1 },
    );
    memberId = found.members[0]?.id ?? '';
  });
  afterAll(() => t.close());

  const get = (url: string, cookies: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, cookies });

  it('serves anonymous pages from memory without Vary: Cookie', async () => {
    await get(`/${open}`);
    const second = await get(`/${open}`);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.vary).toBe('Accept-Encoding');
    expect(second.headers['cache-control']).toMatch(/^public/);
  });

  it('stores a page that is the same for every audience once, and serves it to members', async () => {
    const before = t.services.pageCache.stats().entries;
    const forMember = await get(`/${open}`, member);
    expect(forMember.headers['x-cache']).toBe('HIT');
    expect(t.services.pageCache.stats().entries).toBe(before);
  });

  it('keeps a gated page per audience, and a member gets theirs from memory', async () => {
    const anonymous = await get(`/${gated}`);
    expect(anonymous.body).not.toContain('The locked sentence.');
    const first = await get(`/${gated}`, member);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get(`/${gated}`, member);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toContain('This article is for paying members');
    expect((await get(`/${gated}`)).headers['x-cache']).toBe('HIT');
  });

  it('shows an entitlement change on the next request, with a fresh audience cookie', async () => {
    t.clock.advance(1000);
    await t.services.members.compMember(systemActor, memberId, null);
    t.clock.advance(1000);
    const next = await get(`/${gated}`, member);
    expect(next.headers['x-cache']).not.toBe('HIT');
    expect(next.body).toContain('The locked sentence.');
    const fresh = next.cookies.find((c) => c.name === 'masthead_audience')?.value;
    expect(fresh).toBeDefined();
    const cookies = { ...member, masthead_audience: fresh ?? '' };
    await get(`/${gated}`, cookies);
    const cached = await get(`/${gated}`, cookies);
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.body).toContain('The locked sentence.');
    expect(cached.headers['cache-control']).toMatch(/^private/);
  });

  it('keeps a forged audience cookie out of the cache', async () => {
    const forged = { ...member, masthead_audience: 'p.someone.1.zzzzzzzz.AAAAAAAAAAAAAAAAAAAAAA' };
    const response = await get(`/${gated}`, forged);
    expect(response.headers['x-cache']).not.toBe('HIT');
  });

  it('serves a signed-out reader the anonymous page at once', async () => {
    const out = await get(`/${gated}`);
    expect(out.body).not.toContain('The locked sentence.');
  });
});
