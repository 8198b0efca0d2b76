import { describe, expect, it } from 'vitest';
import type { MediaFormat, MediaVariant } from './media.js';
import { toImageRendition } from './media-rendition.js';
import { toPublicFileUrl } from '../../platform/storage/file-storage.js';

function variantsFor(widths: readonly number[]): MediaVariant[] {
  const extensions: Record<MediaFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
  // Stored order is not width order; the rendition must sort.
  return (['jpeg', 'webp', 'avif'] as const).flatMap((format) =>
    [...widths].reverse().map((width) => ({
      format,
      width,
      height: Math.round(width / 2),
      key: `images/2026/11/abc/${width}.${extensions[format]}`,
      bytes: width * 10,
    })),
  );
}

describe('image rendition', () => {
  const media = { width: 2400, height: 1200, variants: variantsFor([320, 640, 960, 1280, 1920]) };

  it('lists every JPEG width in the img srcset, narrowest first', () => {
    const rendition = toImageRendition(media, undefined, (key) => toPublicFileUrl(key));

    expect(rendition.srcset).toBe(
      [
        '/content/files/images/2026/11/abc/320.jpg 320w',
        '/content/files/images/2026/11/abc/640.jpg 640w',
        '/content/files/images/2026/11/abc/960.jpg 960w',
        '/content/files/images/2026/11/abc/1280.jpg 1280w',
        '/content/files/images/2026/11/abc/1920.jpg 1920w',
      ].join(', '),
    );
  });

  it('offers AVIF then WebP sources and falls back to a 1280 px JPEG', () => {
    const rendition = toImageRendition(media, undefined, (key) => toPublicFileUrl(key));

    expect(rendition).toMatchObject({
      src: '/content/files/images/2026/11/abc/1280.jpg',
      sizes: '(min-width: 720px) 720px, 100vw',
      width: 1280,
      height: 640,
    });
    expect(rendition.sources?.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(rendition.sources?.[0]?.srcset).toMatch(
      /^\/content\/files\/images\/2026\/11\/abc\/320\.avif 320w, .* 1920w$/,
    );
    expect(rendition.sources?.[1]?.srcset.split(', ')).toHaveLength(5);
  });

  it('uses the one variant of a small image and the sizes and URLs it is given', () => {
    const small = { width: 200, height: 100, variants: variantsFor([200]) };

    const rendition = toImageRendition(small, '200px', (key) => `https://cdn.example/${key}`);

    expect(rendition).toEqual({
      src: 'https://cdn.example/images/2026/11/abc/200.jpg',
      srcset: 'https://cdn.example/images/2026/11/abc/200.jpg 200w',
      sizes: '200px',
      width: 200,
      height: 100,
      sources: [
        { type: 'image/avif', srcset: 'https://cdn.example/images/2026/11/abc/200.avif 200w' },
        { type: 'image/webp', srcset: 'https://cdn.example/images/2026/11/abc/200.webp 200w' },
      ],
    });
  });
});
