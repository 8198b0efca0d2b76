import {
  runningVariants,
  type CampaignAudience,
  type Placement,
} from '../../features/campaigns/campaign.js';
import type { LiveCampaign } from '../../features/campaigns/campaign.service.js';
import type { Entitlement } from '../../features/members/entitlement.js';

/** What one placement shows one audience: an ask with its variants, thanks, or nothing. */
export type PlacementDecision =
  | { readonly kind: 'ask'; readonly variantIds: readonly string[] }
  | { readonly kind: 'thanks' }
  | null;

/** Staff see what anonymous readers see (their pages are never cached). */
export function toCampaignAudience(entitlement: Entitlement): CampaignAudience {
  return entitlement === 'staff' ? 'anonymous' : entitlement;
}

/**
 * The one rule of who sees what. A campaign targeted at sections shows only on articles of
 * those sections; at its goal a campaign that thanks shows thanks to everyone; an audience
 * it asks sees the running variants; a paying member it does not ask is thanked.
 */
export function decidePlacement(
  live: LiveCampaign,
  audience: CampaignAudience,
  section: string | null,
  placement: Placement,
): PlacementDecision {
  const { campaign, progress } = live;
  if (campaign.sectionSlugs.length > 0) {
    if (section === null || !campaign.sectionSlugs.includes(section)) return null;
  }
  if (progress.phase === 'ended') return null;
  if (progress.phase === 'thanking') return { kind: 'thanks' };
  if (campaign.askAudiences.includes(audience)) {
    const variants = runningVariants(campaign, placement);
    return variants.length === 0 ? null : { kind: 'ask', variantIds: variants.map((v) => v.id) };
  }
  return audience === 'paying' ? { kind: 'thanks' } : null;
}
