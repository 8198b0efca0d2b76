import { transliterate } from './transliterate.js';

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

const maxSlugLength = 120;

/** A slug made from a headline stops at a word boundary near this length. */
export const generatedSlugLength = 80;

/**
 * The longest path parameter a valid slug can be once percent-encoded (four UTF-8 bytes
 * of three characters each per letter): the router must accept every one.
 */
export const maxEncodedSlugLength = maxSlugLength * 4 * 3;

/** Shortens a slug to at most `max` characters, at the last hyphen when one is near. */
export function cutSlug(slug: string, max = generatedSlugLength): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  const kept = boundary >= max / 2 ? cut.slice(0, boundary) : slug.slice(0, max);
  return kept.replace(/-+$/, '');
}

/**
 * "Kyiv’s Night Trains Run Again!" → "kyivs-night-trains-run-again"; Cyrillic is written
 * in Latin letters (see transliterate.ts), and a long headline is cut at a word boundary.
 */
export function slugify(text: string): string {
  const slug = transliterate(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : cutSlug(slug);
}

export function isValidSlug(slug: string): boolean {
  return (
    /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(slug) && slug.length <= maxSlugLength
  );
}

export function isReservedSlug(slug: string): boolean {
  return reservedSlugs.has(slug);
}

/**
 * The first free slug among `base`, `base-2`, `base-3`… that is not reserved.
 * `isTaken` answers for the table the slug lives in.
 */
export async function decideFreeSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, maxSlugLength - 4)}-${n}`;
    if (!isReservedSlug(candidate) && !(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug near "${base}".`);
}
