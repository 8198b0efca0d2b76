import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface S3TestServer {
  /** The `http://127.0.0.1:port` endpoint of the server. */
  readonly endpoint: string;
  readonly bucket: string;
  /** Environment for `loadConfig` that stores files in the bucket under `prefix`. */
  env(prefix: string): Record<string, string>;
  close(): Promise<void>;
}

/** A real S3-compatible server (s3rver) in this process, on a free port, with one bucket. */
export async function startS3TestServer(bucket = 'newsroom-files'): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'masthead-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: (prefix) => ({
      MASTHEAD_STORAGE_URL: `s3://${bucket}/${prefix}?region=us-east-1&endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true`,
      // s3rver's fixed test credentials.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
