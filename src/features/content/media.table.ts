import type { Selectable } from 'kysely';

export interface MediaTable {
  id: string;
  kind: string;
  original_name: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON text: the stored renditions, see `MediaVariant`. */
  variants: string;
  created_by: string;
  created_at: string;
}

export type MediaRow = Selectable<MediaTable>;
