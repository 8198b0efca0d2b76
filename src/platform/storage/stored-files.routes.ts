import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../errors.js';
import { decideByteRange } from './byte-range.js';
import { filesUrlPrefix, isValidStorageKey, type FileStorage } from './file-storage.js';

export interface StoredFilesRoutesDeps {
  readonly storage: FileStorage;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** A stored key never gets new bytes (a changed file gets a new key), so caches keep it a year. */
const cacheControl = 'public, max-age=31536000, immutable';

const privatePrefix = 'private/';

/** The storage key in a request path, or null when it is not one. */
function toKey(url: string): string | null {
  const pathname = url.split('?')[0] ?? '';
  try {
    const key = pathname.slice(filesUrlPrefix.length).split('/').map(decodeURIComponent).join('/');
    // Keys under `private/` (e.g. a gated article's whole audio) are served by their own
    // routes after an access check, never here.
    return isValidStorageKey(key) && !key.startsWith(privatePrefix) ? key : null;
  } catch {
    return null;
  }
}

/**
 * Serves stored files at `/content/files/*` from whichever storage is configured (local
 * disk or a bucket), with single byte ranges for audio players and a year-long cache
 * lifetime. Not needed when `MASTHEAD_MEDIA_URL` points readers elsewhere, but kept so
 * links made before it was set go on working.
 */
export function storedFilesRoutes(deps: StoredFilesRoutesDeps): FastifyPluginAsync {
  const { storage } = deps;
  return async (app) => {
    app.get(`${filesUrlPrefix}*`, { schema: { hide: true } }, async (request, reply) => {
      const key = toKey(request.url);
      const info = key === null ? null : await storage.stat(key);
      if (key === null || info === null) throw notFound('That file');

      const etag = `"${info.etag ?? `${info.bytes.toString(16)}-${(info.lastModified?.getTime() ?? 0).toString(16)}`}"`;
      reply
        .header('cache-control', cacheControl)
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        // The Content API hands these URLs to other sites: they may embed the files.
        .header('cross-origin-resource-policy', 'cross-origin')
        .type(contentTypes[path.extname(key).toLowerCase()] ?? 'application/octet-stream');
      if (info.lastModified !== null)
        reply.header('last-modified', info.lastModified.toUTCString());
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();

      const decision = decideByteRange(request.headers.range, info.bytes);
      if (decision.kind === 'unsatisfiable') {
        return reply
          .status(416)
          .header('content-range', `bytes */${info.bytes}`)
          .type('text/plain; charset=utf-8')
          .send('That part of the file does not exist.');
      }
      const range = decision.kind === 'part' ? decision.range : undefined;
      const body = await storage.open(key, range);
      if (body === null) throw notFound('That file');
      if (range !== undefined) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${info.bytes}`)
          .header('content-length', range.end - range.start + 1);
      } else {
        reply.header('content-length', info.bytes);
      }
      return reply.send(body);
    });
  };
}
