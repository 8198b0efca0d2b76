import type { Executor } from '../../db/database.js';

/** One published post that matches, with its text as the database marked it. */
export interface SearchMatchRow {
  readonly post_id: string;
  /** The headline with every hit marked. */
  readonly title: string;
  /** Fragments of the standfirst and body around the hits, hits marked. */
  readonly standfirst: string;
  readonly body: string;
}

export interface SearchPage {
  readonly limit: number;
  readonly offset: number;
}

/**
 * Full-text search on one engine. The query is passed as a parameter in that engine's own
 * syntax (FTS5 or `websearch_to_tsquery`), already made safe by `search-query.ts`.
 */
export interface SearchRepository {
  countMatches(db: Executor, query: string): Promise<number>;
  /** Best match first; equal matches newest first. */
  listMatches(db: Executor, query: string, page: SearchPage): Promise<SearchMatchRow[]>;
}
