import { describe, expect, it } from 'vitest';
import { cacheTags, decideCacheTagHeader } from './cache-tags.js';

describe('cache tags', () => {
  it('are sent in the one header the configured CDN reads', () => {
    expect(decideCacheTagHeader(null)).toEqual({ name: 'surrogate-key', separator: ' ' });
    expect(decideCacheTagHeader('fastly')).toEqual({ name: 'surrogate-key', separator: ' ' });
    expect(decideCacheTagHeader('cloudflare')).toEqual({ name: 'cache-tag', separator: ',' });
    expect(decideCacheTagHeader('bunny')).toEqual({ name: 'cdn-tag', separator: ',' });
  });

  it('keep short plain slugs and hash ids, long slugs and non-ASCII slugs', () => {
    expect(cacheTags.tag('city')).toBe('t:city');
    expect(cacheTags.post('5445033c-76e6-4efd-8cc9-721af517cedb')).toMatch(/^p:[0-9a-f]{8}$/);
    expect(cacheTags.author('a-very-long-author-name-indeed')).toMatch(/^a:[0-9a-f]{8}$/);
    expect(cacheTags.tag('київ')).toMatch(/^t:[0-9a-f]{8}$/);
    expect(cacheTags.tag('київ')).not.toBe(cacheTags.tag('львів'));
  });
});
