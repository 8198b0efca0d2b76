import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-once.js';
import type { MediaRow, MediaTable } from './media.table.js';

/** Where a page of the library starts: after this item, newest first. */
export interface MediaPosition {
  readonly createdAt: string;
  readonly id: string;
}

export type MediaTextFields = Partial<Pick<MediaTable, 'alt' | 'caption' | 'credit'>>;

export async function insertMedia(db: Executor, row: Insertable<MediaTable>): Promise<MediaRow> {
  return db.insertInto('media').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Many media rows in one query; missing ids are simply absent. */
export async function listMediaRowsByIds(
  db: Executor,
  ids: readonly string[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return selectMediaByIds(db, ids);
}

// Every reader page looks up its images: compiled once per number of ids.
const selectMediaByIds = compiledOnce((db: Executor, ids: readonly string[]) =>
  db.selectFrom('media').selectAll().where('id', 'in', ids),
);

export async function findMediaRow(db: Executor, id: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; ties on `created_at` are broken by id so pages never skip or repeat. */
export async function listMediaRows(
  db: Executor,
  options: { limit: number; after?: MediaPosition | undefined },
): Promise<MediaRow[]> {
  const { after } = options;
  let query = db.selectFrom('media').selectAll();
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function updateMediaText(
  db: Executor,
  id: string,
  fields: MediaTextFields,
): Promise<MediaRow | undefined> {
  return db.updateTable('media').set(fields).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteMediaRow(db: Executor, id: string): Promise<MediaRow | undefined> {
  return db.deleteFrom('media').where('id', '=', id).returningAll().executeTakeFirst();
}

/** Something that shows a media item: a post, a feed entry or a staff profile. */
export interface MediaUseRow {
  readonly kind: 'post' | 'feed_entry' | 'staff';
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  /** A post's status; feed entries and staff profiles are always public. */
  readonly status: string;
}

/**
 * Everything that shows a media item, in three queries: posts (feature image or an image
 * block of the body), feed entries (image blocks) and staff photos. Bodies are JSON written
 * by `JSON.stringify`, so an image block holds exactly `"mediaId":"{id}"`.
 */
export async function listMediaUses(db: Executor, mediaId: string): Promise<MediaUseRow[]> {
  const inBody = `%${JSON.stringify({ mediaId }).slice(1, -1)}%`;
  const [posts, entries, staff] = await Promise.all([
    db
      .selectFrom('posts')
      .select(['id', 'title', 'slug', 'status'])
      .where((eb) => eb.or([eb('feature_image_id', '=', mediaId), eb('body', 'like', inBody)]))
      .orderBy('title')
      .execute(),
    db
      .selectFrom('feed_entries')
      .select(['id', 'title', 'slug'])
      .where('body', 'like', inBody)
      .orderBy('title')
      .execute(),
    db
      .selectFrom('staff_users')
      .select(['id', 'name', 'slug'])
      .where('photo_media_id', '=', mediaId)
      .execute(),
  ]);
  return [
    ...posts.map((row) => ({ kind: 'post' as const, ...row })),
    ...entries.map((row) => ({ kind: 'feed_entry' as const, ...row, status: 'published' })),
    ...staff.map((row) => ({
      kind: 'staff' as const,
      id: row.id,
      title: row.name,
      slug: row.slug,
      status: 'published',
    })),
  ];
}
