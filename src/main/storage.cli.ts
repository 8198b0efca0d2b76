import type { Config } from '../config/config.js';
import { copyStoredFiles } from '../platform/storage/copy-stored-files.js';
import { createLocalDiskStorage } from '../platform/storage/local-disk-storage.js';
import { createS3Storage } from '../platform/storage/s3-storage.js';

export interface CliOutput {
  out(text: string): void;
  error(text: string): void;
}

const standardOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
};

/**
 * `masthead storage migrate`: copies the files kept on local disk (under the data
 * directory) into the bucket named by MASTHEAD_STORAGE_URL. Safe to run again: files the
 * bucket already holds are left out.
 */
export async function runStorageCommand(
  config: Config,
  sub: string | undefined,
  output: CliOutput = standardOutput,
): Promise<number> {
  if (sub !== 'migrate') {
    output.error('Use: masthead storage migrate\n');
    return 64;
  }
  if (config.storage === null) {
    output.error(
      'Set MASTHEAD_STORAGE_URL to the bucket to copy files into, e.g. s3://bucket/prefix?region=eu-central-1\n',
    );
    return 78;
  }
  const from = createLocalDiskStorage({ dataDir: config.dataDir });
  const to = createS3Storage({ config: config.storage, mediaUrl: config.mediaUrl });
  try {
    const report = await copyStoredFiles(from, to, (key) => output.out(`copied ${key}\n`));
    output.out(
      `Copied ${report.copied} file${report.copied === 1 ? '' : 's'} to s3://${config.storage.bucket}; ` +
        `${report.skipped} already there.\n`,
    );
    return 0;
  } finally {
    to.close();
  }
}
