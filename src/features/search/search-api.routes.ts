import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { PublicPostResource, type PublicPostResources } from '../content/public-post-resource.js';
import { maxSearchPerPage, type SearchService } from './search.service.js';

export interface SearchApiDeps {
  readonly search: Pick<SearchService, 'searchPublished'>;
  readonly toResources: PublicPostResources;
}

const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 500, description: 'Words to find; "phrases", -without, or' }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxSearchPerPage })),
});
const SearchResponse = Type.Object({
  q: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  page_count: Type.Integer(),
  results: Type.Array(
    Type.Object({
      post: PublicPostResource,
      headline_html: Type.String({ description: 'The headline, escaped, hits in <mark>' }),
      snippet_html: Type.String({ description: 'Text around the hits, escaped, hits in <mark>' }),
    }),
  ),
});

/** `GET /api/content/search`: published posts matching words, best match first. */
export function searchApiRoutes(deps: SearchApiDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/search',
      {
        // Each search reads the index; a tighter limit than the rest of the Content API.
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['content'],
          summary: 'Search published posts',
          querystring: SearchQuery,
          response: { 200: SearchResponse },
        },
      },
      async (request, reply) => {
        const { q, page = 1, limit = 10 } = request.query;
        const results = await deps.search.searchPublished({
          text: q,
          page,
          perPage: limit,
          entitlement: 'anonymous',
        });
        const resources = await deps.toResources(results.hits.map((hit) => hit.post));
        reply.header('access-control-allow-origin', '*');
        reply.header('cache-control', 'public, max-age=60');
        return {
          q,
          total: results.total,
          page: results.page,
          limit: results.perPage,
          page_count: results.pageCount,
          results: results.hits.flatMap((hit, index) => {
            const post = resources[index];
            return post === undefined
              ? []
              : [{ post, headline_html: hit.headlineHtml, snippet_html: hit.snippetHtml }];
          }),
        };
      },
    );
  };
}
