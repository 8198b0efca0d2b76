import type { FastifyRequest } from 'fastify';
import type { Tag } from '../features/content/tag.js';
import type { SiteSettings } from '../features/settings/site-settings.js';
import type { HeadTags } from './layout/head-tags.js';
import type { NavItem, PageLayoutProps, StaffView } from './layout/page-layout.js';
import type { SiteAssets } from './site-assets.js';
import { sitePaths } from './site-urls.js';
import { readerEntitlement } from '../features/members/member-auth.plugin.js';
import type { LiveCampaign } from '../features/campaigns/campaign.service.js';
import { toPlacementView, type CampaignPagesDeps } from './campaigns/campaign-views.js';
import { campaignPlacement } from './campaigns/campaign-placement-node.js';

export interface SiteFrameDeps {
  readonly assets: SiteAssets;
  readonly getSiteSettings: () => Promise<SiteSettings>;
  /** Sections with published posts, most used first. */
  readonly listSections: () => Promise<readonly Tag[]>;
  /** Campaign placements: the banner on every page, the appeal after articles. */
  readonly campaigns?: CampaignPagesDeps | undefined;
}

/** The parts of every page that are not its content: settings, navigation, the staff bar. */
export interface SiteFrame {
  readonly site: SiteSettings;
  layout(
    request: FastifyRequest,
    head: HeadTags,
    options?: { editUrl?: string | null; section?: string | null },
  ): Omit<PageLayoutProps, 'children'>;
  /** The campaign appeal after an article of `section`, for this request's audience. */
  appeal(request: FastifyRequest, section: string | null): PageLayoutProps['banner'];
}

function staffOf(request: FastifyRequest, editUrl: string | null): StaffView | null {
  const actor = request.actor;
  if (actor?.kind !== 'user') return null;
  return { name: actor.name, editUrl };
}

export async function loadSiteFrame(deps: SiteFrameDeps): Promise<SiteFrame> {
  const site = await deps.getSiteSettings();
  const nav: NavItem[] =
    site.navigation.length > 0
      ? [...site.navigation]
      : (await deps.listSections())
          .slice(0, 6)
          .map((tag) => ({ label: tag.name, url: sitePaths.tag(tag.slug) }));
  const campaigns = deps.campaigns;
  const live: LiveCampaign | null =
    campaigns === undefined ? null : await campaigns.campaigns.findLiveCampaign();
  const placed = (
    request: FastifyRequest,
    section: string | null,
    placement: 'banner' | 'appeal',
    withIsland: boolean,
  ) =>
    live === null || campaigns === undefined
      ? null
      : toPlacementView(
          live,
          campaigns,
          { entitlement: readerEntitlement(request), section, locale: site.locale },
          placement,
          withIsland,
        );
  return {
    site,
    layout: (request, head, options = {}) => ({
      site,
      head,
      cssUrl: deps.assets.css.url,
      nav,
      currentPath: request.url.split('?')[0] ?? '/',
      staff: staffOf(request, options.editUrl ?? null),
      banner: campaignPlacement(placed(request, options.section ?? null, 'banner', true)),
    }),
    // The banner loads the island; an appeal without a banner beside it loads it itself.
    appeal: (request, section) =>
      campaignPlacement(
        placed(request, section, 'appeal', placed(request, section, 'banner', false) === null),
      ),
  };
}
