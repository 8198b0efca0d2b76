import type { S3StorageConfig } from '../../config/config.js';
import type { FileStorage } from './file-storage.js';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { createS3Storage } from './s3-storage.js';

/** The configured file storage: a bucket when `MASTHEAD_STORAGE_URL` names one, else local disk. */
export function chooseFileStorage(options: {
  readonly storage: S3StorageConfig | null;
  readonly dataDir: string;
  readonly mediaUrl: string | null;
}): { readonly storage: FileStorage; close(): void } {
  if (options.storage !== null) {
    const s3 = createS3Storage({ config: options.storage, mediaUrl: options.mediaUrl });
    return { storage: s3, close: () => s3.close() };
  }
  return {
    storage: createLocalDiskStorage({ dataDir: options.dataDir, mediaUrl: options.mediaUrl }),
    close: () => undefined,
  };
}
