import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { fetchResponseHead, headBytes } from '../../../test/support/response-head.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { cacheTags } from './cache-tags.js';

/** Header names of a raw response head, lower-cased. */
const headerNames = (head: string): string[] =>
  head
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());

const headerValue = (head: string, name: string): string | undefined =>
  head
    .split('\r\n')
    .find((line) => line.toLowerCase().startsWith(`${name}:`))
    ?.slice(name.length + 1)
    .trim();

describeEachEngine('the weight of a cached article’s response headers', (ctx) => {
  let t: TestApp;
  let base: string;
  let slug: string;
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const editor = await t.tokenFor('editor');
    for (const name of ['City', 'Transport'])
      await t.services.tags.createTag(systemActor, { name });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Council approves transit plan',
        markdown: 'The council voted on Tuesday. '.repeat(120),
        tags: ['City', 'Transport'],
        authors: [editor.slug],
        status: 'published',
      },
    });
    ({ slug, id: postId } = created.json<{ post: { slug: string; id: string } }>().post);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  /** The article as a browser gets it once the page cache holds its compressed copy. */
  async function cachedHead(): Promise<string> {
    const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
    await expect
      .poll(async () =>
        headerValue(await fetchResponseHead(`${base}/${slug}`, browser), 'content-encoding'),
      )
      .toBe('br');
    return fetchResponseHead(`${base}/${slug}`, browser);
  }

  it('stays under 700 bytes of headers, all of them counted as sent', async () => {
    const head = await cachedHead();
    expect(headerValue(head, 'x-cache')).toBe('HIT');
    expect(headBytes(head)).toBeLessThan(700);
  });

  it('names what it shows in one CDN tag header, with short tags', async () => {
    const head = await cachedHead();
    const names = headerNames(head);
    expect(names).toContain('surrogate-key');
    expect(names).not.toContain('cache-tag');
    const tags = headerValue(head, 'surrogate-key')?.split(' ') ?? [];
    expect(tags).toContain(cacheTags.post(postId));
    expect(tags).toContain('t:city');
    expect(Math.max(...tags.map((tag) => tag.length))).toBeLessThanOrEqual(18);
  });

  it('keeps the security headers that browsers act on, and drops those they ignore', async () => {
    const head = await cachedHead();
    const names = headerNames(head);
    expect(headerValue(head, 'content-security-policy')).toContain("frame-ancestors 'self'");
    expect(headerValue(head, 'x-content-type-options')).toBe('nosniff');
    expect(headerValue(head, 'referrer-policy')).toBe('no-referrer');
    for (const ignored of [
      'x-xss-protection',
      'x-download-options',
      'x-permitted-cross-domain-policies',
      'x-dns-prefetch-control',
    ]) {
      expect(names).not.toContain(ignored);
    }
  });
});
