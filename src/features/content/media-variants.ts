import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '../../platform/errors.js';
import type { MediaFormat, MediaVariant } from './media.js';

/** Widths readers' browsers choose from through `srcset`. */
export const variantWidths = [320, 640, 960, 1280, 1920] as const;
export const maxUploadBytes = 25 * 1024 * 1024;
export const maxUploadPixels = 40_000_000;

/**
 * Encoder settings. AVIF at sharp's default effort (4) takes over a second for an 800 px
 * photo on our 2-core machines; effort 2 takes ~150–200 ms and costs ~10 % in size.
 */
const encoders: Record<MediaFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2, chromaSubsampling: '4:2:0' }),
  webp: (image) => image.webp({ quality: 78, effort: 4 }),
  // JPEG has no transparency: transparent pixels become white rather than black.
  jpeg: (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }),
};

const extensions: Record<MediaFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const variantContentTypes: Record<MediaFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

const acceptedFormats = 'JPEG, PNG, WebP, AVIF, GIF or TIFF';

/** The widths to make for an image `originalWidth` wide: never wider, never none. */
export function decideVariantWidths(originalWidth: number): number[] {
  const widths = variantWidths.filter((width) => width <= originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

/** `images/{yyyy}/{mm}/{id}/{width}.{ext}`, dated by the upload time in UTC. */
export function toVariantKey(
  target: { id: string; at: Date },
  width: number,
  format: MediaFormat,
): string {
  const year = target.at.getUTCFullYear();
  const month = String(target.at.getUTCMonth() + 1).padStart(2, '0');
  return `images/${year}/${month}/${target.id}/${width}.${extensions[format]}`;
}

/** The upload's MIME type, or null when it is not an image we accept. */
function toAcceptedMime(metadata: Metadata): string | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return `image/${metadata.format}`;
    case 'heif':
      // HEIF is a container: AVIF is AV1 inside it; HEIC (HEVC) is not accepted.
      return metadata.compression === 'av1' ? 'image/avif' : null;
    default:
      return null;
  }
}

async function readMetadata(data: Buffer): Promise<Metadata> {
  try {
    return await sharp(data, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new AppError(
      'unsupported_media_type',
      `This file is not an image we can read. Upload a ${acceptedFormats} file.`,
      [],
      { cause: error },
    );
  }
}

export interface ImageVariantFile {
  readonly variant: MediaVariant;
  readonly data: Buffer;
  readonly contentType: string;
}

export interface ProcessedImage {
  /** The upload's type, e.g. `image/png`. */
  readonly mime: string;
  /** The upright size of the upload. */
  readonly width: number;
  readonly height: number;
  readonly files: readonly ImageVariantFile[];
}

/**
 * Checks an uploaded image and renders its variants, in this order: refuse what is too
 * large or not an accepted image (from the header alone, before decoding pixels); turn it
 * upright by its EXIF orientation; resize once to the widest variant; then encode every
 * width in every format. No metadata survives: sharp writes none unless asked with
 * `withMetadata`/`keepMetadata`, which Masthead never calls.
 */
export async function renderImageVariants(
  data: Buffer,
  target: { id: string; at: Date },
): Promise<ProcessedImage> {
  if (data.length > maxUploadBytes) {
    throw new AppError(
      'payload_too_large',
      `This file is ${(data.length / 1024 / 1024).toFixed(1)} MB; images may be up to 25 MB. Export it at a smaller size and upload again.`,
    );
  }
  const metadata = await readMetadata(data);
  const mime = toAcceptedMime(metadata);
  if (mime === null) {
    throw new AppError(
      'unsupported_media_type',
      `${metadata.format.toUpperCase()} files are not accepted. Upload a ${acceptedFormats} image.`,
    );
  }
  const { width, height } = metadata.autoOrient;
  if (width * height > maxUploadPixels) {
    throw new AppError(
      'payload_too_large',
      `This image is ${width} × ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels); the limit is 40 megapixels. Resize it and upload again.`,
    );
  }

  const widths = decideVariantWidths(width);
  const widest = Math.max(...widths);
  let base: { data: Buffer; info: OutputInfo };
  try {
    // GIF, TIFF and animated WebP: sharp reads the first frame or page only.
    base = await sharp(data, { autoOrient: true, limitInputPixels: maxUploadPixels })
      .resize({ width: widest, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new AppError(
      'unsupported_media_type',
      `This image could not be read; it may be damaged. Save it again as ${acceptedFormats} and upload it.`,
      [],
      { cause: error },
    );
  }
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };

  const renders = widths.flatMap((variantWidth) =>
    (Object.keys(encoders) as MediaFormat[]).map(async (format): Promise<ImageVariantFile> => {
      const resized = sharp(base.data, { raw }).resize({ width: variantWidth });
      const output = await encoders[format](resized).toBuffer({ resolveWithObject: true });
      return {
        variant: {
          format,
          width: output.info.width,
          height: output.info.height,
          key: toVariantKey(target, variantWidth, format),
          bytes: output.data.length,
        },
        data: output.data,
        contentType: variantContentTypes[format],
      };
    }),
  );
  return { mime, width, height, files: await Promise.all(renders) };
}
