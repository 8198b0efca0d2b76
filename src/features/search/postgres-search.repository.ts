import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { hitEnd, hitStart } from './search-snippet.js';
import type { SearchMatchRow, SearchPage, SearchRepository } from './search.repository.js';

/** The whole headline, every hit marked. */
const headlineOptions = `HighlightAll=true, StartSel=${hitStart}, StopSel=${hitEnd}`;
/** Up to two fragments of about 15–35 words around the hits. */
const fragmentOptions =
  `StartSel=${hitStart}, StopSel=${hitEnd}, MaxWords=35, MinWords=15, ` +
  'MaxFragments=2, FragmentDelimiter=" … "';

/**
 * PostgreSQL full-text search over `posts.search_vector` (migration 0002, ADR 0003):
 * headline weighted A, standfirst B, body C; ranked by cover density.
 */
export const postgresSearchRepository: SearchRepository = {
  async countMatches(db: Executor, query: string): Promise<number> {
    const result = await sql<{ n: number }>`
      select count(*) as n
      from posts p
      where p.status = 'published'
        and p.search_vector @@ websearch_to_tsquery('english', ${query})`.execute(db);
    return result.rows[0]?.n ?? 0;
  },

  async listMatches(db: Executor, query: string, page: SearchPage): Promise<SearchMatchRow[]> {
    // Rank in the inner query; ts_headline, the costly part, runs on the page's rows only.
    const result = await sql<SearchMatchRow>`
      select r.id as post_id,
        ts_headline('english', p.title, r.q, ${headlineOptions}) as title,
        ts_headline('english', p.standfirst, r.q, ${fragmentOptions}) as standfirst,
        ts_headline('english', p.plain_text, r.q, ${fragmentOptions}) as body
      from (
        select p.id, p.published_at, q, ts_rank_cd(p.search_vector, q) as score
        from posts p, websearch_to_tsquery('english', ${query}) q
        where p.status = 'published' and p.search_vector @@ q
        order by score desc, p.published_at desc, p.id desc
        limit ${page.limit} offset ${page.offset}
      ) r
      join posts p on p.id = r.id
      order by r.score desc, r.published_at desc, r.id desc`.execute(db);
    return result.rows;
  },
};
