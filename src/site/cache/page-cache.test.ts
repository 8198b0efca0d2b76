import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressCachedPage, createPageCache, toCachedPage } from './page-cache.js';

const page = (text: string, tags: string[]) =>
  toCachedPage(200, { 'content-type': 'text/html' }, Buffer.from(text.repeat(50)), tags);

describe('the page cache', () => {
  it('keeps gzip and brotli copies that decompress to the same page', async () => {
    const stored = page('<p>Hello</p>', ['post:1']);
    await compressCachedPage(stored);
    expect(stored.gzip && gunzipSync(stored.gzip).equals(stored.identity)).toBe(true);
    expect(stored.brotli && brotliDecompressSync(stored.brotli).equals(stored.identity)).toBe(true);
    expect(stored.gzip?.length).toBeLessThan(stored.identity.length);
  });

  it('drops exactly the pages that show a purged tag', () => {
    const cache = createPageCache();
    cache.set('a', page('a', ['post:1', 'posts']), cache.epoch());
    cache.set('b', page('b', ['post:2']), cache.epoch());
    expect(cache.purge(['post:1'])).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('refuses to store a page rendered before a purge, so a stale render never sticks', () => {
    const cache = createPageCache();
    const renderEpoch = cache.epoch();
    cache.purge(['post:1']);
    expect(cache.set('a', page('a', ['post:9']), renderEpoch)).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets the least recently used page when full', () => {
    const cache = createPageCache({ maxEntries: 2 });
    cache.set('a', page('a', []), cache.epoch());
    cache.set('b', page('b', []), cache.epoch());
    cache.get('a');
    cache.set('c', page('c', []), cache.epoch());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('empties itself when the whole site changes', () => {
    const cache = createPageCache();
    cache.set('a', page('a', ['post:1']), cache.epoch());
    cache.purge(['site']);
    expect(cache.stats().entries).toBe(0);
  });

  it('renders a page afresh after its safety lifetime, so a lost purge heals by itself', () => {
    let now = 1_000_000;
    const cache = createPageCache({ maxAgeMs: 5 * 60 * 1000, now: () => now });
    cache.set('a', page('a', []), cache.epoch());
    now += 5 * 60 * 1000 - 1;
    expect(cache.get('a')).toBeDefined();
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('counts keys and headers in its memory bound', () => {
    const cache = createPageCache({ maxBytes: 64 * 1024 });
    const longKey = `anonymous /${'k'.repeat(2000)}`;
    cache.set(longKey, page('a', []), cache.epoch());
    const { bytes } = cache.stats();
    expect(bytes).toBeGreaterThan(4000 + 'a'.repeat(50).length);
    // Many small pages under long keys still fit the bound.
    for (let n = 0; n < 200; n += 1) {
      cache.set(`anonymous /${n}${'k'.repeat(1500)}`, page('a', []), cache.epoch());
    }
    expect(cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.stats().entries).toBeLessThan(200);
  });

  it('does not store a page under an absurdly long key', () => {
    const cache = createPageCache();
    expect(cache.set(`anonymous /${'x'.repeat(5000)}`, page('a', []), cache.epoch())).toBe(false);
  });
});
