import type { Selectable } from 'kysely';

/** One pending version of a published or scheduled post (see pending-changes.ts). */
export interface PendingChangesTable {
  post_id: string;
  title: string;
  standfirst: string;
  slug: string;
  /** The body document as JSON text. */
  body: string;
  visibility: string;
  feature_image_id: string | null;
  feature_image_alt: string;
  feature_image_caption: string;
  feature_image_credit: string;
  seo_title: string;
  seo_description: string;
  /** JSON array of tag ids, in order; the first is the section. */
  tag_ids: string;
  /** JSON array of staff user ids, in byline order. */
  author_ids: string;
  /** The actor who saved them last. */
  saved_by: string;
  /** Their name as it was then, for other editors to see. */
  saved_by_name: string;
  saved_at: string;
}

export type PendingChangesRow = Selectable<PendingChangesTable>;
