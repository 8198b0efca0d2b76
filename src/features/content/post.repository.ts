import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-once.js';
import type { SlugFamily } from '../../platform/free-slug.js';
import type { PostRevisionRow, PostRevisionTable, PostRow, PostTable } from './post.table.js';

/**
 * The columns of a post row, named: on PostgreSQL the table also holds a search vector
 * that pages never need to read.
 */
const postColumns = [
  'posts.id',
  'posts.slug',
  'posts.title',
  'posts.standfirst',
  'posts.body',
  'posts.plain_text',
  'posts.reading_minutes',
  'posts.status',
  'posts.visibility',
  'posts.feature_image_id',
  'posts.feature_image_alt',
  'posts.feature_image_caption',
  'posts.feature_image_credit',
  'posts.seo_title',
  'posts.seo_description',
  'posts.published_at',
  'posts.revision',
  'posts.created_by',
  'posts.created_at',
  'posts.updated_at',
  'posts.review_state',
  'posts.review_note',
  'posts.review_by',
  'posts.review_at',
  'posts.public_slug',
] as const;

export function findPostById(db: Executor, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').select(postColumns).where('id', '=', id).executeTakeFirst();
}

// The article page's first query: compiled once.
const selectPostBySlug = compiledOnce((db: Executor, slug: string) =>
  db.selectFrom('posts').select(postColumns).where('slug', '=', slug),
);

export async function findPostBySlug(db: Executor, slug: string): Promise<PostRow | undefined> {
  return (await selectPostBySlug(db, slug))[0];
}

export function findPostsByIds(db: Executor, ids: readonly string[]): Promise<PostRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('posts').select(postColumns).where('id', 'in', ids).execute();
}

/**
 * Every post slug and redirected old slug in a slug family (see `toSlugFamily`), in one
 * query: an old slug stays taken so its links keep leading to its post.
 */
export async function listPostSlugsLike(db: Executor, family: SlugFamily): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
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
    .unionAll(
      db
        .selectFrom('slug_redirects')
        .select('old_slug as slug')
        .where((eb) =>
          eb.or([
            eb('old_slug', '=', family.base),
            eb.and([
              eb('old_slug', 'like', family.like),
              eb(eb.fn('length', ['old_slug']), '<=', family.maxLength),
            ]),
          ]),
        ),
    )
    .execute();
  return rows.map((row) => row.slug);
}

export interface PostFilter {
  readonly status?: string | undefined;
  readonly tagSlug?: string | undefined;
  readonly authorId?: string | undefined;
  /** Posts this actor created or is an author of. */
  readonly ownedBy?: { actorId: string; userId: string | null } | undefined;
  readonly text?: string | undefined;
  /** Posts in this review state; see post-review.ts. */
  readonly reviewState?: string | undefined;
  readonly limit: number;
  readonly offset: number;
  /** `review`: longest waiting first, for the editors' queue. */
  readonly order: 'published' | 'updated' | 'review' | 'title';
}

