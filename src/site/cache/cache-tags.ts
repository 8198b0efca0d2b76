import type { FastifyReply } from 'fastify';

/**
 * Names for what a page shows. A reader response lists them in `Surrogate-Key` (Fastly),
 * `Cache-Tag` (Cloudflare) and `CDN-Tag` (Bunny); the page cache and a CDN purge by them
 * when content changes.
 */
export const cacheTags = {
  /** Everything: site settings, navigation, the design. */
  site: 'site',
  /** Any list of posts: front page, sections, authors, feeds, sitemaps, search. */
  postLists: 'posts',
  post: (id: string): string => `post:${id}`,
  tag: (slug: string): string => `tag:${slug}`,
  author: (slug: string): string => `author:${slug}`,
  /** The live news feed and every page that shows its widget. */
  newsFeed: 'news-feed',
  editorsPicks: 'editors-picks',
} as const;

/** Marks a reader response with the tags of what it shows; `site` is always added. */
export function setCacheTags(reply: FastifyReply, tags: readonly string[]): void {
  const all = [...new Set([cacheTags.site, ...tags])];
  reply.header('surrogate-key', all.join(' '));
  reply.header('cache-tag', all.join(','));
  reply.header('cdn-tag', all.join(','));
}

/** The tags of a response, as set by `setCacheTags`. */
export function readCacheTags(reply: FastifyReply): string[] {
  const header = reply.getHeader('surrogate-key');
  return typeof header === 'string' && header !== '' ? header.split(' ') : [];
}
