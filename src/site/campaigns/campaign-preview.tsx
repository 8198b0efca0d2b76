import { renderToString } from 'preact-render-to-string';
import type { Campaign, CampaignVariant } from '../../features/campaigns/campaign.js';
import type { LiveCampaign } from '../../features/campaigns/campaign.service.js';
import type { PreviewBody, PreviewResource } from '../../features/campaigns/campaign.resources.js';
import type { CampaignAssets } from './campaign-assets.js';
import { CampaignPlacement } from './campaign-placements.js';
import { toPlacementView } from './campaign-views.js';
import { toNewsletterBlock } from './newsletter-block.js';

/**
 * The CMS preview: unsaved copy rendered by the very components readers get, with the
 * campaign's live figures, one variant at a time, then the thanks paying members see.
 */
export function previewPlacements(
  live: LiveCampaign,
  body: PreviewBody,
  deps: { assets: CampaignAssets; cssUrl: string; siteUrl: string; locale: string },
): PreviewResource {
  const placements: {
    placement: 'banner' | 'appeal' | 'newsletter';
    label: string;
    html: string;
  }[] = [];
  const asking = { ...live.progress, phase: 'asking' as const };
  body.variants.forEach((v, index) => {
    const variant: CampaignVariant = {
      id: `preview-${index}`,
      campaignId: live.campaign.id,
      placement: v.placement,
      name: `Variant ${index + 1}`,
      headline: v.headline,
      body: v.body,
      weight: 1,
      status: 'running',
      position: 0,
      impressions: 0,
      clicks: 0,
    };
    const campaign: Campaign = {
      ...live.campaign,
      sectionSlugs: [],
      askAudiences: ['anonymous'],
      thanksHeadline: body.thanks_headline,
      thanksBody: body.thanks_body,
      variants: [variant],
    };
    const one = { campaign, progress: asking };
    if (v.placement === 'newsletter') {
      const block = toNewsletterBlock(one, { siteUrl: deps.siteUrl, locale: deps.locale });
      if (block !== null)
        placements.push({
          placement: 'newsletter',
          label: `Newsletter ${index + 1}`,
          html: block.html,
        });
      return;
    }
    const view = toPlacementView(
      one,
      { assets: deps.assets, islandUrl: '' },
      { entitlement: 'anonymous', section: null, locale: deps.locale },
      v.placement,
      false,
    );
    if (view !== null) {
      placements.push({
        placement: v.placement,
        label: `${v.placement === 'banner' ? 'Banner' : 'Appeal'} ${index + 1}`,
        html: renderToString(<CampaignPlacement view={view} />),
      });
    }
  });
  const thanksCampaign: Campaign = {
    ...live.campaign,
    sectionSlugs: [],
    askAudiences: [],
    thanksHeadline: body.thanks_headline,
    thanksBody: body.thanks_body,
  };
  const thanks = toPlacementView(
    { campaign: thanksCampaign, progress: asking },
    { assets: deps.assets, islandUrl: '' },
    { entitlement: 'paying', section: null, locale: deps.locale },
    'appeal',
    false,
  );
  if (thanks !== null) {
    placements.push({
      placement: 'appeal',
      label: 'Thanks (paying members)',
      html: renderToString(<CampaignPlacement view={thanks} />),
    });
  }
  return { css_url: deps.cssUrl, placements };
}
