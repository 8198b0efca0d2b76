import { absoluteUrl } from '../site-urls.js';
import type { FeedEntryView } from './feed-entry-view.js';

export interface LiveBlogFacts {
  readonly siteUrl: string;
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  readonly entries: readonly FeedEntryView[];
  readonly publisher: object;
}

/** schema.org LiveBlogPosting for the news feed, with each entry as a `liveBlogUpdate`. */
export function toLiveBlogPosting(facts: LiveBlogFacts): object {
  const times = facts.entries.map((entry) => entry.publishedAt.getTime());
  const modified = facts.entries.map((entry) => entry.modifiedAt.getTime());
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': facts.url,
    url: facts.url,
    headline: facts.headline,
    description: facts.description,
    ...(times.length === 0
      ? {}
      : {
          coverageStartTime: iso(Math.min(...times)),
          datePublished: iso(Math.min(...times)),
          dateModified: iso(Math.max(...modified)),
        }),
    publisher: facts.publisher,
    liveBlogUpdate: facts.entries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.title,
      url: absoluteUrl(facts.siteUrl, entry.url),
      datePublished: entry.publishedAt.toISOString(),
      dateModified: entry.modifiedAt.toISOString(),
      articleBody: entry.plainText,
      author: { '@type': 'Person', name: entry.author },
      ...(entry.article === null
        ? {}
        : { mainEntityOfPage: absoluteUrl(facts.siteUrl, entry.article.url) }),
    })),
  };
}
