import type { ImageLookup, PageImage } from '../features/content/image-lookup.js';
import { toImageRendition } from '../features/content/media-rendition.js';
import type { MediaService } from '../features/content/media.service.js';

/** Resolves media ids to page images through the media library. */
export function createImageLookup(
  media: Pick<MediaService, 'findMedia' | 'publicUrl'>,
): ImageLookup {
  return async (ids) => {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => media.findMedia(id)));
    const images = new Map<string, PageImage>();
    for (const item of found) {
      if (item === null) continue;
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
