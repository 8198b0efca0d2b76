import { sectionOf, type Post } from '../../features/content/post.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toDisplayTime } from '../format-date.js';
import type { ImageLookup } from '../../features/content/image-lookup.js';
import { sitePaths } from '../site-urls.js';
import type { StoryCard } from './story-list.js';

/** Teasers for many posts, loading their images in one go. */
export async function toStoryCards(
  posts: readonly Post[],
  site: SiteSettings,
  images: ImageLookup,
): Promise<StoryCard[]> {
  const found = await images(
    posts.flatMap((p) => (p.featureImage === null ? [] : [p.featureImage.mediaId])),
  );
  return posts.map((post) => {
    const section = sectionOf(post);
    const image = post.featureImage === null ? undefined : found.get(post.featureImage.mediaId);
    return {
      url: sitePaths.article(post.slug),
      title: post.title,
      standfirst: post.standfirst,
      section: section === null ? null : { name: section.name, url: sitePaths.tag(section.slug) },
      image:
        image === undefined
          ? null
          : { rendition: image.rendition, alt: post.featureImage?.alt ?? '' },
      published: toDisplayTime(post.publishedAt ?? post.updatedAt, site.locale, site.timezone),
    };
  });
}
