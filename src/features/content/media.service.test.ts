import { createEventBus } from '../../platform/events/event-bus.js';
import { createEventRelay } from '../../platform/events/event-relay.js';
import { createLogger } from '../../platform/logger.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createManualClock } from '../../platform/clock.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { createLocalDiskStorage } from '../../platform/storage/local-disk-storage.js';
import type { Actor } from '../staff/actor.js';
import { createMediaService, type MediaService } from './media.service.js';

const editor: Actor = { id: 'user:ed', kind: 'user', userId: 'ed', name: 'Ed', role: 'editor' };
const writer: Actor = {
  id: 'user:wr',
  kind: 'user',
  userId: 'wr',
  name: 'Wr',
  role: 'contributor',
};
const other: Actor = { id: 'user:ot', kind: 'user', userId: 'ot', name: 'Ot', role: 'contributor' };

/** A photo as a phone would send it: EXIF with a description, copyright and GPS position. */
async function pngWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6a994e' } })
    .png()
    .withExif({
      IFD0: { ImageDescription: 'secret-description', Copyright: 'Secret Agency' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 27/1 36/1', GPSLongitudeRef: 'E' },
    })
    .toBuffer();
}

describeEachEngine('media service', (ctx) => {
  let dataDir: string;
  let storage: FileStorage;
  let media: MediaService;
  const clock = createManualClock('2026-11-05T10:00:00.000Z');

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'));
    storage = createLocalDiskStorage({ dataDir });
    media = createMediaService({
      db: ctx.handle.db,
      storage,
      clock,
      events: createEventRelay({
        db: ctx.handle.db,
        engine: ctx.handle.engine,
        bus: createEventBus(createLogger('silent')),
        clock,
        logger: createLogger('silent'),
      }),
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores an uploaded PNG in AVIF, WebP and JPEG with no EXIF or GPS left in any file', async () => {
    const original = await pngWithGps(1000, 750);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes('secret-description')).toBe(true);

    const item = await media.upload(writer, {
      filename: 'C:\\Users\\me\\Pictures\\market.png',
      data: original,
      alt: '  Stalls at the morning market  ',
      credit: 'Jo Doe / Agency',
    });

    expect(item).toMatchObject({
      kind: 'image',
      originalName: 'market.png',
      mime: 'image/png',
      width: 1000,
      height: 750,
      bytes: original.length,
      alt: 'Stalls at the morning market',
      caption: '',
      credit: 'Jo Doe / Agency',
      createdBy: 'user:wr',
      createdAt: '2026-11-05T10:00:00.000Z',
    });
    expect(item.variants.map((v) => `${v.format} ${v.width}`).sort()).toEqual(
      ['avif 320', 'avif 640', 'avif 960', 'jpeg 320', 'jpeg 640', 'jpeg 960'].concat([
        'webp 320',
        'webp 640',
        'webp 960',
      ]),
    );
    for (const variant of item.variants) {
      expect(variant.key).toBe(
        `images/2026/11/${item.id}/${variant.width}.${variant.format === 'jpeg' ? 'jpg' : variant.format}`,
      );
      const stored = await storage.get(variant.key);
      if (stored === null) throw new Error(`${variant.key} is missing on disk`);
      const metadata = await sharp(stored).metadata();
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(stored.includes('secret-description')).toBe(false);
      expect(stored.includes('Secret Agency')).toBe(false);
      expect(stored.includes('Exif\0\0')).toBe(false);
    }
  });

  it('does not upscale a picture narrower than 320 px', async () => {
    const item = await media.upload(writer, {
      filename: 'icon.png',
      data: await pngWithGps(180, 90),
    });

    expect(item.variants.map((v) => [v.format, v.width, v.height])).toEqual([
      ['avif', 180, 90],
      ['webp', 180, 90],
      ['jpeg', 180, 90],
    ]);
  });

  it('refuses a text file named .jpg with unsupported_media_type and stores nothing', async () => {
    const before = await media.listMedia({ limit: 100 });

    const upload = media.upload(writer, {
      filename: 'photo.jpg',
      data: Buffer.from('not a photo'),
    });

    await expect(upload).rejects.toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect((await media.listMedia({ limit: 100 })).items).toHaveLength(before.items.length);
  });

  it('refuses alt text longer than 1,000 characters', async () => {
    const upload = media.upload(writer, {
      filename: 'a.png',
      data: await pngWithGps(50, 50),
      alt: 'x'.repeat(1001),
    });

    await expect(upload).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'alt', message: 'must be at most 1000 characters' }],
    });
  });

  it('lists the library newest first, one page at a time, without skipping or repeating', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      ids.push(
        (await media.upload(editor, { filename: `${i}.png`, data: await pngWithGps(40, 40) })).id,
      );
    }

    const first = await media.listMedia({ limit: 2 });
    const second = await media.listMedia({ limit: 2, cursor: first.nextCursor });

    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(second.items[0]?.id).toBe(ids[0]);
    await expect(media.listMedia({ limit: 2, cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('changes only the text fields named, and only for the uploader or an editor', async () => {
    const item = await media.upload(writer, {
      filename: 'a.png',
      data: await pngWithGps(50, 50),
      alt: 'Old alt',
      caption: 'Old caption',
    });

    const changed = await media.updateMeta(writer, item.id, { caption: 'New caption' });
    const byEditor = await media.updateMeta(editor, item.id, { credit: 'Photo desk' });

    expect([changed.alt, changed.caption]).toEqual(['Old alt', 'New caption']);
    expect(byEditor).toMatchObject({
      alt: 'Old alt',
      caption: 'New caption',
      credit: 'Photo desk',
    });
    await expect(media.updateMeta(other, item.id, { alt: 'Mine now' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await media.getMedia(item.id)).alt).toBe('Old alt');
  });

  it('deletes the item and every one of its files', async () => {
    const item = await media.upload(writer, {
      filename: 'a.png',
      data: await pngWithGps(700, 400),
    });

    await expect(media.deleteMedia(other, item.id)).rejects.toMatchObject({ code: 'forbidden' });
    await media.deleteMedia(editor, item.id);

    expect(await media.findMedia(item.id)).toBeNull();
    await expect(media.getMedia(item.id)).rejects.toMatchObject({ code: 'not_found' });
    for (const variant of item.variants) expect(await storage.exists(variant.key)).toBe(false);
  });
});
