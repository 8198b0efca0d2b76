import type { TagRow } from './tag.table.js';

export interface Tag {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

export function toTag(row: TagRow): Tag {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description };
}
