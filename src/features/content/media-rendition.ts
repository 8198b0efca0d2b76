import type { Media, MediaFormat, MediaVariant } from './media.js';

/**
 * What an `<img>` inside a `<picture>` needs. Structurally identical to `ImageRendition`
 * in `body/render-body.tsx`, declared here so media does not depend on the body renderer.
 */
export interface ImageRendition {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  sources?: { type: string; srcset: string }[];
}

/** An article-column image: 720 px wide on wide screens, the full width on phones. */
export const defaultImageSizes = '(min-width: 720px) 720px, 100vw';

/** The fallback `src` is the widest JPEG up to this width: sharp enough, not wasteful. */
const fallbackMaxWidth = 1280;

function variantsOf(media: Pick<Media, 'variants'>, format: MediaFormat): MediaVariant[] {
  return media.variants
    .filter((variant) => variant.format === format)
    .sort((a, b) => a.width - b.width);
}

function toSrcset(variants: readonly MediaVariant[], fileUrl: (key: string) => string): string {
  return variants.map((variant) => `${fileUrl(variant.key)} ${variant.width}w`).join(', ');
}

/**
 * The responsive image for a media item: AVIF and WebP as `<source>`s, JPEG for the
 * `<img>` itself. `fileUrl` turns a storage key into a URL (the storage's `publicUrl`).
 */
export function toImageRendition(
  media: Pick<Media, 'variants' | 'width' | 'height'>,
  sizes: string | undefined,
  fileUrl: (key: string) => string,
): ImageRendition {
  const jpegs = variantsOf(media, 'jpeg');
  const fallback = jpegs.filter((variant) => variant.width <= fallbackMaxWidth).at(-1) ?? jpegs[0];
  const sources = (['avif', 'webp'] as const)
    .map((format) => ({ type: `image/${format}`, variants: variantsOf(media, format) }))
    .filter((source) => source.variants.length > 0)
    .map((source) => ({ type: source.type, srcset: toSrcset(source.variants, fileUrl) }));
  return {
    src: fallback === undefined ? '' : fileUrl(fallback.key),
    srcset: toSrcset(jpegs, fileUrl),
    sizes: sizes ?? defaultImageSizes,
    width: fallback?.width ?? media.width,
    height: fallback?.height ?? media.height,
    sources,
  };
}
