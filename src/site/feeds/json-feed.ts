import type { FeedChannel, FeedItem } from './feed-items.js';

export const jsonFeedContentType = 'application/feed+json; charset=utf-8';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), the fields Masthead fills. */
export interface JsonFeed {
  readonly version: 'https://jsonfeed.org/version/1.1';
  readonly title: string;
  readonly home_page_url: string;
  readonly feed_url: string;
  readonly description: string;
  readonly language: string;
  readonly items: readonly JsonFeedItem[];
}

export interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  readonly content_html?: string;
  readonly content_text?: string;
  readonly image?: string;
  readonly date_published: string;
  readonly date_modified: string;
  readonly authors: readonly { readonly name: string; readonly url: string }[];
  readonly tags: readonly string[];
}

function toJsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    // An item needs content_html or content_text; without the body, the summary is the text.
    ...(item.contentHtml === null
      ? { content_text: item.summary || item.title }
      : {
          content_html: item.contentHtml,
          ...(item.summary === '' ? {} : { summary: item.summary }),
        }),
    ...(item.image === null ? {} : { image: item.image.url }),
    date_published: item.publishedAt.toISOString(),
    date_modified: item.updatedAt.toISOString(),
    authors: item.authors.map((a) => ({ name: a.name, url: a.url })),
    tags: item.tags.map((t) => t.name),
  };
}

export function toJsonFeed(
  channel: FeedChannel,
  selfUrl: string,
  items: readonly FeedItem[],
): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: selfUrl,
    description: channel.description,
    language: channel.language,
    items: items.map(toJsonFeedItem),
  };
}
