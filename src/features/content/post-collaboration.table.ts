import type { Selectable } from 'kysely';

/** The version a save left, for merging a later save that started from it (ADR 0011). */
export interface PostSnapshotTable {
  post_id: string;
  revision: number;
  /** The version's fields as JSON (see post-snapshot.ts). */
  version: string;
  saved_by_name: string;
  created_at: string;
}

/** One open editor of a post, kept alive by its heartbeats (ADR 0011). */
export interface PostPresenceTable {
  post_id: string;
  /** Made by the browser tab, so one person in two tabs counts twice. */
  session_id: string;
  actor_id: string;
  name: string;
  /** When the person last typed, as the tab reported it. */
  typing_at: string | null;
  seen_at: string;
  expires_at: string;
}

export type PostSnapshotRow = Selectable<PostSnapshotTable>;
export type PostPresenceRow = Selectable<PostPresenceTable>;
