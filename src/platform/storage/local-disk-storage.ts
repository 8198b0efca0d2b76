import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newSecret } from '../ids.js';
import { ensureValidStorageKey, type FileStorage } from './file-storage.js';

/** Files on local disk are served by the web server under this path. */
export const localFilesUrlPrefix = '/content/files/';

/** The folder under the data directory that holds every stored file. */
export function localFilesRoot(dataDir: string): string {
  return path.resolve(dataDir, 'files');
}

/** The public URL of a key on local disk; pure, so renderers can use it without storage. */
export function toLocalFileUrl(key: string): string {
  return localFilesUrlPrefix + key.split('/').map(encodeURIComponent).join('/');
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The embedded default: files under `${dataDir}/files`, served at `/content/files/`.
 * Content types are not stored; the static file server derives them from the extension.
 */
export function createLocalDiskStorage(deps: { dataDir: string }): FileStorage {
  const root = localFilesRoot(deps.dataDir);

  const pathOf = (key: string): string => {
    ensureValidStorageKey(key);
    return path.join(root, ...key.split('/'));
  };

  // Writes go to a temporary name first, so a reader never sees half a file.
  const writeAtomically = async (file: string, data: Buffer): Promise<void> => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${newSecret(6)}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
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

  return {
    async put(key, data) {
      const file = pathOf(key);
      try {
        await writeAtomically(file, data);
      } catch (error) {
        // A concurrent delete may have pruned the folder between mkdir and write.
        if (!isMissing(error)) throw error;
        await writeAtomically(file, data);
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

    async delete(key) {
      const file = pathOf(key);
      await rm(file, { force: true });
      await pruneEmptyFolders(file);
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    publicUrl(key) {
      ensureValidStorageKey(key);
      return toLocalFileUrl(key);
    },
  };
}
