import type { Executor } from '../../db/database.js';
import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';
import { isVariantOfCampaign } from './campaign.repository.js';

export type CampaignAttributions = ReturnType<typeof createCampaignAttributions>;

/**
 * Which appeal a checkout may say it came from. The campaign and variant arrive in a link
 * anyone can edit, so a checkout carries them only when the variant is one of that
 * campaign's; anything else is dropped without a word, and the reader pays as usual.
 */
export function createCampaignAttributions(deps: { readonly db: Executor }) {
  return {
    async findAttribution(given: CheckoutAttribution | null): Promise<CheckoutAttribution | null> {
      if (given === null) return null;
      return (await isVariantOfCampaign(deps.db, given.campaignId, given.variantId)) ? given : null;
    },
  };
}
