import { describe, expect, it } from 'vitest';
import { toOldLinkSlug } from '../../site/redirects/old-links.js';
import { isRedirectLoop, parseFromPath, parseToUrl, toLookupKeys } from './redirect-paths.js';

const site = 'https://news.example';

describe('the two ends of a redirect', () => {
  it('stores a from-path percent-encoded, without its trailing slash', () => {
    expect(parseFromPath(' /old-story/ ')).toEqual({ ok: true, value: '/old-story' });
    expect(parseFromPath('/київ')).toEqual({ ok: true, value: '/%D0%BA%D0%B8%D1%97%D0%B2' });
    expect(parseFromPath('/?p=123')).toEqual({ ok: true, value: '/?p=123' });
  });

  it('refuses a from-path that is not a path of this site', () => {
    for (const from of [
      'https://evil.example/',
      '//evil.example',
      'old',
      '/',
      '/admin/x',
      '/a?x=1&y=2',
    ]) {
      expect(parseFromPath(from).ok, from).toBe(false);
    }
  });

  it('keeps another site’s address and turns this site’s own into a path', () => {
    expect(parseToUrl('https://other.example/a', site)).toEqual({
      ok: true,
      value: 'https://other.example/a',
    });
    expect(parseToUrl('https://news.example/new?x=1', site)).toEqual({
      ok: true,
      value: '/new?x=1',
    });
    expect(parseToUrl('javascript:alert(1)', site).ok).toBe(false);
  });

  it('looks a request up by each query parameter, then by the path alone', () => {
    expect(toLookupKeys('/', 'p=123&utm_source=x')).toEqual(['/?p=123', '/?utm_source=x', '/']);
  });

  it('sees a loop through the table and through a trailing slash', () => {
    const table = new Map([['/b', '/c/']]);
    expect(isRedirectLoop('/c', '/b', (key) => table.get(key))).toBe(true);
    expect(isRedirectLoop('/a', '/a/', () => undefined)).toBe(true);
    expect(isRedirectLoop('/a', '/b', (key) => table.get(key))).toBe(false);
  });

  it('reads the slug out of dated and slashed old links only', () => {
    expect(toOldLinkSlug('/2024/11/14/transit-plan', false)).toBe('transit-plan');
    expect(toOldLinkSlug('/2024/11/transit-plan', true)).toBe('transit-plan');
    expect(toOldLinkSlug('/transit-plan', true)).toBe('transit-plan');
    expect(toOldLinkSlug('/transit-plan', false)).toBeNull();
    expect(toOldLinkSlug('/tag/city', true)).toBeNull();
  });
});
