import type { Readable } from 'node:stream';

/** What a file is made of when stored: bytes in memory, or a stream read once, to its end. */
export type FileBody = Buffer | Readable;

/** What storage knows about one stored file without reading it. */
export interface StoredFileInfo {
  readonly key: string;
  readonly bytes: number;
  /** The object's entity tag (quotes removed) where the backend keeps one; null on disk. */
  readonly etag: string | null;
  readonly lastModified: Date | null;
}

/** Inclusive byte positions, as in an HTTP `Range` header. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where Masthead keeps files (image variants, narration audio). One adapter per backend:
 * `local-disk-storage.ts` (the embedded default) and `s3-storage.ts`; chosen at start by
 * `choose-file-storage.ts`.
 *
 * A key is a relative, slash-separated path such as `images/2026/11/{id}/640.jpg`:
 * no empty, `.` or `..` segments, no leading slash, no backslashes.
 */
export interface FileStorage {
  /** `local` or `s3`, for logs and the CLI. */
  readonly kind: 'local' | 's3';
  /**
   * Stores `body` under `key`, replacing whatever was there. A stream is written as it
   * arrives, never gathered whole in memory.
   */
  put(key: string, body: FileBody, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** The file's bytes (or the inclusive `range` of them) as a stream; null when missing. */
  open(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Size and tag of a stored file; null when missing. */
  stat(key: string): Promise<StoredFileInfo | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored file whose key starts with `prefix` (all of them for ''), in no set order. */
  list(prefix?: string): AsyncIterable<StoredFileInfo>;
  /** The URL readers fetch the file from: a path on this site or a CDN URL. */
  publicUrl(key: string): string;
}

/** Stored files are served by Masthead under this path when no media URL is configured. */
export const filesUrlPrefix = '/content/files/';

/**
 * The public URL of a key: under `mediaUrl` (a CDN or bucket domain) when one is set,
 * otherwise on this site. Pure, so renderers can use it without storage.
 */
export function toPublicFileUrl(key: string, mediaUrl: string | null = null): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return mediaUrl === null ? filesUrlPrefix + path : `${mediaUrl}/${path}`;
}

const keySegment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True for a key every adapter accepts; see `FileStorage`. */
export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split('/').every((segment) => keySegment.test(segment) && !segment.includes('..'));
}

/** Throws for a key that could escape the storage root; keys come from code, not readers. */
export function ensureValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) {
    throw new Error(
      `Invalid storage key ${JSON.stringify(key)}: use relative slash-separated names of letters, digits, ".", "_" and "-".`,
    );
  }
}
