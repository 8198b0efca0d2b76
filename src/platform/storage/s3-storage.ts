import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { S3StorageConfig } from '../../config/config.js';
import {
  ensureValidStorageKey,
  toPublicFileUrl,
  type FileStorage,
  type StoredFileInfo,
} from './file-storage.js';

export interface S3StorageDeps {
  readonly config: S3StorageConfig;
  /** Public base URL of the files (a CDN or the bucket's domain); null serves them from this site. */
  readonly mediaUrl: string | null;
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}

const withoutQuotes = (etag: string | undefined): string | null =>
  etag === undefined ? null : etag.replace(/^"|"$/g, '');

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2 …), under
 * an optional key prefix. Puts stream through multipart uploads, so a large file is never
 * held whole in memory; files are stored with their content type and a year-long,
 * immutable cache lifetime, because a stored key never gets new bytes.
 */
export function createS3Storage(deps: S3StorageDeps): FileStorage & { close: () => void } {
  const { config } = deps;
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    // Checksums only where S3 demands them: several S3-compatible services refuse the
    // newer streaming checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.endpoint === null ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === null
      ? {}
      : {
          credentials: {
            accessKeyId: config.credentials.accessKeyId,
            secretAccessKey: config.credentials.secretAccessKey,
            ...(config.credentials.sessionToken === null
              ? {}
              : { sessionToken: config.credentials.sessionToken }),
          },
        }),
  });
  const bucketPrefix = config.prefix === '' ? '' : `${config.prefix}/`;

  const objectKey = (key: string): string => {
    ensureValidStorageKey(key);
    return bucketPrefix + key;
  };

  const stat = async (key: string): Promise<StoredFileInfo | null> => {
    try {
      const head = await client.send(
        new HeadObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }),
      );
      return {
        key,
        bytes: head.ContentLength ?? 0,
        etag: withoutQuotes(head.ETag),
        lastModified: head.LastModified ?? null,
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  const open = async (
    key: string,
    range?: { start: number; end: number },
  ): Promise<Readable | null> => {
    try {
      const object = await client.send(
        new GetObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      const body = object.Body;
      if (body instanceof Readable) return body;
      if (body === undefined) return Readable.from([]);
      return Readable.from(Buffer.from(await body.transformToByteArray()));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    kind: 's3',

    async put(key, body, contentType) {
      const upload = new Upload({
        client,
        params: {
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        },
        // Two 5 MB parts in flight at most: a large file costs 10 MB of memory, not its size.
        queueSize: 2,
      });
      await upload.done();
    },

    async get(key) {
      const stream = await open(key);
      if (stream === null) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },

    open,
    stat,

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },

    async exists(key) {
      return (await stat(key)) !== null;
    },

    async *list(prefix = '') {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: config.bucket,
            Prefix: bucketPrefix + prefix,
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          yield {
            key: object.Key.slice(bucketPrefix.length),
            bytes: object.Size ?? 0,
            etag: withoutQuotes(object.ETag),
            lastModified: object.LastModified ?? null,
          };
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },

    publicUrl(key) {
      ensureValidStorageKey(key);
      return toPublicFileUrl(key, deps.mediaUrl);
    },

    close: () => client.destroy(),
  };
}
