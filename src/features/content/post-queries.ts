import type { Db } from '../../db/database.js';
import { toPosts } from './post-mapping.js';
import * as repo from './post.repository.js';
import type { Post } from './post.js';
import { listSectionsWithPosts } from './tag.repository.js';
import { toTag, type Tag } from './tag.js';

/** A published post as sitemaps need it: where, what, and when. */
export interface PostStamp {
  readonly slug: string;
  readonly title: string;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
}

/** What the reader site, feeds and the Content API read: published posts, by many routes. */
export function createPublishedPostQueries(db: Db) {
  return {
    async findPostBySlug(slug: string): Promise<Post | undefined> {
      const row = await repo.findPostBySlug(db, slug);
      if (row === undefined) return undefined;
      return (await toPosts(db, [row]))[0];
    },

    /** Sections (first tags) of published posts, busiest first: the site's navigation. */
    async listSections(): Promise<Tag[]> {
      return (await listSectionsWithPosts(db)).map(toTag);
    },

    /** Staff credited on published posts: the site's public authors. */
    listAuthorSlugsWithPosts: (): Promise<string[]> => repo.listPublishedAuthorSlugs(db),

    /** Published posts for sitemaps, newest first: slug, headline and dates only. */
    async listPublishedStamps(options: { since?: Date; limit: number }): Promise<PostStamp[]> {
      const rows = await repo.listPublishedPostStamps(db, {
        since: options.since?.toISOString(),
        limit: options.limit,
      });
      return rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        publishedAt: new Date(row.published_at ?? row.updated_at),
        updatedAt: new Date(row.updated_at),
      }));
    },

    /** Tags, or authors, of published posts, each with the latest update among its posts. */
    async listLastUpdates(of: 'tags' | 'authors'): Promise<{ slug: string; updatedAt: Date }[]> {
      return (await repo.listPublishedLastUpdates(db, of)).map((row) => ({
        slug: row.slug,
        updatedAt: new Date(row.updated_at),
      }));
    },

    /** The current slug of a post that used to live at `oldSlug`. */
    findRedirect: (oldSlug: string): Promise<string | undefined> => repo.findRedirect(db, oldSlug),

    async findPostsByIds(ids: readonly string[]): Promise<Post[]> {
      return toPosts(db, await repo.findPostsByIds(db, ids));
    },

    /** Published posts, newest first, for readers and the Content API. */
    async listPublished(
      query: { tag?: string; authorId?: string; limit?: number; page?: number } = {},
    ): Promise<Post[]> {
      const limit = Math.min(Math.max(query.limit ?? 15, 1), 100);
      const rows = await repo.listPosts(db, {
        status: 'published',
        tagSlug: query.tag,
        authorId: query.authorId,
        limit,
        offset: ((query.page ?? 1) - 1) * limit,
        order: 'published',
      });
      return toPosts(db, rows);
    },

    /** One page of published posts and whether another page follows. */
    async listPublishedPage(query: {
      tag?: string;
      authorId?: string;
      page: number;
      perPage: number;
    }): Promise<{ posts: Post[]; hasNext: boolean }> {
      const rows = await repo.listPosts(db, {
        status: 'published',
        tagSlug: query.tag,
        authorId: query.authorId,
        limit: query.perPage + 1,
        offset: (query.page - 1) * query.perPage,
        order: 'published',
      });
      return {
        posts: await toPosts(db, rows.slice(0, query.perPage)),
        hasNext: rows.length > query.perPage,
      };
    },
  };
}
