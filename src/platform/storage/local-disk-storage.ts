import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newSecret } from '../ids.js';
import {
  ensureValidStorageKey,
  toPublicFileUrl,
  type FileBody,
  type FileStorage,
  type StoredFileInfo,
} from './file-storage.js';

/** The folder under the data directory that holds every stored file. */
export function localFilesRoot(dataDir: string): string {
  return path.resolve(dataDir, 'files');
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Half-written files carry this ending until they are complete. */
const temporarySuffix = '.tmp';

export interface LocalDiskStorageDeps {
  readonly dataDir: string;
  /** Public base URL of the files; null serves them from this site. */
  readonly mediaUrl?: string | null;
}

/**
 * The embedded default: files under `${dataDir}/files`. Content types are not stored;
 * whoever serves the files derives them from the extension.
 */
export function createLocalDiskStorage(deps: LocalDiskStorageDeps): FileStorage {
  const root = localFilesRoot(deps.dataDir);
  const mediaUrl = deps.mediaUrl ?? null;

  const pathOf = (key: string): string => {
    ensureValidStorageKey(key);
    return path.join(root, ...key.split('/'));
  };

  // Writes go to a temporary name first, so a reader never sees half a file. A stream can
  // be read only once, so only a Buffer is written again after a lost folder.
  const writeAtomically = async (file: string, body: FileBody): Promise<void> => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${newSecret(6)}${temporarySuffix}`;
    try {
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        createWriteStream(temporary),
      );
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  // Empty folders left by deletions are removed up to the root; a folder that is not
  // empty (or was refilled meanwhile) stops the walk.
  const pruneEmptyFolders = async (file: string): Promise<void> => {
    let folder = path.dirname(file);
    while (folder.startsWith(root + path.sep)) {
      try {
        await rmdir(folder);
      } catch {
        return;
      }
      folder = path.dirname(folder);
    }
  };

  const statOf = async (key: string): Promise<StoredFileInfo | null> => {
    try {
      const info = await stat(pathOf(key));
      if (!info.isFile()) return null;
      return { key, bytes: info.size, etag: null, lastModified: info.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  async function* walk(folder: string, keyPrefix: string): AsyncGenerator<StoredFileInfo> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const key = keyPrefix + entry.name;
      if (entry.isDirectory()) yield* walk(path.join(folder, entry.name), `${key}/`);
      else if (entry.isFile() && !entry.name.endsWith(temporarySuffix)) {
        const info = await statOf(key).catch(() => null);
        if (info !== null) yield info;
      }
    }
  }

  return {
    kind: 'local',

    async put(key, body) {
      const file = pathOf(key);
      try {
        await writeAtomically(file, body);
      } catch (error) {
        // A concurrent delete may have pruned the folder between mkdir and write.
        if (!isMissing(error) || !Buffer.isBuffer(body)) throw error;
        await writeAtomically(file, body);
      }
    },

    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async open(key, range) {
      const file = pathOf(key);
      const stream = createReadStream(file, range);
      // The stream reports a missing file as an error once it opens; wait for that.
      return new Promise((resolve, reject) => {
        stream.once('ready', () => resolve(stream));
        stream.once('error', (error) => (isMissing(error) ? resolve(null) : reject(error)));
      });
    },

    stat: statOf,

    async delete(key) {
      const file = pathOf(key);
      await rm(file, { force: true });
      await pruneEmptyFolders(file);
    },

    async exists(key) {
      return (await statOf(key)) !== null;
    },

    async *list(prefix = '') {
      for await (const info of walk(root, '')) {
        if (info.key.startsWith(prefix)) yield info;
      }
    },

    publicUrl(key) {
      ensureValidStorageKey(key);
      return toPublicFileUrl(key, mediaUrl);
    },
  };
}
