import { excerpt } from '../content/body/body-to-text.js';
import type { BodyRenderContext } from '../content/body/render-body.js';
import { renderBodyToHtml } from '../content/body/render-body.js';
import type { ImageLookup } from '../content/image-lookup.js';
import type { Post } from '../content/post.js';
import type { FeedEntry } from './feed-entry.js';
import type { FeedEntryResource } from './feed.schemas.js';

export interface FeedResourcesDeps {
  readonly siteUrl: string;
  readonly entryPath: (slug: string) => string;
  readonly articlePath: (slug: string) => string;
  readonly images: ImageLookup;
  /** Posts by id, published or not: editors see which article an entry links to. */
  readonly findPostsByIds: (ids: readonly string[]) => Promise<readonly Post[]>;
}

function absolute(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl}/`).toString();
}

/** Turns entries into Admin API resources, loading linked posts and images in bulk. */
export function createFeedResources(deps: FeedResourcesDeps) {
  return async (entries: readonly FeedEntry[]): Promise<FeedEntryResource[]> => {
    const blocks = entries.flatMap((entry) => entry.body.blocks);
    const posts = await deps.findPostsByIds([
      ...entries.flatMap((entry) => (entry.postId === null ? [] : [entry.postId])),
      ...blocks.flatMap((block) => (block.type === 'related' ? [block.postId] : [])),
    ]);
    const byId = new Map(posts.map((post) => [post.id, post]));
    const images = await deps.images(
      blocks.flatMap((block) =>
        block.type === 'image' && block.mediaId !== null ? [block.mediaId] : [],
      ),
    );
    const context: BodyRenderContext = {
      image: (mediaId) => images.get(mediaId)?.rendition,
      related: (postId) => {
        const post = byId.get(postId);
        if (post?.status !== 'published') return undefined;
        const url = deps.articlePath(post.slug);
        return { url, title: post.title, section: null, image: null, imageAlt: '' };
      },
      paywall: 'hide',
    };
    return entries.map((entry) => {
      const post = entry.postId === null ? undefined : byId.get(entry.postId);
      return {
        id: entry.id,
        slug: entry.slug,
        url: absolute(deps.siteUrl, deps.entryPath(entry.slug)),
        title: entry.title,
        body: entry.body,
        html: renderBodyToHtml(entry.body, context),
        excerpt: excerpt(entry.plainText),
        author: { id: entry.author.id, slug: entry.author.slug, name: entry.author.name },
        post:
          post === undefined
            ? null
            : {
                id: post.id,
                slug: post.slug,
                title: post.title,
                status: post.status,
                url: absolute(deps.siteUrl, deps.articlePath(post.slug)),
              },
        sections: entry.sections.map((tag) => ({ id: tag.id, slug: tag.slug, name: tag.name })),
        pinned: entry.pinned,
        key_event: entry.keyEvent,
        published_at: entry.publishedAt.toISOString(),
        edited_at: entry.editedAt?.toISOString() ?? null,
        created_at: entry.createdAt.toISOString(),
        updated_at: entry.updatedAt.toISOString(),
        revision: entry.revision,
      };
    });
  };
}

export type FeedResources = ReturnType<typeof createFeedResources>;
