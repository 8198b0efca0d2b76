import { createHash } from 'node:crypto';
import type { FileStorage, StoredFileInfo } from './file-storage.js';

export interface CopyReport {
  readonly copied: number;
  readonly skipped: number;
}

const contentTypes: Readonly<Record<string, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
};

function contentTypeOf(key: string): string {
  const extension = key.split('.').at(-1)?.toLowerCase() ?? '';
  return contentTypes[extension] ?? 'application/octet-stream';
}

/** A whole-object MD5 tag; multipart uploads get `md5-parts` tags, which say nothing alone. */
const isMd5Tag = (etag: string | null): etag is string =>
  etag !== null && /^[0-9a-f]{32}$/.test(etag);

/**
 * Whether `target` already holds the same file: same size, and the same MD5 when the
 * target's tag is one. Files never change under a key, so the size alone is a strong hint.
 */
async function isSameFile(
  source: FileStorage,
  file: StoredFileInfo,
  target: StoredFileInfo | null,
): Promise<boolean> {
  if (target === null || target.bytes !== file.bytes) return false;
  if (!isMd5Tag(target.etag)) return true;
  const stream = await source.open(file.key);
  if (stream === null) return false;
  const hash = createHash('md5');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex') === target.etag;
}

/**
 * Copies every file of `from` into `to`, streaming each one, and leaves out files `to`
 * already holds; safe to run again after an interruption. Nothing is deleted from `from`.
 */
export async function copyStoredFiles(
  from: FileStorage,
  to: FileStorage,
  onCopied: (key: string) => void = () => undefined,
): Promise<CopyReport> {
  let copied = 0;
  let skipped = 0;
  for await (const file of from.list()) {
    if (await isSameFile(from, file, await to.stat(file.key))) {
      skipped += 1;
      continue;
    }
    const body = await from.open(file.key);
    if (body === null) continue;
    await to.put(file.key, body, contentTypeOf(file.key));
    copied += 1;
    onCopied(file.key);
  }
  return { copied, skipped };
}
