import { maxSlugLength } from '../../platform/free-slug.js';

/**
 * Slugs are the public names of posts, tags and authors in URLs. System paths are
 * reserved so a post can never shadow a page of the site.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'account',
  'amp',
  'assets',
  'author',
  'content',
  'donate',
  'email',
  'feed',
  'gift',
  'healthz',
  'membership',
  'metrics',
  'news-feed',
  'news-sitemap.xml',
  'newsletters',
  'page',
  'podcast',
  'preview',
  'robots.txt',
  'rss',
  'search',
  'signin',
  'signout',
  'sitemap.xml',
  'static',
  'tag',
  'unsubscribe',
  'webhooks',
]);

/** "Kyiv’s Night Trains Run Again!" → "kyivs-night-trains-run-again". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '');
  return slug === '' ? 'untitled' : slug;
}

export function isValidSlug(slug: string): boolean {
  return (
    /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(slug) && slug.length <= maxSlugLength
  );
}

export function isReservedSlug(slug: string): boolean {
  return reservedSlugs.has(slug);
}
