import { STATUS_CODES } from 'node:http';
import type { SimpleRequestHead } from '../../platform/http/request-head.js';
import type { PageCache } from './page-cache.js';
import {
  decideCacheKeys,
  decideEncoding,
  findPage,
  headersFor,
  type AudienceOf,
} from './page-cache.plugin.js';

/** Each page's serialised head per encoding, keyed by its headers object (made once per both). */
const heads = new WeakMap<object, Buffer>();
let dateSecond = -1;
let dateLine = Buffer.alloc(0);

/** The `Date` header and the blank line ending a head, made once a second. */
function dateAndEnd(): Buffer {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateLine = Buffer.from(`date: ${new Date(second * 1000).toUTCString()}\r\n\r\n`, 'latin1');
  }
  return dateLine;
}

/**
 * The whole response to a simple request from the page cache, as the connection front
 * writes it (status line, the page's headers, `Date`, body), or null when the cache has
 * no answer: the same keys, encodings and headers as `writeCachedPage` through node:http.
 * Heads are built once per page and encoding.
 */
export function cachedPageBytes(
  cache: PageCache,
  audienceOf: AudienceOf,
  keepAliveSeconds: number,
  request: SimpleRequestHead,
): readonly Buffer[] | null {
  const key = decideCacheKeys(request, audienceOf);
  if (key === null) return null;
  const page = findPage(cache, key);
  if (page === undefined) return null;
  const encoding = decideEncoding(request.headers['accept-encoding']);
  const body =
    (encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : null) ?? page.identity;
  const headers = headersFor(page, encoding, body);
  let head = heads.get(headers);
  if (head === undefined) {
    let text = `HTTP/1.1 ${page.status} ${STATUS_CODES[page.status] ?? ''}\r\n`;
    for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
    text += `connection: keep-alive\r\nkeep-alive: timeout=${keepAliveSeconds}\r\n`;
    head = Buffer.from(text, 'latin1');
    heads.set(headers, head);
  }
  return request.method === 'HEAD' ? [head, dateAndEnd()] : [head, dateAndEnd(), body];
}
