import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { isUnderPath, queryOf, toRoutedPath } from '../../platform/http/request-path.js';
import { readCacheTags } from './cache-tags.js';
import { maxPageKeyLength, toCachedPage, type CachedPage, type PageCache } from './page-cache.js';
import { waitForLanding, type RenderFlight } from './render-flights.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this reader request may be served from, and stored in, the page cache. */
    pageCacheKey: CacheKeys | null;
    pageCacheEpoch: number;
    /** Set by a page that differs by audience (a gated article). */
    pageVariesByAudience: boolean;
    /** Set when this request renders a missing page that other readers wait for. */
    pageCacheFlight: RenderFlight | null;
  }
  interface FastifyContextConfig {
    /**
     * Makes a reader route's anonymous pages cacheable, naming the query parameters its
     * response depends on (`['page']`); any other parameter is ignored for the cache, so
     * `/?bust=1` is the front page and stores nothing new. Routes without it are never stored.
     */
    pageCache?: PageCacheRule;
  }
}

export interface PageCacheRule {
  readonly query: readonly string[];
}

/** Route config for a cacheable reader page: `{ config: cacheablePage(['page']) }`. */
export function cacheablePage(query: readonly string[] = []): { pageCache: PageCacheRule } {
  return { pageCache: { query } };
}

/** The audience of a raw request, read without the database; null keeps the cache out. */
export type AudienceOf = (headers: IncomingMessage['headers']) => string | null;

export interface PageCachePluginOptions {
  readonly cache: PageCache;
  /** Staff, API tokens and untrusted member cookies give null: never served from the cache. */
  readonly audienceOf: AudienceOf;
}

/** Where a request's page may be found: shared by every audience, or its audience's own. */
export interface CacheKeys {
  readonly audience: string;
  readonly shared: string;
  readonly own: string;
}

/**
 * Paths that are never reader pages, or must never be cached: a whole path segment, so
 * `/admin` and `/admin/…` are excluded but an article at `/administration-reform` is not.
 * Only routes that declare `pageCache` are stored at all; this list keeps the fast path
 * from even looking these up.
 */
const uncachedSegments = [
  '/api',
  '/admin',
  '/account',
  '/signin',
  '/signout',
  '/assets',
  '/content',
  '/healthz',
  '/metrics',
  '/preview',
  '/news-feed/live',
  '/search',
];

function isUncachedPath(path: string): boolean {
  return uncachedSegments.some((segment) => isUnderPath(path, segment));
}

/**
 * How long a reader waits for another reader's render of the page they asked for before
 * rendering it themselves.
 */
const flightWaitMs = 2_000;

/** Pages, and the redirects of old links, which are as cacheable as the pages they lead to. */
const storedStatuses = new Set([200, 301, 302]);

/** Response headers that describe one response only, not the page. */
const perResponseHeaders = new Set([
  'set-cookie',
  'content-length',
  'date',
  'etag',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** The part of a key after the audience: the path as routed and the query that counts. */
function toPageKey(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

function toCacheKeys(audience: string, page: string): CacheKeys {
  return { audience, shared: `all ${page}`, own: `${audience} ${page}` };
}

/**
 * The cache keys of a raw reader request as if its whole query mattered, or null when it
 * must not be answered from the cache. The path is the routed one, so `/%73earch` is
 * `/search`. A page the same for every audience is stored once under `shared`; a page
 * that differs (a gated article) under its audience's `own` key. A query the page ignores
 * misses here and is answered by the plugin's route-aware lookup.
 */
export function decideCacheKeys(
  request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  audienceOf: AudienceOf,
): CacheKeys | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = request.url ?? '/';
  if (url.length > maxPageKeyLength) return null;
  const path = toRoutedPath(url);
  if (path === null || isUncachedPath(path)) return null;
  const audience = audienceOf(request.headers);
  if (audience === null) return null;
  return toCacheKeys(audience, toPageKey(path, queryOf(url)));
}

/**
 * The keys of a request to a cacheable route: only the declared parameters, in declared
 * order, count. Null when a parameter is repeated (no page reads a list) or the route is
 * not cacheable. Before validation the values are as sent; after it, as understood
 * (`page=02` is stored as `page=2`).
 */
export function decideRouteCacheKeys(request: FastifyRequest, audience: string): CacheKeys | null {
  const rule = request.routeOptions.config.pageCache;
  if (rule === undefined) return null;
  const path = toRoutedPath(request.url);
  if (path === null || isUncachedPath(path)) return null;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const name of rule.query) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  const page = toPageKey(path, parts.join('&'));
  return page.length > maxPageKeyLength ? null : toCacheKeys(audience, page);
}

export function findPage(cache: PageCache, keys: CacheKeys): CachedPage | undefined {
  return cache.get(keys.shared) ?? cache.get(keys.own);
}

/** The best encoding the client accepts of the ones cached pages come in. */
export function decideEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (acceptEncoding === undefined || acceptEncoding === '') return null;
  let decided = encodingByHeader.get(acceptEncoding);
  if (decided === undefined) {
    decided = acceptsBrotli.test(acceptEncoding)
      ? 'br'
      : acceptsGzip.test(acceptEncoding)
        ? 'gzip'
        : null;
    // Browsers send a handful of distinct headers; remember them, within reason.
    if (encodingByHeader.size < 256) encodingByHeader.set(acceptEncoding, decided);
  }
  return decided;
}

