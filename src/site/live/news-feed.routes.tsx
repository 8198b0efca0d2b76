import { Type } from 'typebox';
import { excerpt } from '../../features/content/body/body-to-text.js';
import type { FeedService } from '../../features/live/feed.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags, setCacheTags } from '../cache/cache-tags.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import type { HeadTags } from '../layout/head-tags.js';
import { renderPage } from '../render-page.js';
import type { SiteAsset } from '../site-assets.js';
import { findLivePosts, loadFrame, sendPage, type SitePagesDeps } from '../site-pages.js';
import { absoluteUrl } from '../site-urls.js';
import { toPublisher } from '../structured-data.js';
import { loadFeedEntryViews } from './feed-entry-view.js';
import { NewsFeedEntryPage } from './news-feed-entry-page.js';
import { groupByDay, NewsFeedPage } from './news-feed-page.js';
import { newsFeedPaths } from './news-feed-paths.js';
import { toNewsFeedRss } from './news-feed-rss.js';
import { toLiveBlogPosting } from './news-feed-structured-data.js';

export interface NewsFeedRoutesDeps extends SitePagesDeps {
  readonly clock: Clock;
  readonly feed: Pick<FeedService, 'listPage' | 'findEntryBySlug' | 'findLatestChangeId'>;
  readonly island: SiteAsset;
}

const PageQuery = Type.Object({
  before: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const cachedRoute = { config: cacheablePage(), schema: { hide: true } };
const perPage = 20;
const pinnedShown = 10;
const rssCount = 50;

/** The news feed for readers: the archive, one entry and RSS. */
export function newsFeedRoutes(deps: NewsFeedRoutesDeps) {
  const { siteUrl, feed, island } = deps;
  const viewDeps = {
    images: deps.images,
    findLivePosts: (ids: readonly string[]) => findLivePosts(deps, ids),
  };

  return async (app: AppInstance): Promise<void> => {
    app.get(
      newsFeedPaths.archive(),
      {
        config: cacheablePage(['before', 'after']),
        schema: { hide: true, querystring: PageQuery },
      },
      async (request, reply) => {
        const { before, after } = request.query;
        const isFirstPage = before === undefined && after === undefined;
        // Read before the entries: whatever changes after this id, the island replays.
        const since = await feed.findLatestChangeId();
        const [frame, page, pinned] = await Promise.all([
          loadFrame(deps),
          feed.listPage({ limit: perPage, before, after, pinned: false }),
          isFirstPage ? feed.listPage({ limit: pinnedShown, pinned: true }) : null,
        ]);
        if (after !== undefined && page.newer === null) {
          return reply.redirect(newsFeedPaths.archive(), 302);
        }
        const views = await loadFeedEntryViews([...(pinned?.entries ?? []), ...page.entries], {
          ...viewDeps,
          site: frame.site,
          now: deps.clock.now(),
        });
        const pinnedViews = views.entries.slice(0, pinned?.entries.length ?? 0);
        const dayViews = views.entries.slice(pinnedViews.length);
        const path = newsFeedPaths.archive();
        const url = absoluteUrl(siteUrl, request.url);
        const description = `Short updates from ${frame.site.title} as they happen.`;
        const head: HeadTags = {
          title: 'News feed',
          description,
          canonical: isFirstPage ? absoluteUrl(siteUrl, path) : url,
          ogType: 'website',
          image: null,
          jsonLd: isFirstPage
            ? [
                toLiveBlogPosting({
                  siteUrl,
                  url: absoluteUrl(siteUrl, path),
                  headline: `${frame.site.title}: News feed`,
                  description,
                  entries: views.entries,
                  publisher: toPublisher(frame.site, siteUrl, null),
                }),
              ]
            : [],
        };
        const html = renderPage({
          ...frame.layout(request, head),
          children: (
            <NewsFeedPage
              view={{
                pinned: pinnedViews,
                days: groupByDay(dayViews),
                bodyContext: views.bodyContext,
                isFirstPage,
                newerUrl:
                  page.newer === null ? null : `${path}?after=${encodeURIComponent(page.newer)}`,
                olderUrl:
                  page.older === null ? null : `${path}?before=${encodeURIComponent(page.older)}`,
                rssUrl: newsFeedPaths.rss(),
                since,
                streamUrl: newsFeedPaths.live(),
                islandUrl: island.url,
              }}
            />
          ),
        });
        return sendPage(request, reply, html, [cacheTags.newsFeed], { liveEmbeds: true });
      },
    );

    app.get(newsFeedPaths.rss(), cachedRoute, async (request, reply) => {
      const [frame, page] = await Promise.all([
        loadFrame(deps),
        feed.listPage({ limit: rssCount }),
      ]);
      const views = await loadFeedEntryViews(page.entries, {
        ...viewDeps,
        site: frame.site,
        now: deps.clock.now(),
      });
      const xml = toNewsFeedRss({
        siteUrl,
        siteTitle: frame.site.title,
        language: frame.site.locale,
        entries: views.entries,
        bodyContext: views.bodyContext,
        rssPath: newsFeedPaths.rss(),
        archivePath: newsFeedPaths.archive(),
      });
      if (request.actor === null) setCacheTags(reply, [cacheTags.newsFeed]);
      return reply
        .header('cache-control', 'public, max-age=60')
        .type('application/rss+xml; charset=utf-8')
        .send(xml);
    });

    app.get(
      '/news-feed/:slug',
      { config: cacheablePage(), schema: { hide: true, params: SlugParams } },
      async (request, reply) => {
        const entry = await feed.findEntryBySlug(request.params.slug);
        if (entry === undefined) {
          throw new AppError('not_found', 'There is no news feed entry at this address.');
        }
        const frame = await loadFrame(deps);
        const views = await loadFeedEntryViews([entry], {
          ...viewDeps,
          site: frame.site,
          now: deps.clock.now(),
        });
        const [view] = views.entries;
        if (view === undefined) throw new AppError('not_found', 'This entry could not be shown.');
        const head: HeadTags = {
          title: view.title,
          description: excerpt(view.plainText, 200) || `News feed update from ${frame.site.title}.`,
          canonical: absoluteUrl(siteUrl, view.url),
          ogType: 'article',
          image: null,
          publishedTime: view.publishedAt.toISOString(),
          modifiedTime: view.modifiedAt.toISOString(),
          section: view.sections[0]?.name,
          jsonLd: [],
        };
        const html = renderPage({
          ...frame.layout(request, head),
          children: (
            <NewsFeedEntryPage
              entry={view}
              context={views.bodyContext}
              archiveUrl={newsFeedPaths.archive()}
            />
          ),
        });
        return sendPage(request, reply, html, [cacheTags.newsFeed]);
      },
    );
  };
}
