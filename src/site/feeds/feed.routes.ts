import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ImageLookup } from '../../features/content/image-lookup.js';
import type { MediaService } from '../../features/content/media.service.js';
import type { Post } from '../../features/content/post.js';
import type { PostService } from '../../features/content/post.service.js';
import type { TagService } from '../../features/content/tag.service.js';
import type { SettingsService } from '../../features/settings/settings.service.js';
import type { StaffService } from '../../features/staff/staff.service.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags, setCacheTags } from '../cache/cache-tags.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { createFeedImageLookup } from './feed-image.js';
import { toFeedChannel, toFeedItems, type FeedChannel, type FeedItem } from './feed-items.js';
import { jsonFeedContentType, toJsonFeed } from './json-feed.js';
import { rssContentType, toRssXml } from './rss-feed.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';

export interface FeedRoutesDeps {
  readonly siteUrl: string;
  readonly posts: Pick<PostService, 'listPublished' | 'findPostsByIds'>;
  readonly tags: Pick<TagService, 'findTagBySlug'>;
  readonly staff: Pick<StaffService, 'findStaffBySlug'>;
  readonly settings: Pick<SettingsService, 'getSiteSettings'>;
  readonly images: ImageLookup;
  readonly media: Pick<MediaService, 'findMedia' | 'publicUrl'>;
}

/** Posts in every feed: enough for a reader who checks daily, small enough to fetch often. */
export const postsPerFeed = 20;

/** What one feed follows: the whole site, a section or tag, or an author. */
interface FeedScope {
  readonly title: string | null;
  readonly description: string;
  readonly path: string;
  readonly posts: readonly Post[];
  readonly cacheTags: readonly string[];
}

interface FeedFormat {
  readonly suffix: 'rss' | 'feed.json';
  readonly contentType: string;
  render(channel: FeedChannel, selfUrl: string, items: readonly FeedItem[]): string;
}

const formats: readonly FeedFormat[] = [
  { suffix: 'rss', contentType: rssContentType, render: toRssXml },
  {
    suffix: 'feed.json',
    contentType: jsonFeedContentType,
    render: (channel, selfUrl, items) => JSON.stringify(toJsonFeed(channel, selfUrl, items)),
  },
];

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

/** RSS 2.0 and JSON Feed for the site, each section or tag, and each author. */
export function feedRoutes(deps: FeedRoutesDeps) {
  const { siteUrl, posts } = deps;
  const feedImages = createFeedImageLookup(deps.media, siteUrl);
  const findLivePosts = async (ids: readonly string[]): Promise<Post[]> =>
    (await posts.findPostsByIds(ids)).filter((post) => post.status === 'published');

  const scopes = {
    site: async (): Promise<FeedScope> => ({
      title: null,
      description: '',
      path: sitePaths.home(),
      posts: await posts.listPublished({ limit: postsPerFeed }),
      cacheTags: [cacheTags.postLists],
    }),
    tag: async (slug: string): Promise<FeedScope> => {
      const tag = await deps.tags.findTagBySlug(slug);
      if (tag === undefined) throw new AppError('not_found', 'There is no section with that name.');
      return {
        title: tag.name,
        description: tag.description,
        path: sitePaths.tag(tag.slug),
        posts: await posts.listPublished({ tag: tag.slug, limit: postsPerFeed }),
        cacheTags: [cacheTags.postLists, cacheTags.tag(tag.slug)],
      };
    },
    author: async (slug: string): Promise<FeedScope> => {
      const author = await deps.staff.findStaffBySlug(slug);
      if (author === null) throw new AppError('not_found', 'There is no author with that name.');
      return {
        title: author.name,
        description: author.bio,
        path: sitePaths.author(author.slug),
        posts: await posts.listPublished({ authorId: author.id, limit: postsPerFeed }),
        cacheTags: [cacheTags.postLists, cacheTags.author(author.slug)],
      };
    },
  };

  async function send(reply: FastifyReply, scope: FeedScope, format: FeedFormat) {
    const site = await deps.settings.getSiteSettings();
    const items = await toFeedItems(scope.posts, site.feedContent, {
      siteUrl,
      images: deps.images,
      findLivePosts,
      feedImages,
    });
    const channel = toFeedChannel(site, scope, items, siteUrl);
    const selfPath = scope.path === '/' ? `/${format.suffix}` : `${scope.path}/${format.suffix}`;
    setCacheTags(reply, [...scope.cacheTags, ...scope.posts.map((p) => cacheTags.post(p.id))]);
    return reply
      .header('cache-control', 'public, max-age=300')
      .type(format.contentType)
      .send(format.render(channel, absoluteUrl(siteUrl, selfPath), items));
  }

  return async (app: AppInstance): Promise<void> => {
    for (const format of formats) {
      app.get(
        `/${format.suffix}`,
        { config: cacheablePage(), schema: { hide: true } },
        async (_request, reply) => send(reply, await scopes.site(), format),
      );
      app.get(
        `/tag/:slug/${format.suffix}`,
        { config: cacheablePage(), schema: { hide: true, params: Params } },
        async (request, reply) => send(reply, await scopes.tag(request.params.slug), format),
      );
      app.get(
        `/author/:slug/${format.suffix}`,
        { config: cacheablePage(), schema: { hide: true, params: Params } },
        async (request, reply) => send(reply, await scopes.author(request.params.slug), format),
      );
    }
  };
}
