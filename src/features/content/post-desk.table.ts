import type { Selectable } from 'kysely';

/** A note between writers and editors kept with a post (see post-notes.ts). */
export interface PostNoteTable {
  id: string;
  post_id: string;
  /** `correction` or `publish`. */
  kind: string;
  body: string;
  by_id: string;
  by_name: string;
  created_at: string;
}

/** A post in the bin (see post-bin.ts). */
export interface PostBinTable {
  post_id: string;
  status_before: string;
  deleted_at: string;
  deleted_by: string;
  deleted_by_name: string;
}

export type PostNoteRow = Selectable<PostNoteTable>;
export type PostBinRow = Selectable<PostBinTable>;
