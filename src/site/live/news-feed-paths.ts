/** Reader-facing paths of the news feed. */
export const newsFeedPaths = {
  archive: (): string => '/news-feed',
  entry: (slug: string): string => `/news-feed/${encodeURIComponent(slug)}`,
  rss: (): string => '/news-feed/rss',
  live: (): string => '/news-feed/live',
};