export function listPosts(db: Executor, filter: PostFilter): Promise<PostRow[]> {
  // Posts in the bin are on the Bin screen only.
  let query = db
    .selectFrom('posts')
    .select(postColumns)
    .where('posts.id', 'not in', (sub) => sub.selectFrom('post_bin').select('post_id'));
  if (filter.status !== undefined) query = query.where('posts.status', '=', filter.status);
  if (filter.reviewState !== undefined) {
    query = query.where('posts.review_state', '=', filter.reviewState);
  }
  if (filter.tagSlug !== undefined) {
    const tagSlug = filter.tagSlug;
    query = query.where('posts.id', 'in', (sub) =>
      sub
        .selectFrom('post_tags')
        .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
        .select('post_tags.post_id')
        .where('tags.slug', '=', tagSlug),
    );
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    query = query.where('posts.id', 'in', (sub) =>
      sub.selectFrom('post_authors').select('post_id').where('user_id', '=', authorId),
    );
  }
  if (filter.ownedBy !== undefined) {
    const { actorId, userId } = filter.ownedBy;
    query = query.where((eb) =>
      eb.or([
        eb('posts.created_by', '=', actorId),
        ...(userId === null
          ? []
          : [
              eb(
                'posts.id',
                'in',
                eb.selectFrom('post_authors').select('post_id').where('user_id', '=', userId),
              ),
            ]),
      ]),
    );
  }
  if (filter.text !== undefined && filter.text !== '') {
    // Wildcards are dropped rather than escaped: LIKE escaping differs between the engines.
    const pattern = `%${filter.text.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb(eb.fn('lower', ['posts.title']), 'like', pattern));
  }
  query =
    filter.order === 'published'
      ? query.orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc')
      : filter.order === 'review'
        ? query.orderBy('posts.review_at', 'asc').orderBy('posts.id', 'asc')
        : filter.order === 'title'
          ? query.orderBy('posts.title', 'asc').orderBy('posts.id', 'asc')
          : query.orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc');
  return query.limit(filter.limit).offset(filter.offset).execute();
}

export async function insertPost(db: Executor, row: Insertable<PostTable>): Promise<void> {
  await db.insertInto('posts').values(row).execute();
}

/** Updates only when the stored revision is `expectedRevision`; false when someone saved first. */
export async function updatePostAtRevision(
  db: Executor,
  id: string,
  expectedRevision: number,
  changes: Updateable<PostTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('posts')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a draft's review; false when the post is no longer a draft in `fromStates`, e.g.
 * an editor published it meanwhile. Leaves `revision` alone: a review is not an edit.
 */
export async function updatePostReview(
  db: Executor,
  id: string,
  fromStates: readonly string[],
  review: Pick<Updateable<PostTable>, 'review_state' | 'review_note' | 'review_by' | 'review_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('posts')
    .set(review)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('review_state', 'in', fromStates)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePost(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('posts').where('id', '=', id).execute();
}

export async function replacePostTags(
  db: Executor,
  postId: string,
  tagIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('post_tags')
    .values(tagIds.map((tagId, position) => ({ post_id: postId, tag_id: tagId, position })))
    .execute();
}

export async function replacePostAuthors(
  db: Executor,
  postId: string,
  userIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('post_authors').where('post_id', '=', postId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('post_authors')
    .values(userIds.map((userId, position) => ({ post_id: postId, user_id: userId, position })))
    .execute();
}

export interface AuthorOfPostRow {
  post_id: string;
  position: number;
  id: string;
  slug: string;
  name: string;
  job_title: string;
  bio: string;
  photo_media_id: string | null;
}

export function listAuthorsOfPosts(
  db: Executor,
  postIds: readonly string[],
): Promise<AuthorOfPostRow[]> {
  if (postIds.length === 0) return Promise.resolve([]);
  return selectAuthorsOfPosts(db, postIds);
}

// Every page that shows posts runs it: compiled once per number of posts.
const selectAuthorsOfPosts = compiledOnce((db: Executor, postIds: readonly string[]) =>
  db
    .selectFrom('post_authors')
    .innerJoin('staff_users', 'staff_users.id', 'post_authors.user_id')
    .select([
      'post_authors.post_id',
      'post_authors.position',
      'staff_users.id',
      'staff_users.slug',
      'staff_users.name',
      'staff_users.job_title',
      'staff_users.bio',
      'staff_users.photo_media_id',
    ])
    .where('post_authors.post_id', 'in', postIds)
    .orderBy('post_authors.position'),
);

export async function insertRevision(
  db: Executor,
  row: Insertable<PostRevisionTable>,
): Promise<void> {
  await db.insertInto('post_revisions').values(row).execute();
}

export function listRevisions(db: Executor, postId: string): Promise<PostRevisionRow[]> {
  return db
    .selectFrom('post_revisions')
    .selectAll()
    .where('post_id', '=', postId)
    .orderBy('revision', 'desc')
    .execute();
}

export function findRevision(
  db: Executor,
  postId: string,
  revision: number,
): Promise<PostRevisionRow | undefined> {
  return db
    .selectFrom('post_revisions')
    .selectAll()
    .where('post_id', '=', postId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

/** Where an old slug leads: the current slug of its post, only while that post is live. */
export async function findRedirect(db: Executor, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('slug_redirects')
    .innerJoin('posts', 'posts.id', 'slug_redirects.post_id')
    .select('posts.slug')
    .where('slug_redirects.old_slug', '=', oldSlug)
    .where('posts.status', '=', 'published')
    .executeTakeFirst();
  return row?.slug;
}

export async function insertRedirect(
  db: Executor,
  oldSlug: string,
  postId: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('slug_redirects').where('old_slug', '=', oldSlug).execute();
  await db
    .insertInto('slug_redirects')
    .values({ old_slug: oldSlug, post_id: postId, created_at: at })
    .execute();
}

export async function deleteRedirect(db: Executor, oldSlug: string): Promise<void> {
  await db.deleteFrom('slug_redirects').where('old_slug', '=', oldSlug).execute();
}

export async function countPosts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Slugs of staff credited on at least one published post. */
export async function listPublishedAuthorSlugs(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('post_authors')
    .innerJoin('posts', 'posts.id', 'post_authors.post_id')
    .innerJoin('staff_users', 'staff_users.id', 'post_authors.user_id')
    .select('staff_users.slug')
    .distinct()
    .where('posts.status', '=', 'published')
    .orderBy('staff_users.slug')
    .execute();
  return rows.map((row) => row.slug);
}

export interface PostStampRow {
  slug: string;
  title: string;
  published_at: string | null;
  updated_at: string;
}

/** Published posts, newest first, with only what sitemaps list; `since` bounds published_at. */
export function listPublishedPostStamps(
  db: Executor,
  options: { readonly since?: string | undefined; readonly limit: number },
): Promise<PostStampRow[]> {
  let query = db
    .selectFrom('posts')
    .select(['slug', 'title', 'published_at', 'updated_at'])
    .where('status', '=', 'published');
  if (options.since !== undefined) query = query.where('published_at', '>=', options.since);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Tags, or authors, of published posts with the latest update among their posts. */
export async function listPublishedLastUpdates(
  db: Executor,
  of: 'tags' | 'authors',
): Promise<{ slug: string; updated_at: string }[]> {
  const rows =
    of === 'tags'
      ? await db
          .selectFrom('post_tags')
          .innerJoin('posts', 'posts.id', 'post_tags.post_id')
          .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
          .select(['tags.slug as slug', (eb) => eb.fn.max('posts.updated_at').as('updated_at')])
          .where('posts.status', '=', 'published')
          .groupBy('tags.slug')
          .orderBy('tags.slug')
          .execute()
      : await db
          .selectFrom('post_authors')
          .innerJoin('posts', 'posts.id', 'post_authors.post_id')
          .innerJoin('staff_users', 'staff_users.id', 'post_authors.user_id')
          .select([
            'staff_users.slug as slug',
            (eb) => eb.fn.max('posts.updated_at').as('updated_at'),
          ])
          .where('posts.status', '=', 'published')
          .groupBy('staff_users.slug')
          .orderBy('staff_users.slug')
          .execute();
  return rows;
}
