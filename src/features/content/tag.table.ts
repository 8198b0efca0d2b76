import type { Selectable } from 'kysely';

export interface TagTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export type TagRow = Selectable<TagTable>;
