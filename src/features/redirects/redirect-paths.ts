/**
 * The rules for the two ends of a redirect. A from-path is always a path of this site —
 * never a URL, so a redirect cannot be made to answer for another host — while the
 * to-URL may leave the site, because only staff write it.
 */

const base = 'http://masthead.invalid';

/**
 * Paths redirects never take over: the CMS and the APIs answer these themselves, and
 * stored files keep their address for ever (an old Ghost `/content/images/…` may redirect).
 */
const ownedPrefixes = ['/api', '/admin', '/content/files'];

/** A path as redirects compare it: percent-encoded, dot segments resolved, no trailing slash. */
export function toCanonicalPath(path: string): string {
  const trimmed = new URL(path, base).pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function isOwnedPath(path: string): boolean {
  return ownedPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export type Parsed =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const fail = (message: string): Parsed => ({ ok: false, message });

/** A from-path as staff typed it, in the form it is stored and looked up in. */
export function parseFromPath(raw: string): Parsed {
  const text = raw.trim();
  if (text === '') return fail('is required');
  if (!text.startsWith('/') || text.startsWith('//')) {
    return fail('must be a path of this site, starting with a single /');
  }
  if (/[\s\\#]/.test(text)) return fail('cannot hold spaces, backslashes or a #fragment');
  if (text.length > 500) return fail('is longer than 500 characters');
  const queryAt = text.indexOf('?');
  const path = toCanonicalPath(queryAt < 0 ? text : text.slice(0, queryAt));
  if (isOwnedPath(path)) return fail('is a path of the CMS or the API, which keep their own');
  let query = '';
  if (queryAt >= 0 && queryAt < text.length - 1) {
    const params = [...new URLSearchParams(text.slice(queryAt + 1))];
    if (params.length !== 1) return fail('may end in one query parameter only, such as ?p=123');
    query = `?${new URLSearchParams(params).toString()}`;
  }
  if (path === '/' && query === '') return fail('cannot be the front page itself');
  return { ok: true, value: `${path}${query}` };
}

/** A to-URL as staff typed it: a path of this site, or an absolute http(s) URL. */
export function parseToUrl(raw: string, siteUrl: string): Parsed {
  const text = raw.trim();
  if (text === '') return fail('is required');
  if (text.length > 2000) return fail('is longer than 2,000 characters');
  if (/\s/.test(text)) return fail('cannot hold spaces');
  if (text.startsWith('/') && !text.startsWith('//')) {
    const url = new URL(text, base);
    return { ok: true, value: `${url.pathname}${url.search}${url.hash}` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('must be a path of this site (/new-page) or a full address (https://…)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('must be a path of this site (/new-page) or a full address (https://…)');
  }
  if (url.origin === new URL(siteUrl).origin) {
    return { ok: true, value: `${url.pathname}${url.search}${url.hash}` };
  }
  return { ok: true, value: url.href };
}

/** True when a stored to-URL stays on this site. */
export function isSitePath(toUrl: string): boolean {
  return toUrl.startsWith('/') && !toUrl.startsWith('//');
}

/**
 * The from-paths a request could match, most specific first: the path with each of its
 * first query parameters (`/?p=123`), then the path alone.
 */
export function toLookupKeys(path: string, search: string): string[] {
  const canonical = toCanonicalPath(path);
  const keys: string[] = [];
  const params = [...new URLSearchParams(search)].slice(0, 5);
  for (const param of params) keys.push(`${canonical}?${new URLSearchParams([param]).toString()}`);
  keys.push(canonical);
  return keys;
}

/** The lookup keys of a stored to-URL that stays on this site; none for another site. */
export function toLookupKeysOfTarget(toUrl: string): string[] {
  if (!isSitePath(toUrl)) return [];
  const url = new URL(toUrl, base);
  return toLookupKeys(url.pathname, url.search);
}

/**
 * True when following `toUrl` through the redirects (`next` gives a from-path's target)
 * comes back to `fromPath`: saving it would send readers round in a circle.
 */
export function isRedirectLoop(
  fromPath: string,
  toUrl: string,
  next: (fromPath: string) => string | undefined,
): boolean {
  let target: string | undefined = toUrl;
  const seen = new Set<string>();
  for (let hop = 0; hop < 50 && target !== undefined; hop += 1) {
    const keys = toLookupKeysOfTarget(target);
    if (keys.includes(fromPath)) return true;
    const key = keys.find((candidate) => next(candidate) !== undefined);
    if (key === undefined || seen.has(key)) return false;
    seen.add(key);
    target = next(key);
  }
  return false;
}
