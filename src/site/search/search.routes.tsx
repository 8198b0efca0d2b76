import { Type } from 'typebox';
import { readerEntitlement } from '../../features/members/member-auth.plugin.js';
import type { SearchService } from '../../features/search/search.service.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags } from '../cache/cache-tags.js';
import type { HeadTags } from '../layout/head-tags.js';
import { renderPage } from '../render-page.js';
import { loadFrame, sendPage, type SitePagesDeps } from '../site-pages.js';
import { absoluteUrl } from '../site-urls.js';
import { SearchPage } from './search-page.js';
import { toSearchView } from './search-view.js';

export interface SearchRoutesDeps extends SitePagesDeps {
  readonly search: Pick<SearchService, 'searchPublished'>;
}

const Query = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
const resultsPerPage = 10;

/** `/search?q=&page=`: full-text search for readers. Never indexed by search engines. */
export function searchRoutes(deps: SearchRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/search',
      {
        // Each search reads the index; a reader needs far fewer than a script would send.
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, querystring: Query },
      },
      async (request, reply) => {
        const text = (request.query.q ?? '').trim();
        const [frame, results] = await Promise.all([
          loadFrame(deps),
          deps.search.searchPublished({
            text,
            page: request.query.page ?? 1,
            perPage: resultsPerPage,
            entitlement: readerEntitlement(request),
          }),
        ]);
        const head: HeadTags = {
          title: text === '' ? 'Search' : `Search: ${text}`,
          description: `Search the articles of ${frame.site.title}.`,
          canonical: absoluteUrl(deps.siteUrl, '/search'),
          ogType: 'website',
          image: null,
          jsonLd: [],
          robots: 'noindex',
        };
        const html = renderPage({
          ...frame.layout(request, head),
          children: <SearchPage view={toSearchView(text, results, frame.site)} />,
        });
        return sendPage(request, reply, html, [cacheTags.postLists]);
      },
    );
  };
}
