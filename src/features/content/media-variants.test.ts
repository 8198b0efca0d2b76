import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import {
  decideVariantWidths,
  maxUploadBytes,
  renderImageVariants,
  toVariantKey,
} from './media-variants.js';

const target = { id: 'abc', at: new Date('2026-11-05T10:00:00Z') };

function solid(width: number, height: number, channels: 3 | 4 = 3) {
  const background = channels === 4 ? { r: 0, g: 0, b: 0, alpha: 0 } : '#3a7ca5';
  return sharp({ create: { width, height, channels, background } });
}

/** A PNG whose header claims another size; its pixels are never decoded. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const patched = Buffer.from(png);
  // Signature (8 bytes), IHDR length (4) and type (4), then width and height.
  patched.writeUInt32BE(width, 16);
  patched.writeUInt32BE(height, 20);
  patched.writeUInt32BE(crc32(patched.subarray(12, 29)), 29);
  return patched;
}

async function rejectionOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('variant widths', () => {
  it('keeps every standard width up to the original width', () => {
    expect(decideVariantWidths(4000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(decideVariantWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(decideVariantWidths(1000)).toEqual([320, 640, 960]);
  });

  it('makes one variant at the original width for an image narrower than 320 px', () => {
    expect(decideVariantWidths(200)).toEqual([200]);
    expect(decideVariantWidths(320)).toEqual([320]);
  });

  it('names keys by upload month, id and width', () => {
    expect(toVariantKey(target, 640, 'jpeg')).toBe('images/2026/11/abc/640.jpg');
    expect(toVariantKey(target, 320, 'avif')).toBe('images/2026/11/abc/320.avif');
    expect(toVariantKey(target, 960, 'webp')).toBe('images/2026/11/abc/960.webp');
  });
});

describe('rendering image variants', () => {
  it('encodes each width in AVIF, WebP and JPEG at the right size', async () => {
    const png = await solid(1000, 500).png().toBuffer();

    const image = await renderImageVariants(png, target);

    expect(image).toMatchObject({ mime: 'image/png', width: 1000, height: 500 });
    const summary = image.files.map(
      ({ variant }) => `${variant.format} ${variant.width}x${variant.height}`,
    );
    expect(summary.sort()).toEqual(
      [
        'avif 320x160',
        'avif 640x320',
        'avif 960x480',
        'jpeg 320x160',
        'jpeg 640x320',
        'jpeg 960x480',
        'webp 320x160',
        'webp 640x320',
        'webp 960x480',
      ].sort(),
    );
    for (const file of image.files) {
      const metadata = await sharp(file.data).metadata();
      expect(metadata.width).toBe(file.variant.width);
      expect(file.variant.bytes).toBe(file.data.length);
      expect(file.contentType).toBe(`image/${file.variant.format}`);
      expect(metadata.format).toBe(file.variant.format === 'avif' ? 'heif' : file.variant.format);
    }
  });

  it('does not upscale an image narrower than the smallest width', async () => {
    const jpeg = await solid(200, 150).jpeg().toBuffer();

    const image = await renderImageVariants(jpeg, target);

    expect(
      image.files.map(({ variant }) => [variant.format, variant.width, variant.height]),
    ).toEqual([
      ['avif', 200, 150],
      ['webp', 200, 150],
      ['jpeg', 200, 150],
    ]);
  });

  it('turns a photo upright by its EXIF orientation and drops the tag', async () => {
    const sideways = await solid(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    const image = await renderImageVariants(sideways, target);

    expect(image).toMatchObject({ width: 200, height: 400 });
    for (const file of image.files) {
      const metadata = await sharp(file.data).metadata();
      expect([metadata.width, metadata.height, metadata.orientation]).toEqual([
        200,
        400,
        undefined,
      ]);
    }
  });

  it('accepts WebP, AVIF, TIFF and the first frame of a GIF', async () => {
    const inputs = {
      'image/webp': await solid(400, 300).webp().toBuffer(),
      'image/avif': await solid(400, 300).avif({ effort: 0 }).toBuffer(),
      'image/tiff': await solid(400, 300).tiff().toBuffer(),
      'image/gif': await solid(400, 300).gif().toBuffer(),
    };
    for (const [mime, data] of Object.entries(inputs)) {
      const image = await renderImageVariants(data, target);
      expect([image.mime, image.width, image.files.length]).toEqual([mime, 400, 3]);
    }
  });

  it('fills transparency with white in JPEG and keeps it in WebP', async () => {
    const png = await solid(320, 100, 4).png().toBuffer();

    const image = await renderImageVariants(png, target);

    const jpeg = image.files.find(({ variant }) => variant.format === 'jpeg');
    const webp = image.files.find(({ variant }) => variant.format === 'webp');
    const jpegStats = await sharp(jpeg?.data).stats();
    expect(jpegStats.channels.map((channel) => Math.round(channel.mean))).toEqual([255, 255, 255]);
    expect((await sharp(webp?.data).metadata()).hasAlpha).toBe(true);
  });

  it('refuses a text file with a .jpg name as an unsupported media type', async () => {
    const error = await rejectionOf(renderImageVariants(Buffer.from('Dear editor, …'), target));

    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toMatch(/not an image.*JPEG, PNG, WebP, AVIF, GIF or TIFF/);
  });

  it('refuses SVG, which can carry scripts', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"/>');

    const error = await rejectionOf(renderImageVariants(svg, target));

    expect(error).toEqual({
      code: 'unsupported_media_type',
      message: 'SVG files are not accepted. Upload a JPEG, PNG, WebP, AVIF, GIF or TIFF image.',
    });
  });

  it('refuses a file over 25 MB before looking inside it', async () => {
    const error = await rejectionOf(renderImageVariants(Buffer.alloc(maxUploadBytes + 1), target));

    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/up to 25 MB/);
  });

  it('refuses an image over 40 megapixels from its header alone', async () => {
    const huge = withPngSize(await solid(8, 5).png().toBuffer(), 8000, 5001);

    const error = await rejectionOf(renderImageVariants(huge, target));

    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/8000 × 5001 pixels \(40\.0 megapixels\); the limit is 40/);
  });
});
