import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createRenderFlights } from './render-flights.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * One rendered response, compressed once, served many times. The compressed copies are
 * made off the event loop when the page is asked for again; until then it is sent as is.
 */
export interface CachedPage {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  readonly identity: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  readonly tags: ReadonlySet<string>;
  /** Memory the page holds: its bodies, headers and a fixed overhead (the key is added when stored). */
  bytes: number;
  /** When it was stored (ms since the epoch, by the cache's clock); 0 until then. */
  storedAt: number;
  /** Response headers per encoding, made on first use. */
  readonly responseHeaders: Map<string, Record<string, string | number>>;
}

export interface PageCacheOptions {
  readonly maxEntries?: number;
  /** Memory for pages, keys and headers together; least recently used pages go first. */
  readonly maxBytes?: number;
  /**
   * Safety lifetime: a page older than this is rendered afresh, so a lost purge heals by
   * itself. Purges, not this, keep pages current.
   */
  readonly maxAgeMs?: number;
  /** Milliseconds since the epoch; the injected clock in tests. */
  readonly now?: () => number;
}

/** The lifetime of a cached page unless told otherwise: five minutes. */
export const defaultPageMaxAgeMs = 5 * 60 * 1000;

/** A key longer than this is not stored: no real page has such an address. */
export const maxPageKeyLength = 2048;

/**
 * How long a render may be in flight before it is taken to be lost: well above the 2 s a
 * reader waits for one, so a slow render under load is still waited for, not repeated.
 */
const renderFlightLifetimeMs = 10_000;

/** What a stored page costs besides its bytes: the Map entry, the tag set, the objects. */
const entryOverheadBytes = 512;

export interface PageCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly purges: number;
}

/** A rendered body worth compressing; tiny bodies are sent as they are. */
const minCompressBytes = 256;

export function toCachedPage(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  tags: readonly string[],
): CachedPage {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  let headerBytes = 0;
  for (const [name, value] of Object.entries(headers)) headerBytes += name.length + value.length;
  for (const tag of tags) headerBytes += tag.length;
  return {
    status,
    headers,
    etag,
    identity: body,
    gzip: null,
    brotli: null,
    tags: new Set(tags),
    // Headers are held once as given and once per encoding served.
    bytes: body.length + 3 * headerBytes + entryOverheadBytes,
    storedAt: 0,
    responseHeaders: new Map(),
  };
}

/** Makes the gzip and brotli copies of a page on the thread pool, once. */
export async function compressCachedPage(page: CachedPage): Promise<void> {
  if (page.identity.length < minCompressBytes) return;
  const [gzipped, brotlied] = await Promise.all([
    gzipAsync(page.identity, { level: 6 }),
    brotliAsync(page.identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        // A page is tens of kilobytes: a 256 KiB window is plenty and far cheaper than 4 MiB.
        [constants.BROTLI_PARAM_LGWIN]: 18,
        [constants.BROTLI_PARAM_SIZE_HINT]: page.identity.length,
      },
    }),
  ]);
  page.gzip = gzipped;
  page.brotli = brotlied;
  page.bytes += gzipped.length + brotlied.length;
}

/**
 * Rendered reader pages by key (audience and URL), least recently used first out, within
 * a memory bound that counts keys and headers too. A purge by tag drops every page that
 * shows the tagged thing; `epoch` lets a render that raced a purge notice it and not store
 * a stale page; a page past its safety lifetime is dropped when next asked for.
 */
export function createPageCache(options: PageCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 5000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const maxAgeMs = options.maxAgeMs ?? defaultPageMaxAgeMs;
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();
  const compressing = new WeakSet<CachedPage>();
  let bytes = 0;
  let epoch = 0;
  let hits = 0;
  let misses = 0;
  let purges = 0;

  /** Memory of a stored entry: the page and its key (two bytes a character). */
  const costOf = (key: string, page: CachedPage): number => page.bytes + 2 * key.length;

  function remove(key: string): void {
    const page = pages.get(key);
    if (page === undefined) return;
    pages.delete(key);
    bytes -= costOf(key, page);
  }

  // A render lost for this long (it never reached its end) no longer makes readers wait.
  const flights = createRenderFlights(renderFlightLifetimeMs);

  return {
    /** Renders of missing pages in progress, which other readers of the page wait for. */
    flights,

    /** False when the cache is turned off (`MASTHEAD_PAGE_CACHE_MB=0`): nothing is ever stored. */
    get storesPages(): boolean {
      return maxBytes > 0 && maxEntries > 0;
    },

    get(key: string): CachedPage | undefined {
      const page = pages.get(key);
      if (page === undefined || now() - page.storedAt >= maxAgeMs) {
        if (page !== undefined) remove(key);
        misses += 1;
        return undefined;
      }
      hits += 1;
      // Re-insert so the Map's order is least-recently-used first.
      pages.delete(key);
      pages.set(key, page);
      // Compressed on its second request: a page read once is not worth the work.
      if (!compressing.has(page) && page.gzip === null) {
        compressing.add(page);
        const before = page.bytes;
        void compressCachedPage(page).then(() => {
          compressing.delete(page);
          if (pages.get(key) !== page) return;
          bytes += page.bytes - before;
          this.trim();
        });
      }
      return page;
    },

    /** Stores a page unless a purge happened since `renderEpoch` (the render may be stale). */
    set(key: string, page: CachedPage, renderEpoch: number): boolean {
      if (renderEpoch !== epoch || key.length > maxPageKeyLength) return false;
      if (costOf(key, page) > maxBytes) return false;
      remove(key);
      page.storedAt = now();
      pages.set(key, page);
      bytes += costOf(key, page);
      this.trim();
      return true;
    },

    /** Forgets least recently used pages until the cache fits its bounds. */
    trim(): void {
      for (const oldest of pages.keys()) {
        if (pages.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    },

    /** Drops every page showing any of `tags`; the `site` tag drops them all. */
    purge(tags: readonly string[]): number {
      epoch += 1;
      purges += 1;
      if (tags.includes('site')) {
        const count = pages.size;
        pages.clear();
        bytes = 0;
        return count;
      }
      let count = 0;
      for (const [key, page] of pages) {
        if (tags.some((tag) => page.tags.has(tag))) {
          remove(key);
          count += 1;
        }
      }
      return count;
    },

    epoch: (): number => epoch,

    stats: (): PageCacheStats => ({ entries: pages.size, bytes, hits, misses, purges }),
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
