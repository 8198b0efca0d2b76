/**
 * The media library's words. A *media item* is one uploaded image with its alt text,
 * caption and credit kept as separate fields; its *variants* are the resized, re-encoded
 * copies readers download. The original upload is never stored: it may carry the
 * photographer's location and camera details.
 */

export const mediaFormats = ['avif', 'webp', 'jpeg'] as const;
export type MediaFormat = (typeof mediaFormats)[number];

/** One stored rendition of an image: one width in one format. */
export interface MediaVariant {
  format: MediaFormat;
  width: number;
  height: number;
  /** The storage key, e.g. `images/2026/11/{id}/640.jpg`. */
  key: string;
  bytes: number;
}

export interface Media {
  readonly id: string;
  readonly kind: 'image';
  /** The file name the uploader's computer gave it; shown in the library only. */
  readonly originalName: string;
  /** The uploaded file's type, e.g. `image/png`. */
  readonly mime: string;
  /** The upright size of the upload, after EXIF rotation. */
  readonly width: number;
  readonly height: number;
  /** The size of the upload in bytes. */
  readonly bytes: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly variants: readonly MediaVariant[];
  /** The actor id, e.g. `user:{id}`. */
  readonly createdBy: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
}
