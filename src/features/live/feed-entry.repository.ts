import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { SlugFamily } from '../../platform/free-slug.js';
import type { FeedEntryRow, FeedEntryTable } from './feed-entry.table.js';

/** An entry row with its author's public name and slug. */
export interface FeedEntryWithAuthorRow extends FeedEntryRow {
  author_name: string;
  author_slug: string;
}

/** A position in the feed's order: newest first, ties broken by id. */
export interface FeedPosition {
  readonly publishedAt: string;
  readonly id: string;
}

function selectEntries(db: Executor) {
  return db
    .selectFrom('feed_entries')
    .innerJoin('staff_users', 'staff_users.id', 'feed_entries.author_id')
    .selectAll('feed_entries')
    .select(['staff_users.name as author_name', 'staff_users.slug as author_slug']);
}

export function findEntryById(
  db: Executor,
  id: string,
): Promise<FeedEntryWithAuthorRow | undefined> {
  return selectEntries(db).where('feed_entries.id', '=', id).executeTakeFirst();
}

export function findEntryBySlug(
  db: Executor,
  slug: string,
): Promise<FeedEntryWithAuthorRow | undefined> {
  return selectEntries(db).where('feed_entries.slug', '=', slug).executeTakeFirst();
}

/** The id of the entry using `slug`, if any. */
export async function findEntryIdBySlug(db: Executor, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('feed_entries')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

/** Every entry slug in a slug family (see `toSlugFamily`), in one query. */
export async function listEntrySlugsLike(db: Executor, family: SlugFamily): Promise<string[]> {
  const rows = await db
    .selectFrom('feed_entries')
    .select('slug')
    .where((eb) =>
      eb.or([
        eb('slug', '=', family.base),
        eb.and([
          eb('slug', 'like', family.like),
          eb(eb.fn('length', ['slug']), '<=', family.maxLength),
        ]),
      ]),
    )
    .execute();
  return rows.map((row) => row.slug);
}

export interface FeedEntryFilter {
  readonly limit: number;
  /** Entries older than this position (the next page). */
  readonly before?: FeedPosition | undefined;
  /** Entries newer than this position (the previous page), still returned newest first. */
  readonly after?: FeedPosition | undefined;
  /** true: only pinned entries; false: only unpinned; undefined: all. */
  readonly pinned?: boolean | undefined;
}

/** Newest first, by (published_at, id), so a new entry never shifts an older page. */
export async function listEntries(
  db: Executor,
  filter: FeedEntryFilter,
): Promise<FeedEntryWithAuthorRow[]> {
  let query = selectEntries(db);
  if (filter.pinned !== undefined) {
    query = query.where('feed_entries.pinned', '=', filter.pinned ? 1 : 0);
  }
  const { before, after } = filter;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('feed_entries.published_at', '<', before.publishedAt),
        eb.and([
          eb('feed_entries.published_at', '=', before.publishedAt),
          eb('feed_entries.id', '<', before.id),
        ]),
      ]),
    );
  }
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('feed_entries.published_at', '>', after.publishedAt),
        eb.and([
          eb('feed_entries.published_at', '=', after.publishedAt),
          eb('feed_entries.id', '>', after.id),
        ]),
      ]),
    );
    // The page just after the cursor is the oldest `limit` entries newer than it.
    const rows = await query
      .orderBy('feed_entries.published_at', 'asc')
      .orderBy('feed_entries.id', 'asc')
      .limit(filter.limit)
      .execute();
    return rows.reverse();
  }
  return query
    .orderBy('feed_entries.published_at', 'desc')
    .orderBy('feed_entries.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Key entries published in `[from, to)`, oldest first; deleted entries are gone from the table. */
export function listKeyEntriesBetween(
  db: Executor,
  range: { readonly from: string; readonly to: string; readonly limit: number },
): Promise<FeedEntryWithAuthorRow[]> {
  return selectEntries(db)
    .where('feed_entries.key_event', '=', 1)
    .where('feed_entries.published_at', '>=', range.from)
    .where('feed_entries.published_at', '<', range.to)
    .orderBy('feed_entries.published_at', 'asc')
    .orderBy('feed_entries.id', 'asc')
    .limit(range.limit)
    .execute();
}

export async function insertEntry(db: Executor, row: Insertable<FeedEntryTable>): Promise<void> {
  await db.insertInto('feed_entries').values(row).execute();
}

/** Updates only when the stored revision is `expectedRevision`; false when someone saved first. */
export async function updateEntryAtRevision(
  db: Executor,
  id: string,
  expectedRevision: number,
  changes: Updateable<FeedEntryTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('feed_entries')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEntry(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('feed_entries').where('id', '=', id).execute();
}

export async function replaceEntrySections(
  db: Executor,
  entryId: string,
  tagIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('feed_entry_sections').where('entry_id', '=', entryId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('feed_entry_sections')
    .values(tagIds.map((tagId, position) => ({ entry_id: entryId, tag_id: tagId, position })))
    .execute();
}

export interface EntrySectionRow {
  entry_id: string;
  id: string;
  slug: string;
  name: string;
  description: string;
}

export function listSectionsOfEntries(
  db: Executor,
  entryIds: readonly string[],
): Promise<EntrySectionRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feed_entry_sections')
    .innerJoin('tags', 'tags.id', 'feed_entry_sections.tag_id')
    .select([
      'feed_entry_sections.entry_id',
      'tags.id',
      'tags.slug',
      'tags.name',
      'tags.description',
    ])
    .where('feed_entry_sections.entry_id', 'in', entryIds)
    .orderBy('feed_entry_sections.position')
    .execute();
}
