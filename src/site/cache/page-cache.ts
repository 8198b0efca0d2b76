import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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
  bytes: number;
  /** Response headers per encoding, made on first use. */
  readonly responseHeaders: Map<string, Record<string, string | number>>;
}

export interface PageCacheOptions {
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

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
  return {
    status,
    headers,
    etag,
    identity: body,
    gzip: null,
    brotli: null,
    tags: new Set(tags),
    bytes: body.length,
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
 * Rendered reader pages by key (audience and URL), least recently used first out.
 * A purge by tag drops every page that shows the tagged thing; `epoch` lets a render that
 * raced a purge notice it and not store a stale page.
 */
export function createPageCache(options: PageCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 5000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const pages = new Map<string, CachedPage>();
  const compressing = new WeakSet<CachedPage>();
  let bytes = 0;
  let epoch = 0;
  let hits = 0;
  let misses = 0;
  let purges = 0;

  function remove(key: string): void {
    const page = pages.get(key);
    if (page === undefined) return;
    pages.delete(key);
    bytes -= page.bytes;
  }

  return {
    get(key: string): CachedPage | undefined {
      const page = pages.get(key);
      if (page === undefined) {
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
        void compressCachedPage(page).then(() => {
          compressing.delete(page);
          if (pages.get(key) !== page) return;
          bytes += page.bytes - page.identity.length;
          this.trim();
        });
      }
      return page;
    },

    /** Stores a page unless a purge happened since `renderEpoch` (the render may be stale). */
    set(key: string, page: CachedPage, renderEpoch: number): boolean {
      if (renderEpoch !== epoch || page.bytes > maxBytes) return false;
      remove(key);
      pages.set(key, page);
      bytes += page.bytes;
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
