import type { Db } from '../../db/database.js';
import { invalid } from '../../platform/errors.js';
import { parseFeedCursor, toFeedCursor } from './feed-cursor.js';
import { toFeedEntries } from './feed-entry-mapping.js';
import * as repo from './feed-entry.repository.js';
import type { FeedEntry } from './feed-entry.js';

/** One page of the feed, newest first, with cursors to the pages around it. */
export interface FeedPage {
  readonly entries: FeedEntry[];
  /** Pass as `before` for the next, older page; null on the last page. */
  readonly older: string | null;
  /** Pass as `after` for the previous, newer page; null on the first page. */
  readonly newer: string | null;
}

export interface FeedPageQuery {
  readonly limit?: number | undefined;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly pinned?: boolean | undefined;
}

function positionOf(row: repo.FeedEntryWithAuthorRow): repo.FeedPosition {
  return { publishedAt: row.published_at, id: row.id };
}

function cursor(text: string | undefined, field: string): repo.FeedPosition | undefined {
  if (text === undefined) return undefined;
  const position = parseFeedCursor(text);
  if (position === undefined) throw invalid([{ field, message: 'is not a page of the feed' }]);
  return position;
}

/** Entries newest first, a page at a time, by position: a new entry never shifts a page. */
export async function listFeedPage(db: Db, query: FeedPageQuery = {}): Promise<FeedPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const before = cursor(query.before, 'before');
  const after = before === undefined ? cursor(query.after, 'after') : undefined;
  const pinned = query.pinned;
  const rows = await repo.listEntries(db, { limit, before, after, pinned });
  const first = rows[0];
  const last = rows.at(-1);
  const [older, newer] = await Promise.all([
    last === undefined ? [] : repo.listEntries(db, { limit: 1, pinned, before: positionOf(last) }),
    first === undefined ? [] : repo.listEntries(db, { limit: 1, pinned, after: positionOf(first) }),
  ]);
  const toCursor = (row: repo.FeedEntryWithAuthorRow): string =>
    toFeedCursor({ publishedAt: new Date(row.published_at), id: row.id });
  return {
    entries: await toFeedEntries(db, rows),
    older: last !== undefined && older.length > 0 ? toCursor(last) : null,
    newer: first !== undefined && newer.length > 0 ? toCursor(first) : null,
  };
}
