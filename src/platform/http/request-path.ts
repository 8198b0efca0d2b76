import type { FastifyRequest } from 'fastify';

/**
 * The path of a request target as the router matches it. Rules that depend on the path
 * (CSRF, who may call what, what the page cache stores) must read this, never the raw URL:
 * `/api/%61dmin/staff` is routed to `/api/admin/staff`, and `http://host/search` to `/search`.
 *
 * Like the router, it decodes percent-escapes except those of characters that separate
 * parts of a URL (`/ ? # % & = + ; : , @ $`): `/tag%2Fclimate` stays one segment. Their hex
 * is upper-cased, so two spellings of one routing give one path. Null when the target
 * cannot be decoded (the router answers those with 400).
 */
export function toRoutedPath(rawUrl: string): string | null {
  let target = rawUrl;
  if (!target.startsWith('/')) {
    const absolute = /^https?:\/\/[^/?#]+/i.exec(target);
    if (absolute === null) return null;
    target = target.slice(absolute[0].length);
    if (!target.startsWith('/')) target = `/${target}`;
  }
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  if (!path.includes('%')) return path;
  try {
    // decodeURI keeps reserved escapes as they are, except %25, which it must keep too.
    return decodeURI(path.replace(/%25/g, '%2525')).replace(/%[0-9a-f]{2}/gi, (escape) =>
      escape.toUpperCase(),
    );
  } catch {
    return null;
  }
}

/** The query string of a request target, without its `?` ('' when there is none). */
export function queryOf(rawUrl: string): string {
  const start = rawUrl.indexOf('?');
  if (start === -1) return '';
  const end = rawUrl.indexOf('#', start);
  return end === -1 ? rawUrl.slice(start + 1) : rawUrl.slice(start + 1, end);
}

/**
 * The path a request was routed by: the matched route's pattern (`/api/admin/staff/:id`),
 * or, when no route matched, the routed path. Decide path-based rules on this.
 */
export function routedPathOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? toRoutedPath(request.url) ?? request.url;
}

/** True when `path` is `prefix` or lies under it as whole segments (`/api` ≠ `/apiary`). */
export function isUnderPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
