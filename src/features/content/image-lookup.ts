import type { ImageRendition } from './body/render-body.js';

/** An image ready for a page: its responsive rendition and its largest JPEG for social cards. */
export interface PageImage {
  readonly rendition: ImageRendition;
  readonly largest: { readonly url: string; readonly width: number; readonly height: number };
}

/** Finds many images at once by media id; missing ones are absent from the map. */
export type ImageLookup = (mediaIds: readonly string[]) => Promise<ReadonlyMap<string, PageImage>>;
