import type { ImageLookup, PageImage } from '../features/content/image-lookup.js';
import { toImageRendition } from '../features/content/media-rendition.js';
import type { MediaService } from '../features/content/media.service.js';

/** Resolves media ids to page images through the media library, in one query. */
export function createImageLookup(
  media: Pick<MediaService, 'findMediaMany' | 'publicUrl'>,
): ImageLookup {
  return async (ids) => {
    const images = new Map<string, PageImage>();
    if (ids.length === 0) return images;
    // One query for every image of the page, however many there are.
    const found = await media.findMediaMany(ids);
    for (const item of found) {
      const jpegs = item.variants
        .filter((v) => v.format === 'jpeg')
        .sort((a, b) => b.width - a.width);
      const largest = jpegs[0];
      images.set(item.id, {
        rendition: toImageRendition(item, undefined, (key) => media.publicUrl(key)),
        largest:
          largest === undefined
            ? { url: '', width: item.width, height: item.height }
            : { url: media.publicUrl(largest.key), width: largest.width, height: largest.height },
      });
    }
    return images;
  };
}
