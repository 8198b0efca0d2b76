import type { Executor } from '../../db/database.js';
import { parseBody } from '../content/body/validate-body.js';
import type { Tag } from '../content/tag.js';
import { isFeedChangeKind, type FeedChange, type FeedEntry } from './feed-entry.js';
import type { FeedChangeRow } from './feed-entry.table.js';
import { listSectionsOfEntries, type FeedEntryWithAuthorRow } from './feed-entry.repository.js';

export function toFeedEntry(row: FeedEntryWithAuthorRow, sections: readonly Tag[]): FeedEntry {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: parseBody(JSON.parse(row.body)),
    plainText: row.plain_text,
    author: { id: row.author_id, slug: row.author_slug, name: row.author_name },
    postId: row.post_id,
    pinned: row.pinned === 1,
    keyEvent: row.key_event === 1,
    publishedAt: new Date(row.published_at),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at),
    revision: row.revision,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    sections,
  };
}

/** Loads the sections of many rows in one query and maps them to entries. */
export async function toFeedEntries(
  db: Executor,
  rows: readonly FeedEntryWithAuthorRow[],
): Promise<FeedEntry[]> {
  const sections = await listSectionsOfEntries(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toFeedEntry(
      row,
      sections
        .filter((s) => s.entry_id === row.id)
        .map((s) => ({ id: s.id, slug: s.slug, name: s.name, description: s.description })),
    ),
  );
}

/** The entry as stored in the change log: JSON with dates as ISO text. */
export function toEntrySnapshot(entry: FeedEntry): string {
  return JSON.stringify(entry);
}

type SnapshotJson = Omit<
  FeedEntry,
  'publishedAt' | 'editedAt' | 'createdAt' | 'updatedAt' | 'body'
> & {
  publishedAt: string;
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
  body: unknown;
};

function fromEntrySnapshot(text: string): FeedEntry {
  // Written by `toEntrySnapshot` from a validated entry; the body is checked again anyway.
  const json = JSON.parse(text) as SnapshotJson;
  return {
    ...json,
    body: parseBody(json.body),
    publishedAt: new Date(json.publishedAt),
    editedAt: json.editedAt === null ? null : new Date(json.editedAt),
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
  };
}

export function toFeedChange(row: FeedChangeRow): FeedChange {
  if (!isFeedChangeKind(row.kind)) {
    throw new Error(`Feed change ${row.id} has an unknown kind "${row.kind}".`);
  }
  return {
    id: row.id,
    kind: row.kind,
    entryId: row.entry_id,
    entry: row.entry === null ? null : fromEntrySnapshot(row.entry),
    at: new Date(row.at),
  };
}
