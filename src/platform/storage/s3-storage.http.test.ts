import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { startS3TestServer, type S3TestServer } from '../../../test/support/s3-test-server.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { loadConfig } from '../../config/config.js';
import { renderDemoImage } from '../../features/content/media-demo-images.js';
import { runStorageCommand } from '../../main/storage.cli.js';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { FileStorage } from './file-storage.js';

interface MediaBody {
  id: string;
  variants: { key: string; url: string; bytes: number }[];
}

async function keysIn(storage: FileStorage, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of storage.list(prefix)) keys.push(file.key);
  return keys.sort();
}

function form(name: string, data: Buffer, alt: string): FormData {
  const body = new FormData();
  body.append('alt', alt);
  body.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
  return body;
}

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3TestServer();
});
afterAll(() => s3.close());

describeEachEngine('files in an S3 bucket', (ctx, engine) => {
  const mediaUrl = 'https://media.news.test';
  let t: TestApp;
  let bucket: FileStorage & { close: () => void };
  let editor: { token: string; slug: string };

  beforeAll(async () => {
    const env = { ...s3.env(`site-${engine}`), MASTHEAD_MEDIA_URL: mediaUrl };
    t = await createTestApp(ctx.handle, env);
    const config = loadConfig({ ...env, MASTHEAD_DATA_DIR: t.dataDir });
    if (config.storage === null) throw new Error('The test storage URL was not read.');
    bucket = createS3Storage({ config: config.storage, mediaUrl });
    editor = await t.tokenFor('editor');
  });
  afterAll(async () => {
    bucket.close();
    await t.close();
  });

  const api = (method: 'POST' | 'DELETE' | 'GET', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${editor.token}` },
      ...(payload === undefined ? {} : { payload: payload as FormData }),
    });

  it('puts an uploaded image’s renditions in the bucket, links the article to the media URL, and deletes them with the image', async () => {
    const png = await renderDemoImage({ width: 700, height: 400, seed: 7, label: 'bucket' });
    const upload = await api('POST', '/api/admin/media', form('harbour.png', png, 'A harbour'));
    expect(upload.statusCode, upload.body).toBe(201);
    const media = upload.json<MediaBody>();

    const stored = await keysIn(bucket, `images/`);
    expect(stored).toEqual(media.variants.map((variant) => variant.key).sort());
    expect(stored).toHaveLength(6);
    for (const variant of media.variants) {
      expect(variant.url).toBe(`${mediaUrl}/${variant.key}`);
      expect((await bucket.stat(variant.key))?.bytes).toBe(variant.bytes);
    }

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Ferries run on time again',
        markdown: 'The harbour reopened.',
        authors: [editor.slug],
        feature_image: { media_id: media.id, alt: 'A harbour' },
        status: 'published',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json<{ post: { id: string; slug: string } }>().post;
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    const jpeg640 = media.variants.find((variant) => variant.key.endsWith('/640.jpg'));
    expect(page.body).toContain(`${mediaUrl}/${jpeg640?.key ?? 'missing'} 640w`);
    expect(page.body).not.toContain('/content/files/');

    // Without a media URL Masthead serves the same object itself, ranges included.
    const served = await t.app.inject({
      method: 'GET',
      url: `/content/files/${jpeg640?.key ?? ''}`,
      headers: { range: 'bytes=0-9' },
    });
    expect(served.statusCode).toBe(206);
    expect(served.headers['content-range']).toBe(`bytes 0-9/${jpeg640?.bytes ?? 0}`);
    expect(served.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    expect((await api('DELETE', `/api/admin/posts/${post.id}`)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/admin/bin/${post.id}`)).statusCode).toBe(204);
    const deleted = await api('DELETE', `/api/admin/media/${media.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await keysIn(bucket, 'images/')).toEqual([]);
  });

  it('copies a local install’s files into the bucket once, and copies nothing when run again', async () => {
    const local = createLocalDiskStorage({ dataDir: t.dataDir });
    await local.put('images/2025/01/old/320.jpg', Buffer.from('old jpeg'), 'image/jpeg');
    await local.put('images/2025/01/old/320.webp', Buffer.from('old webp'), 'image/webp');
    await local.put('audio/2025/01/old.mp3', Buffer.alloc(6 * 1024 * 1024, 7), 'audio/mpeg');
    const config = loadConfig({
      ...s3.env(`migrated-${engine}`),
      MASTHEAD_DATA_DIR: t.dataDir,
    });
    const lines: string[] = [];
    const output = {
      out: (text: string) => lines.push(text),
      error: (text: string) => lines.push(text),
    };

    expect(await runStorageCommand(config, 'migrate', output)).toBe(0);
    expect(lines.at(-1)).toBe(`Copied 3 files to s3://${s3.bucket}; 0 already there.\n`);
    if (config.storage === null) throw new Error('The test storage URL was not read.');
    const target = createS3Storage({ config: config.storage, mediaUrl: null });
    expect(await keysIn(target)).toEqual([
      'audio/2025/01/old.mp3',
      'images/2025/01/old/320.jpg',
      'images/2025/01/old/320.webp',
    ]);
    expect((await target.get('images/2025/01/old/320.jpg'))?.toString()).toBe('old jpeg');
    expect((await target.stat('audio/2025/01/old.mp3'))?.bytes).toBe(6 * 1024 * 1024);
    target.close();

    lines.length = 0;
    expect(await runStorageCommand(config, 'migrate', output)).toBe(0);
    expect(lines).toEqual([`Copied 0 files to s3://${s3.bucket}; 3 already there.\n`]);
  });
});
