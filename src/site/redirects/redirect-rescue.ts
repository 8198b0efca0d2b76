import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { RedirectService } from '../../features/redirects/redirect.service.js';
import { isOwnedPath, toCanonicalPath } from '../../features/redirects/redirect-paths.js';
import { cacheTags, setCacheTags } from '../cache/cache-tags.js';
import { sitePaths } from '../site-urls.js';
import { hasTrailingSlash, toOldLinkSlug } from './old-links.js';

export interface OldLinkDeps {
  readonly redirects: Pick<RedirectService, 'findTarget'>;
  /** The live post an article slug (current or former) leads to. */
  readonly findLivePost: (slug: string) => Promise<{ id: string; slug: string } | null>;
}

/** Where an old link goes, and the cache tags of that answer. */
export interface OldLinkTarget {
  readonly location: string;
  readonly status: 301 | 302;
  readonly tags: readonly string[];
}

function splitUrl(url: string): { path: string; search: string } {
  const at = url.indexOf('?');
  return at < 0 ? { path: url, search: '' } : { path: url.slice(0, at), search: url.slice(at + 1) };
}

/**
 * Where a reader path that found no page goes, in one hop: a staff-made redirect first,
 * then an old link to a live article, then the path without its trailing slash. Null when
 * the path is simply unknown (the reader gets the 404 page).
 */
export async function decideOldLinkTarget(
  url: string,
  deps: OldLinkDeps,
): Promise<OldLinkTarget | null> {
  const { path, search } = splitUrl(url);
  let canonical: string;
  try {
    canonical = toCanonicalPath(path);
  } catch {
    return null;
  }
  if (isOwnedPath(canonical)) return null;
  const query = search === '' ? '' : `?${search}`;
  const stored = await deps.redirects.findTarget(canonical, search);
  if (stored !== null) return { ...stored, tags: [cacheTags.redirects] };
  const slug = toOldLinkSlug(canonical, hasTrailingSlash(path));
  if (slug !== null) {
    const post = await deps.findLivePost(slug);
    if (post !== null) {
      return {
        location: `${sitePaths.article(post.slug)}${query}`,
        status: 301,
        tags: [cacheTags.redirects, cacheTags.post(post.id)],
      };
    }
  }
  if (canonical !== path) {
    return { location: `${canonical}${query}`, status: 301, tags: [cacheTags.redirects] };
  }
  return null;
}

/** Sends a redirect that the page cache and a CDN keep like a page, tagged for purging. */
export function sendRedirect(
  request: FastifyRequest,
  reply: FastifyReply,
  target: OldLinkTarget,
): FastifyReply {
  // The page cache keys a page by the query its route declares; a redirect that depends
  // on the request's own query (kept, or matched as `?p=123`) is left to URL-keyed caches.
  if (request.url.includes('?')) request.pageCacheKey = null;
  if (request.actor === null) {
    reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=30');
    setCacheTags(reply, target.tags);
  } else {
    reply.header('cache-control', 'private, no-store');
  }
  // An empty body rather than none, so the page cache stores the answer like a page.
  return reply.code(target.status).header('location', target.location).send('');
}

/**
 * Gives a reader's 404 one chance to be an old link instead. Returns true when it
 * answered with a redirect.
 */
export function createOldLinkRescue(deps: OldLinkDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    let target: OldLinkTarget | null;
    try {
      target = await decideOldLinkTarget(request.url, deps);
    } catch (error) {
      // The reader still gets the page-not-found answer they would have had.
      request.log.error({ err: error }, 'redirect look-up failed');
      return false;
    }
    if (target === null) return false;
    sendRedirect(request, reply, target);
    return true;
  };
}

/**
 * WordPress's `/?p=123` links land on the front page, which exists, so they never 404:
 * the front page checks the redirects table for them first.
 */
export const legacyQueryRedirects = fastifyPlugin(
  async (app: FastifyInstance, deps: Pick<OldLinkDeps, 'redirects'>) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      const url = request.url;
      if (!url.startsWith('/?') || url.length < 4) return undefined;
      const target = await deps.redirects.findTarget('/', url.slice(2));
      if (target === null) return undefined;
      return sendRedirect(request, reply, { ...target, tags: [cacheTags.redirects] });
    });
  },
  { name: 'masthead-legacy-query-redirects', fastify: '5.x' },
);
