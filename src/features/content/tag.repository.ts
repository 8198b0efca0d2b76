import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-once.js';
import type { SlugFamily } from '../../platform/free-slug.js';
import type { TagRow, TagTable } from './tag.table.js';

export function findTagById(db: Executor, id: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTagBySlug(db: Executor, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findTagByName(db: Executor, name: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
}

export function listTags(db: Executor): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().orderBy('name').execute();
}

export async function insertTag(db: Executor, row: Insertable<TagTable>): Promise<void> {
  await db.insertInto('tags').values(row).execute();
}

export async function updateTag(
  db: Executor,
  id: string,
  changes: Updateable<TagTable>,
): Promise<void> {
  await db.updateTable('tags').set(changes).where('id', '=', id).execute();
}

export async function deleteTag(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

/** Tags of many posts at once, in each post's order (the first is its section). */
export function listTagsOfPosts(
  db: Executor,
  postIds: readonly string[],
): Promise<(TagRow & { post_id: string; position: number })[]> {
  if (postIds.length === 0) return Promise.resolve([]);
  return selectTagsOfPosts(db, postIds);
}

// Every page that shows posts runs it: compiled once per number of posts.
const selectTagsOfPosts = compiledOnce((db: Executor, postIds: readonly string[]) =>
  db
    .selectFrom('post_tags')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .selectAll('tags')
    .select(['post_tags.post_id', 'post_tags.position'])
    .where('post_tags.post_id', 'in', postIds)
    .orderBy('post_tags.position'),
);

export async function countPostsByTag(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('post_tags')
    .select(['tag_id', db.fn.countAll<number>().as('n')])
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((row) => [row.tag_id, row.n]));
}

/** Tags that are the section (first tag) of at least one published post, busiest first. */
export async function listSectionsWithPosts(db: Executor): Promise<TagRow[]> {
  const rows = await db
    .selectFrom('post_tags')
    .innerJoin('posts', 'posts.id', 'post_tags.post_id')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .selectAll('tags')
    .select(db.fn.countAll<number>().as('n'))
    .where('post_tags.position', '=', 0)
    .where('posts.status', '=', 'published')
    .groupBy([
      'tags.id',
      'tags.slug',
      'tags.name',
      'tags.description',
      'tags.created_at',
      'tags.updated_at',
    ])
    .orderBy('n', 'desc')
    .orderBy('tags.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }));
}

/** Every tag slug in a slug family (see `toSlugFamily`), in one query. */
export async function listTagSlugsLike(db: Executor, family: SlugFamily): Promise<string[]> {
  const rows = await db
    .selectFrom('tags')
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
