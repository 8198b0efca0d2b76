import { sectionOf } from '../../features/content/post.js';
import type { SearchResults } from '../../features/search/search.service.js';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toDisplayTime, type DisplayTime } from '../format-date.js';
import { sitePaths } from '../site-urls.js';

export interface SearchHitView {
  readonly url: string;
  /** Escaped HTML; hits in `<mark>`. */
  readonly headlineHtml: string;
  readonly snippetHtml: string;
  readonly section: { readonly name: string; readonly url: string } | null;
  readonly published: DisplayTime;
}

/** What the search page shows: one of three states, with the reader's own words. */
export type SearchView =
  | { readonly state: 'empty' }
  | { readonly state: 'no-results'; readonly text: string }
  | {
      readonly state: 'results';
      readonly text: string;
      readonly total: number;
      readonly page: number;
      readonly pageCount: number;
      readonly hits: readonly SearchHitView[];
    };

export function searchPath(text: string, page = 1): string {
  const query = new URLSearchParams({ q: text });
  if (page > 1) query.set('page', String(page));
  return `/search?${query.toString()}`;
}

export function toSearchView(text: string, results: SearchResults, site: SiteSettings): SearchView {
  if (!results.searched && text.trim() === '') return { state: 'empty' };
  // Text with nothing searchable in it (only punctuation) finds nothing, and says so.
  if (results.total === 0) return { state: 'no-results', text };
  return {
    state: 'results',
    text,
    total: results.total,
    page: results.page,
    pageCount: results.pageCount,
    hits: results.hits.map((hit) => {
      const section = sectionOf(hit.post);
      return {
        url: sitePaths.article(hit.post.slug),
        headlineHtml: hit.headlineHtml,
        snippetHtml: hit.snippetHtml,
        section: section === null ? null : { name: section.name, url: sitePaths.tag(section.slug) },
        published: toDisplayTime(
          hit.post.publishedAt ?? hit.post.updatedAt,
          site.locale,
          site.timezone,
        ),
      };
    }),
  };
}
