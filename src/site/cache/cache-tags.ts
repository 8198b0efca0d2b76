import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { CdnKind } from '../../config/config.js';
import { assertNever } from '../../platform/errors.js';

/**
 * Names for what a page shows. A reader response lists them in one header that the CDN
 * in front reads; the page cache and the CDN purge by them when content changes. Names
 * stay short because every cached response carries them: ids are hashed, and so are
 * slugs that are long or not plain ASCII (a header carries ASCII only).
 */
export const cacheTags = {
  /** Everything: site settings, navigation, the design. Purging it empties the cache. */
  site: 'site',
  /** Any list of posts: front page, sections, authors, feeds, sitemaps, search. */
  postLists: 'posts',
  post: (id: string): string => `p:${hashName(id)}`,
  tag: (slug: string): string => `t:${shortName(slug)}`,
  author: (slug: string): string => `a:${shortName(slug)}`,
  /** The live news feed and every page that shows its widget. */
  newsFeed: 'feed',
  editorsPicks: 'picks',
  /** Every redirect answered from the redirects table or an old link. */
  redirects: 'redirects',
  /** The podcast feeds of narrated articles. */
  podcast: 'podcast',
} as const;

/** 32 bits of a hash: two names sharing one only cost a needless purge. */
function hashName(name: string): string {
  return createHash('sha1').update(name).digest('hex').slice(0, 8);
}

const plainName = /^[a-z0-9-]{1,16}$/;

function shortName(name: string): string {
  return plainName.test(name) ? name : hashName(name);
}

/** The one response header a CDN reads cache tags from, and how it separates them. */
export interface CacheTagHeader {
  readonly name: string;
  readonly separator: string;
}

/**
 * Fastly (and Varnish, the default) read `Surrogate-Key`, space-separated; Cloudflare
 * reads `Cache-Tag` and Bunny `CDN-Tag`, both comma-separated.
 */
export function decideCacheTagHeader(cdn: CdnKind | null): CacheTagHeader {
  switch (cdn) {
    case null:
    case 'fastly':
      return { name: 'surrogate-key', separator: ' ' };
    case 'cloudflare':
      return { name: 'cache-tag', separator: ',' };
    case 'bunny':
      return { name: 'cdn-tag', separator: ',' };
    default:
      return assertNever(cdn);
  }
}

/** Marks a reader response with the tags of what it shows; `site` is always added. */
export function setCacheTags(reply: FastifyReply, tags: readonly string[]): void {
  const all = [...new Set([cacheTags.site, ...tags])];
  reply.cacheTags = all;
  const header = reply.server.cacheTagHeader;
  reply.header(header.name, all.join(header.separator));
}

/** The tags of a response, as set by `setCacheTags`. */
export function readCacheTags(reply: FastifyReply): readonly string[] {
  return reply.cacheTags ?? [];
}
