import { runningVariants, type Placement } from '../../features/campaigns/campaign.js';
import type { CampaignService, LiveCampaign } from '../../features/campaigns/campaign.service.js';
import type { CampaignAssets } from './campaign-assets.js';
import { fillPlainText, renderCampaignCopy } from './campaign-copy.js';
import { toCampaignFigures } from './campaign-figures.js';
import { campaignPaths } from './campaign-paths.js';
import { decidePlacement, toCampaignAudience } from './campaign-placement.js';
import type { PlacementView } from './campaign-placements.js';
import type { Entitlement } from '../../features/members/entitlement.js';

/** What reader pages need to show campaign placements. */
export interface CampaignPagesDeps {
  readonly campaigns: Pick<CampaignService, 'findLiveCampaign'>;
  readonly assets: CampaignAssets;
  readonly islandUrl: string;
}

/**
 * The placements one page shows one audience. `section` is the article's section slug;
 * pages without one show only campaigns that target every page.
 */
export function toPlacementView(
  live: LiveCampaign,
  deps: Pick<CampaignPagesDeps, 'assets' | 'islandUrl'>,
  request: { entitlement: Entitlement; section: string | null; locale: string },
  placement: Exclude<Placement, 'newsletter'>,
  withIsland: boolean,
): PlacementView | null {
  const decision = decidePlacement(
    live,
    toCampaignAudience(request.entitlement),
    request.section,
    placement,
  );
  if (decision === null) return null;
  const { campaign, progress } = live;
  const figures = toCampaignFigures(campaign, progress, request.locale);
  const variants =
    decision.kind === 'ask'
      ? runningVariants(campaign, placement).map((v) => ({
          id: v.id,
          weight: v.weight,
          headline: fillPlainText(v.headline, figures),
          copyHtml: renderCampaignCopy(v.body, figures),
        }))
      : [
          {
            id: 'thanks',
            weight: 1,
            headline: fillPlainText(campaign.thanksHeadline, figures),
            copyHtml: renderCampaignCopy(campaign.thanksBody, figures),
          },
        ];
  return {
    campaignId: campaign.id,
    placement,
    kind: decision.kind,
    variants,
    figures,
    liveUrl: campaignPaths.live(campaign.id),
    wallUrl: campaignPaths.thanks(campaign.slug),
    cap: `${campaign.capViews}/${campaign.capDays}`,
    cards: deps.assets.cards,
    islandUrl: withIsland ? deps.islandUrl : null,
  };
}
