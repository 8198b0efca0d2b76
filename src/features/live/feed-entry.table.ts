import type { Generated, Selectable } from 'kysely';

export interface FeedEntryTable {
  id: string;
  slug: string;
  title: string;
  /** The body document as JSON text. */
  body: string;
  plain_text: string;
  author_id: string;
  /** The article this entry links to, if any. */
  post_id: string | null;
  pinned: number;
  key_event: number;
  published_at: string;
  /** The last edit of what readers read, made after publishing; null when never edited. */
  edited_at: string | null;
  /** Bumped on every save; a save naming an older revision is refused. */
  revision: number;
  created_by: string;
  created_at: string;
  /** Any change, including pinning; internal. Readers see `edited_at`. */
  updated_at: string;
}

export interface FeedEntrySectionTable {
  entry_id: string;
  tag_id: string;
  position: number;
}

/** One change readers' live connections hear about; `id` is the Server-Sent Events id. */
export interface FeedChangeTable {
  id: Generated<number>;
  entry_id: string;
  kind: string;
  /** The entry as it was after the change (JSON), or null for a deletion. */
  entry: string | null;
  at: string;
}

export type FeedEntryRow = Selectable<FeedEntryTable>;
export type FeedChangeRow = Selectable<FeedChangeTable>;
