import type { AppInstance } from '../../platform/http/app-instance.js';
import {
  memoisedFeedLatest,
  memoisedNewsletters,
  memoisedPicks,
} from '../../site/cache/memoised-reader-data.js';
import { campaignRoutes } from '../../site/campaigns/campaign.routes.js';
import { feedRoutes as syndicationFeedRoutes } from '../../site/feeds/feed.routes.js';
import { newsFeedLiveRoutes } from '../../site/live/news-feed-live.routes.js';
import { newsFeedRoutes } from '../../site/live/news-feed.routes.js';
import { createSignupBlock } from '../../site/newsletters/signup-block.js';
import { previewRoutes } from '../../site/preview/preview.routes.js';
import { searchRoutes } from '../../site/search/search.routes.js';
import { seoRoutes } from '../../site/seo/seo.routes.js';
import { siteRoutes } from '../../site/site.routes.js';
import type { RouteContext } from './route-context.js';

/** The reader site's pages: articles, sections, the news feed, search, feeds and sitemaps. */
export async function registerReaderSite(
  app: AppInstance,
  { services, sitePages, assets, campaignAssets }: RouteContext,
): Promise<void> {
  const { config } = services;
  const newsFeedIsland = assets.islands['news-feed'];
  await app.register(previewRoutes(sitePages));
  await app.register(
    campaignRoutes({ ...sitePages, campaignService: services.campaigns, campaignAssets }),
  );
  await app.register(newsFeedLiveRoutes({ hub: services.feedLive, limits: services.liveLimits }));
  await app.register(
    newsFeedRoutes({
      ...sitePages,
      feed: services.feed,
      island: newsFeedIsland,
      clock: services.clock,
    }),
  );
  await app.register(
    siteRoutes({
      ...sitePages,
      picks: memoisedPicks(services.picks, services.readerData),
      newsFeed: {
        feed: memoisedFeedLatest(services.feed, services.readerData),
        getSiteSettings: () => services.settings.getSiteSettings(),
        clock: services.clock,
        islandUrl: newsFeedIsland.url,
      },
      narration: {
        readerAudio: (post, entitlement) => services.narration.readerAudio(post, entitlement),
        disclosure: config.tts.disclosure,
        islandUrl: assets.islands['audio-player'].url,
      },
      signupBlock: createSignupBlock({
        newsletters: memoisedNewsletters(services.newsletters.newsletters, services.readerData),
        islandUrl: assets.islands.newsletter.url,
      }),
    }),
  );
  await app.register(searchRoutes({ ...sitePages, search: services.search }));
  await app.register(
    syndicationFeedRoutes({
      siteUrl: config.siteUrl,
      posts: services.posts,
      tags: services.tags,
      staff: services.staff,
      settings: services.settings,
      images: services.images,
      media: services.media,
    }),
  );
  await app.register(
    seoRoutes({
      siteUrl: config.siteUrl,
      clock: services.clock,
      posts: services.posts,
      settings: services.settings,
    }),
  );
}
