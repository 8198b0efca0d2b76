import type { Services } from '../services.js';
import { memoisedPosts } from '../../site/cache/memoised-reader-data.js';
import { loadCampaignAssets } from '../../site/campaigns/campaign-assets.js';
import { loadSiteAssets } from '../../site/site-assets.js';

/** What the route registrations share: the services and the reader site's page context. */
export interface RouteContext {
  readonly services: Services;
  readonly secureCookies: boolean;
  readonly assets: ReturnType<typeof loadSiteAssets>;
  readonly campaignAssets: ReturnType<typeof loadCampaignAssets>;
  /** What every reader page needs; the page families add their own. */
  readonly sitePages: ReturnType<typeof sitePagesOf>;
  /** Reader pages that sign a member in or read their account. */
  readonly memberPages: ReturnType<typeof memberPagesOf>;
}

export function createRouteContext(services: Services): RouteContext {
  const secureCookies = services.config.siteUrl.startsWith('https:');
  const assets = loadSiteAssets();
  const campaignAssets = loadCampaignAssets();
  const sitePages = sitePagesOf(services, assets, campaignAssets);
  return {
    services,
    secureCookies,
    assets,
    campaignAssets,
    sitePages,
    memberPages: memberPagesOf(services, sitePages, secureCookies),
  };
}

function sitePagesOf(
  services: Services,
  assets: ReturnType<typeof loadSiteAssets>,
  campaignAssets: ReturnType<typeof loadCampaignAssets>,
) {
  return {
    siteUrl: services.config.siteUrl,
    assets,
    posts: memoisedPosts(services.posts, services.readerData),
    tags: services.tags,
    staff: services.staff,
    settings: services.settings,
    images: services.images,
    campaigns: {
      campaigns: services.campaigns,
      assets: campaignAssets,
      islandUrl: assets.islands.campaign.url,
    },
  };
}

function memberPagesOf(
  services: Services,
  sitePages: ReturnType<typeof sitePagesOf>,
  secureCookies: boolean,
) {
  return { ...sitePages, signIn: services.memberSignIn, clock: services.clock, secureCookies };
}
