import type { BodyDocument } from '../../features/content/body/body.types.js';
import type { BodyRenderContext, RelatedCard } from '../../features/content/body/render-body.js';
import type { ImageLookup } from '../../features/content/image-lookup.js';
import { sectionOf, type Post } from '../../features/content/post.js';
import type { FeedEntry } from '../../features/live/feed-entry.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toDisplayTime, toTimeOfDay, type DisplayTime } from '../format-date.js';
import { sitePaths } from '../site-urls.js';
import { toFeedDay, toUpdatedTime, type FeedDay } from './feed-time.js';
import { newsFeedPaths } from './news-feed-paths.js';

/** A feed entry as readers see it, with its times in the site's time zone. */
export interface FeedEntryView {
  readonly id: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  /** The time of day it was posted: "9:00 AM". */
  readonly time: DisplayTime;
  /** The time of day if posted today, else with the date ("28 Nov, 9:00 AM"): for lists
   * that are not grouped by day, such as the widget and the pinned entries. */
  readonly when: DisplayTime;
  /** The full date and time, for the entry's own page. */
  readonly published: DisplayTime;
  readonly day: FeedDay;
  /** The "Updated" stamp; null (and never shown empty) when the entry was not edited. */
  readonly updated: DisplayTime | null;
  readonly pinned: boolean;
  readonly keyEvent: boolean;
  readonly author: string;
  /** The linked article, while it is published. */
  readonly article: { readonly url: string; readonly title: string } | null;
  readonly sections: readonly { readonly name: string; readonly url: string }[];
  readonly body: BodyDocument;
  readonly plainText: string;
  readonly publishedAt: Date;
  readonly modifiedAt: Date;
}

export interface FeedViewDeps {
  readonly site: SiteSettings;
  /** Now, to tell today's entries from older ones. */
  readonly now: Date;
  readonly images: ImageLookup;
  /** Published posts by id: linked articles and related-article cards. */
  readonly findLivePosts: (ids: readonly string[]) => Promise<readonly Post[]>;
}

export interface FeedViews {
  readonly entries: FeedEntryView[];
  /** What the entries' bodies need to render: images and related cards. */
  readonly bodyContext: BodyRenderContext;
}

function blocksOf<T extends BodyDocument['blocks'][number]['type']>(
  entries: readonly FeedEntry[],
  type: T,
): Extract<BodyDocument['blocks'][number], { type: T }>[] {
  return entries.flatMap((entry) =>
    entry.body.blocks.filter(
      (block): block is Extract<BodyDocument['blocks'][number], { type: T }> => block.type === type,
    ),
  );
}

/** The view of one entry; `article` is its linked article, when that is published. */
export function toFeedEntryView(
  entry: FeedEntry,
  site: Pick<SiteSettings, 'locale' | 'timezone'>,
  article: FeedEntryView['article'],
  now: Date,
): FeedEntryView {
  const { locale, timezone } = site;
  return {
    id: entry.id,
    slug: entry.slug,
    url: newsFeedPaths.entry(entry.slug),
    title: entry.title,
    time: toTimeOfDay(entry.publishedAt, locale, timezone),
    when: toUpdatedTime(entry.publishedAt, now, locale, timezone),
    published: toDisplayTime(entry.publishedAt, locale, timezone),
    day: toFeedDay(entry.publishedAt, locale, timezone),
    updated:
      entry.editedAt === null
        ? null
        : toUpdatedTime(entry.editedAt, entry.publishedAt, locale, timezone),
    pinned: entry.pinned,
    keyEvent: entry.keyEvent,
    author: entry.author.name,
    article,
    sections: entry.sections.map((tag) => ({ name: tag.name, url: sitePaths.tag(tag.slug) })),
    body: entry.body,
    plainText: entry.plainText,
    publishedAt: entry.publishedAt,
    modifiedAt: entry.editedAt ?? entry.publishedAt,
  };
}

/** Views of many entries, loading their linked posts and images in two lookups. */
export async function loadFeedEntryViews(
  entries: readonly FeedEntry[],
  deps: FeedViewDeps,
): Promise<FeedViews> {
  const posts = await deps.findLivePosts([
    ...entries.flatMap((entry) => (entry.postId === null ? [] : [entry.postId])),
    ...blocksOf(entries, 'related').map((block) => block.postId),
  ]);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const images = await deps.images([
    ...blocksOf(entries, 'image').flatMap((block) =>
      block.mediaId === null ? [] : [block.mediaId],
    ),
    ...posts.flatMap((post) => (post.featureImage === null ? [] : [post.featureImage.mediaId])),
  ]);
  const related = (postId: string): RelatedCard | undefined => {
    const post = byId.get(postId);
    if (post === undefined) return undefined;
    return {
      url: sitePaths.article(post.slug),
      title: post.title,
      section: sectionOf(post)?.name ?? null,
      image:
        post.featureImage === null
          ? null
          : (images.get(post.featureImage.mediaId)?.rendition ?? null),
      imageAlt: post.featureImage?.alt ?? '',
    };
  };
  return {
    entries: entries.map((entry) => {
      const linked = entry.postId === null ? undefined : byId.get(entry.postId);
      const article =
        linked === undefined ? null : { url: sitePaths.article(linked.slug), title: linked.title };
      return toFeedEntryView(entry, deps.site, article, deps.now);
    }),
    bodyContext: {
      image: (mediaId) => images.get(mediaId)?.rendition,
      related,
      paywall: 'hide',
    },
  };
}
