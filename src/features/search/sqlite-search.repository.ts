import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { hitEnd, hitStart } from './search-snippet.js';
import type { SearchMatchRow, SearchPage, SearchRepository } from './search.repository.js';

/**
 * Column weights for bm25 (headline, standfirst, body): a word in the headline counts ten
 * times one in the body. bm25 is lower for better matches.
 */
const rankOrder = sql`bm25(post_search, 10.0, 4.0, 1.0)`;
/** Words around a hit in a snippet. */
const snippetTokens = 28;

interface RankedRow {
  doc_id: number;
  post_id: string;
}

interface MarkedRow {
  doc_id: number;
  title: string;
  standfirst: string;
  body: string;
}

/** SQLite FTS5 over `post_search` (migration 0002, ADR 0003). */
export const sqliteSearchRepository: SearchRepository = {
  async countMatches(db: Executor, query: string): Promise<number> {
    const result = await sql<{ n: number }>`
      select count(*) as n
      from post_search
      join post_search_documents d on d.doc_id = post_search.rowid
      join posts p on p.id = d.post_id
      where post_search match ${query} and p.status = 'published'`.execute(db);
    return result.rows[0]?.n ?? 0;
  },

  async listMatches(db: Executor, query: string, page: SearchPage): Promise<SearchMatchRow[]> {
    // Rank first, then mark only the page's rows: snippets cost far more than ranking.
    const ranked = await sql<RankedRow>`
      select post_search.rowid as doc_id, p.id as post_id
      from post_search
      join post_search_documents d on d.doc_id = post_search.rowid
      join posts p on p.id = d.post_id
      where post_search match ${query} and p.status = 'published'
      order by ${rankOrder}, p.published_at desc, p.id desc
      limit ${page.limit} offset ${page.offset}`.execute(db);
    if (ranked.rows.length === 0) return [];
    const docIds = ranked.rows.map((row) => row.doc_id);
    const marked = await sql<MarkedRow>`
      select rowid as doc_id,
        highlight(post_search, 0, ${hitStart}, ${hitEnd}) as title,
        snippet(post_search, 1, ${hitStart}, ${hitEnd}, '…', ${snippetTokens}) as standfirst,
        snippet(post_search, 2, ${hitStart}, ${hitEnd}, '…', ${snippetTokens}) as body
      from post_search
      where post_search match ${query} and rowid in (${sql.join(docIds)})`.execute(db);
    const byDoc = new Map(marked.rows.map((row) => [row.doc_id, row]));
    return ranked.rows.flatMap((row) => {
      const text = byDoc.get(row.doc_id);
      return text === undefined
        ? []
        : [
            {
              post_id: row.post_id,
              title: text.title,
              standfirst: text.standfirst,
              body: text.body,
            },
          ];
    });
  },
};
