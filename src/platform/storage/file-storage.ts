/**
 * Where Masthead keeps files (image variants, narration audio). One adapter per backend;
 * the embedded default is `local-disk-storage.ts`.
 *
 * A key is a relative, slash-separated path such as `images/2026/11/{id}/640.jpg`:
 * no empty, `.` or `..` segments, no leading slash, no backslashes.
 */
export interface FileStorage {
  /** Stores `data` under `key`, replacing whatever was there. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The URL readers fetch the file from: a path on this site or a CDN URL. */
  publicUrl(key: string): string;
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
