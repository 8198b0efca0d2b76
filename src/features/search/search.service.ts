import type { Db, Engine } from '../../db/database.js';
import type { Post } from '../content/post.js';
import type { Entitlement } from '../members/entitlement.js';
import { canReadWhole } from '../members/reader-access.js';
import { postgresSearchRepository } from './postgres-search.repository.js';
import { parseSearchQuery, toFts5Query, toWebSearchQuery } from './search-query.js';
import { decideSnippet, toMarkedHtml } from './search-snippet.js';
import type { SearchRepository } from './search.repository.js';
import { sqliteSearchRepository } from './sqlite-search.repository.js';

export interface SearchServiceDeps {
  readonly db: Db;
  readonly engine: Engine;
  /** Posts by id, from the content feature. */
  readonly findPostsByIds: (ids: readonly string[]) => Promise<readonly Post[]>;
}

export interface SearchRequest {
  /** What the reader typed, as typed. */
  readonly text: string;
  readonly page: number;
  readonly perPage: number;
  /** Who is searching: snippets come from the body only where they may read it whole. */
  readonly entitlement: Entitlement;
}

/** One result: the post, its headline and a snippet as escaped HTML with hits in `<mark>`. */
export interface SearchHit {
  readonly post: Post;
  readonly headlineHtml: string;
  readonly snippetHtml: string;
}

export interface SearchResults {
  /** False when the text held nothing to search for (empty, or only punctuation). */
  readonly searched: boolean;
  readonly total: number;
  readonly page: number;
  readonly perPage: number;
  readonly pageCount: number;
  readonly hits: readonly SearchHit[];
}

export const maxSearchPerPage = 50;

export type SearchService = ReturnType<typeof createSearchService>;

export function createSearchService(deps: SearchServiceDeps) {
  const repo: SearchRepository =
    deps.engine === 'sqlite' ? sqliteSearchRepository : postgresSearchRepository;
  const toEngineQuery = deps.engine === 'sqlite' ? toFts5Query : toWebSearchQuery;

  return {
    /** Published posts matching the reader's words, best match first. */
    async searchPublished(request: SearchRequest): Promise<SearchResults> {
      const perPage = Math.min(Math.max(Math.trunc(request.perPage), 1), maxSearchPerPage);
      const page = Math.max(Math.trunc(request.page), 1);
      const parsed = parseSearchQuery(request.text);
      if (parsed === null) {
        return { searched: false, total: 0, page, perPage, pageCount: 0, hits: [] };
      }
      const query = toEngineQuery(parsed);
      const [total, matches] = await Promise.all([
        repo.countMatches(deps.db, query),
        repo.listMatches(deps.db, query, { limit: perPage, offset: (page - 1) * perPage }),
      ]);
      const posts = new Map(
        (await deps.findPostsByIds(matches.map((m) => m.post_id))).map((p) => [p.id, p]),
      );
      const hits = matches.flatMap((match): SearchHit[] => {
        const post = posts.get(match.post_id);
        if (post?.status !== 'published') return [];
        const snippet = decideSnippet(match, canReadWhole(post.visibility, request.entitlement));
        return [
          { post, headlineHtml: toMarkedHtml(match.title), snippetHtml: toMarkedHtml(snippet) },
        ];
      });
      return { searched: true, total, page, perPage, pageCount: Math.ceil(total / perPage), hits };
    },
  };
}
