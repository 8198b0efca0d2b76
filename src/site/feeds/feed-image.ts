import type { MediaService } from '../../features/content/media.service.js';
import { absoluteUrl } from '../site-urls.js';

/** A feature image as feeds carry it: the largest JPEG, which every feed reader can show. */
export interface FeedImage {
  readonly url: string;
  readonly type: 'image/jpeg';
  readonly width: number;
  readonly height: number;
  /** The file's size, which an RSS enclosure must state. */
  readonly bytes: number;
}

export type FeedImageLookup = (
  mediaIds: readonly string[],
) => Promise<ReadonlyMap<string, FeedImage>>;

export function createFeedImageLookup(
  media: Pick<MediaService, 'findMedia' | 'publicUrl'>,
  siteUrl: string,
): FeedImageLookup {
  return async (ids) => {
    const found = await Promise.all([...new Set(ids)].map((id) => media.findMedia(id)));
    const images = new Map<string, FeedImage>();
    for (const item of found) {
      if (item === null) continue;
      const largest = item.variants
        .filter((variant) => variant.format === 'jpeg')
        .sort((a, b) => b.width - a.width)[0];
      if (largest === undefined) continue;
      images.set(item.id, {
        url: absoluteUrl(siteUrl, media.publicUrl(largest.key)),
        type: 'image/jpeg',
        width: largest.width,
        height: largest.height,
        bytes: largest.bytes,
      });
    }
    return images;
  };
}