const acceptsCoding = (name: string): RegExp =>
  new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[0-9.]+)?\\s*(,|$)`);
const acceptsBrotli = acceptsCoding('br');
const acceptsGzip = acceptsCoding('gzip');
const encodingByHeader = new Map<string, 'br' | 'gzip' | null>();

/** The response headers of a cached page in one encoding, built once per page and encoding. */
export function headersFor(
  page: CachedPage,
  encoding: 'br' | 'gzip' | null,
  body: Buffer,
): Record<string, string | number> {
  const key = body === page.identity ? 'identity' : (encoding ?? 'identity');
  let headers = page.responseHeaders.get(key);
  if (headers === undefined) {
    headers = { ...page.headers, etag: page.etag, 'content-length': body.length, 'x-cache': 'HIT' };
    if (key !== 'identity') headers['content-encoding'] = key;
    page.responseHeaders.set(key, headers);
  }
  return headers;
}

/** Writes a cached page straight to the socket: the hot path of a breaking-news spike. */
export function writeCachedPage(
  request: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
): void {
  if (request.headers['if-none-match'] === page.etag) {
    res.writeHead(304, {
      etag: page.etag,
      'cache-control': page.headers['cache-control'] ?? '',
      vary: page.headers.vary ?? '',
    });
    res.end();
    return;
  }
  const encoding = decideEncoding(request.headers['accept-encoding']);
  const body =
    (encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : null) ?? page.identity;
  res.writeHead(page.status, headersFor(page, encoding, body));
  res.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * The page cache in front of the reader site. Anonymous GETs are answered from memory
 * when possible; otherwise the rendered page is stored on its way out, tagged with what it
 * shows, and compressed once.
 */
export const pageCachePlugin = fastifyPlugin(
  async (app: FastifyInstance, options: PageCachePluginOptions) => {
    const { cache } = options;
    app.decorateRequest('pageCacheKey', null);
    app.decorateRequest('pageCacheEpoch', 0);
    app.decorateRequest('pageVariesByAudience', false);
    app.decorateRequest('pageCacheFlight', null);
    const flights = cache.flights;
    const land = (request: FastifyRequest, stored: boolean): void => {
      if (request.pageCacheFlight === null) return;
      flights.land(request.pageCacheFlight, stored);
      request.pageCacheFlight = null;
    };

    app.addHook('onRequest', async (request, reply) => {
      const raw = decideCacheKeys(request.raw, options.audienceOf);
      if (raw === null) return;
      const key = decideRouteCacheKeys(request, raw.audience);
      if (key === null) return;
      let page = findPage(cache, key);
      // A reader is rendering this page for this audience: wait for that render instead.
      // When it stores nothing (a 404, a private page), each waiting reader renders its own.
      if (page === undefined && cache.storesPages) {
        const claim = flights.claim(key.own);
        if (claim.kind === 'leader') request.pageCacheFlight = claim.flight;
        else if (await waitForLanding(claim.flight, flightWaitMs)) page = findPage(cache, key);
      }
      if (page !== undefined) {
        reply.hijack();
        writeCachedPage(request.raw, reply.raw, page);
        return reply;
      }
      request.pageCacheKey = key;
      request.pageCacheEpoch = cache.epoch();
      return undefined;
    });

    /** Stores a rendered reader page when it may be stored; the payload to send. */
    const store = (
      request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
    ): { sent: unknown; stored: boolean } => {
      const unstored = { sent: payload, stored: false };
      const asked = request.pageCacheKey;
      if (asked === null || !storedStatuses.has(reply.statusCode) || request.actor !== null) {
        return unstored;
      }
      // Keyed by the query as validated, so spellings of one page share one entry.
      const key = decideRouteCacheKeys(request, asked.audience);
      if (key === null) return unstored;
      const cacheControl = reply.getHeader('cache-control');
      if (typeof cacheControl !== 'string') return unstored;
      // The audience the application checked (the session, not the cookie's claim).
      const audience = request.memberSession?.entitlement ?? 'anonymous';
      const varies = request.pageVariesByAudience;
      if (audience !== key.audience) return unstored;
      if (!cacheControl.startsWith('public') && !(varies && cacheControl.startsWith('private'))) {
        return unstored;
      }
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return unstored;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value === undefined || perResponseHeaders.has(name)) continue;
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      // No `Vary: Cookie`: a CDN keeps one anonymous copy and passes member requests by
      // their cookie (see the README); here the audience is in the key.
      headers.vary = 'Accept-Encoding';
      const page = toCachedPage(reply.statusCode, headers, body, readCacheTags(reply));
      // Refused when a purge came during the render: the page may be stale.
      const stored = cache.set(varies ? key.own : key.shared, page, request.pageCacheEpoch);
      reply.header('etag', page.etag);
      reply.header('vary', 'Accept-Encoding');
      reply.header('x-cache', 'MISS');
      // The bytes just made: sending the string would encode it a second time.
      return { sent: body, stored };
    };

    app.addHook('onSend', async (request, reply, payload) => {
      const { sent, stored } = store(request, reply, payload);
      // The render is over: readers waiting for it are answered from the cache, or, when it
      // stored nothing (a 404, a private page, a purge meanwhile), render their own.
      land(request, stored);
      return sent;
    });

    // Backstops for a render that never reached onSend.
    app.addHook('onResponse', async (request) => land(request, false));
    app.addHook('onRequestAbort', async (request) => land(request, false));
  },
  { name: 'masthead-page-cache', fastify: '5.x' },
);

/**
 * Answers a request from the page cache before Fastify sees it, when it can; the server
 * calls this first for every request. Returns false to let Fastify handle the request.
 */
export function tryServeFromPageCache(
  cache: PageCache,
  audienceOf: AudienceOf,
  request: IncomingMessage,
  res: ServerResponse,
): boolean {
  const key = decideCacheKeys(request, audienceOf);
  if (key === null) return false;
  const page = findPage(cache, key);
  if (page === undefined) return false;
  writeCachedPage(request, res, page);
  return true;
}
