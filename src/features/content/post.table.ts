import type { Generated, Selectable } from 'kysely';

export interface PostTable {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  /** The body document as JSON text. */
  body: string;
  /** The body as plain text, for search and excerpts. */
  plain_text: string;
  reading_minutes: number;
  status: string;
  visibility: string;
  feature_image_id: string | null;
  feature_image_alt: string;
  feature_image_caption: string;
  feature_image_credit: string;
  seo_title: string;
  seo_description: string;
  published_at: string | null;
  /** Bumped on every save; a save naming an older revision is refused. */
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** `none`, `submitted` or `returned` (see post-review.ts); `none` when left out. */
  review_state: Generated<string>;
  review_note: string | null;
  /** The staff user (or actor, for a token without one) who last submitted or returned it. */
  review_by: string | null;
  review_at: string | null;
  /** The slug readers last reached the post at; null while it was never published. */
  public_slug: Generated<string | null>;
}

export interface PostTagTable {
  post_id: string;
  tag_id: string;
  position: number;
}

export interface PostAuthorTable {
  post_id: string;
  user_id: string;
  position: number;
}

export interface PostRevisionTable {
  id: string;
  post_id: string;
  revision: number;
  title: string;
  standfirst: string;
  body: string;
  saved_by: string;
  created_at: string;
  /** Who saved it, as named at the time; empty for revisions older than the column. */
  saved_by_name: Generated<string>;
}

export interface SlugRedirectTable {
  old_slug: string;
  post_id: string;
  created_at: string;
}

export type PostRow = Selectable<PostTable>;
export type PostRevisionRow = Selectable<PostRevisionTable>;
