import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createManualClock } from '../../platform/clock.js';
import { registerErrorHandler } from '../../platform/http/error-handler.js';
import { createLocalDiskStorage } from '../../platform/storage/local-disk-storage.js';
import { storedFilesRoutes } from '../../platform/storage/stored-files.routes.js';
import type { Actor } from '../staff/actor.js';
import { renderDemoImage } from './media-demo-images.js';
import { mediaRoutes } from './media.routes.js';
import { createMediaService } from './media.service.js';

const editor: Actor = { id: 'user:ed', kind: 'user', userId: 'ed', name: 'Ed', role: 'editor' };

interface MediaBody {
  id: string;
  alt: string;
  credit: string;
  variants: { format: string; width: number; url: string }[];
  rendition: { src: string; srcset: string; sources: { type: string }[] };
}

function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file !== undefined) {
    body.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  }
  return body;
}

describeEachEngine('media HTTP API', (ctx) => {
  let dataDir: string;
  // The same validation settings as the real app: unknown fields are refused, not dropped.
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const clock = createManualClock('2026-11-05T10:00:00.000Z');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-http-'));
    const storage = createLocalDiskStorage({ dataDir });
    const media = createMediaService({ db: ctx.handle.db, storage, clock });
    registerErrorHandler(app, () => 'html');
    await app.register(rateLimit, { global: false });
    // The edge that resolves sessions is not under test here: everyone is the editor.
    await app.register(mediaRoutes({ media, requireActor: () => editor }), {
      prefix: '/api/admin',
    });
    await app.register(storedFilesRoutes({ storage }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads an image as multipart and serves each variant from its URL for a year', async () => {
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#bc4749' },
    })
      .jpeg()
      .toBuffer();

    const upload = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: form(
        { alt: 'Red wall', credit: 'Desk / Agency' },
        { name: 'wall.jpg', type: 'image/jpeg', data: photo },
      ),
    });

    expect(upload.statusCode).toBe(201);
    const created = upload.json<MediaBody>();
    expect(created).toMatchObject({ alt: 'Red wall', credit: 'Desk / Agency' });
    expect(created.rendition.srcset).toBe(
      `/content/files/images/2026/11/${created.id}/320.jpg 320w, /content/files/images/2026/11/${created.id}/640.jpg 640w`,
    );
    expect(created.rendition.sources.map((source) => source.type)).toEqual([
      'image/avif',
      'image/webp',
    ]);
    expect(created.variants).toHaveLength(6);
    for (const variant of created.variants) {
      const file = await app.inject({ method: 'GET', url: variant.url });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(`image/${variant.format}`);
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(file.rawPayload).metadata()).width).toBe(variant.width);
    }
  });

  it('answers 415 with a code for a text file named .jpg', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: form({}, { name: 'notes.jpg', type: 'image/jpeg', data: Buffer.from('Notes') }),
    });

    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('answers 400 when the form has no file', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: form({ alt: 'Nothing attached' }),
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'bad_request', fields: [{ field: 'file', message: 'is required' }] },
    });
  });

  it('reads, lists, edits and deletes an image, then no longer serves its files', async () => {
    const png = await sharp({
      create: { width: 100, height: 80, channels: 3, background: '#386641' },
    })
      .png()
      .toBuffer();
    clock.advance(60_000);
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/admin/media',
        payload: form({}, { name: 'leaf.png', type: 'image/png', data: png }),
      })
    ).json<MediaBody>();

    const one = await app.inject({ method: 'GET', url: `/api/admin/media/${created.id}` });
    const list = await app.inject({ method: 'GET', url: '/api/admin/media?limit=1' });
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/admin/media/${created.id}`,
      payload: { alt: 'A green leaf' },
    });
    const badPatch = await app.inject({
      method: 'PATCH',
      url: `/api/admin/media/${created.id}`,
      payload: { alt: 'x'.repeat(1001), width: 5 },
    });
    const removed = await app.inject({ method: 'DELETE', url: `/api/admin/media/${created.id}` });
    const fileAfter = await app.inject({ method: 'GET', url: created.rendition.src });
    const oneAfter = await app.inject({ method: 'GET', url: `/api/admin/media/${created.id}` });

    expect(one.json<MediaBody>().id).toBe(created.id);
    expect(list.json<{ media: MediaBody[] }>().media.map((item) => item.id)).toEqual([created.id]);
    expect(patch.json<MediaBody>().alt).toBe('A green leaf');
    expect(badPatch.json()).toMatchObject({ error: { code: 'validation_failed' } });
    // Both problems are reported: the over-long alt text and the unknown field.
    expect(badPatch.json<{ error: { fields: unknown[] } }>().error.fields).toHaveLength(2);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(fileAfter.statusCode).toBe(404);
    expect(oneAfter.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('accepts a photo larger than the default 1 MB body limit and refuses one over 25 MB', async () => {
    const photo = await renderDemoImage({ width: 1600, height: 1000, seed: 1, label: 'Harvest' });
    expect(photo.length).toBeGreaterThan(1024 * 1024);

    const accepted = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: form({}, { name: 'harvest.png', type: 'image/png', data: photo }),
    });
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: form(
        {},
        { name: 'huge.png', type: 'image/png', data: Buffer.alloc(26 * 1024 * 1024) },
      ),
    });

    expect(accepted.json<MediaBody>().variants.map((variant) => variant.width)).toContain(1280);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('limits uploads to 60 a minute from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/media',
        remoteAddress: '192.0.2.60',
        payload: {},
      });
      statuses.push(response.statusCode);
    }

    expect(new Set(statuses.slice(0, 60))).toEqual(new Set([415]));
    expect(statuses[60]).toBe(429);
  });
});
