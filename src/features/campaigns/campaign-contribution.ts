import type { Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { toTimestamp } from '../../platform/clock.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import './campaign-events.js';
import { insertContribution } from './campaign.repository.js';

/**
 * The seam between payments and campaigns. Payments code calls `recordContribution` inside
 * the transaction that records a membership, gift or donation, so the campaign's count
 * moves exactly when the payment does.
 */
export const contributionKinds = ['paying_member', 'member', 'gift', 'donation'] as const;
export type ContributionKind = (typeof contributionKinds)[number];

export interface CampaignContribution {
  readonly kind: ContributionKind;
  /** In minor units (cents); 0 for a free membership. */
  readonly amountMinor: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  readonly occurredAt: Date;
  readonly memberId?: string | null;
  /** The campaign and variant the checkout carried (`?campaign=…&variant=…`). */
  readonly attribution?: { readonly campaignId: string; readonly variantId: string } | null;
  /** Given when the supporter agreed to be thanked on the wall; an empty name is "anonymous". */
  readonly wall?: { readonly firstName: string; readonly city: string } | null;
}

export interface ContributionRecorderDeps {
  readonly clock: Clock;
  readonly events: EventOutbox;
}

export type ContributionRecorder = ReturnType<typeof createContributionRecorder>;

const maxWallText = 60;

function wallText(value: string): string {
  return value.trim().replace(/\s+/gu, ' ').slice(0, maxWallText);
}

export function createContributionRecorder(deps: ContributionRecorderDeps) {
  return {
    /**
     * Stores the contribution and records `campaign.contribution-recorded` with it, so the
     * cached pages that show live figures are purged once the caller's transaction commits.
     * The caller delivers events after commit (`events.deliver()`), as with any change.
     */
    async recordContribution(trx: Trx, contribution: CampaignContribution): Promise<string> {
      const id = newId();
      const attribution = contribution.attribution ?? null;
      const wall = contribution.wall ?? null;
      await insertContribution(trx, {
        id,
        kind: contribution.kind,
        amount_minor: Math.max(0, Math.round(contribution.amountMinor)),
        currency: contribution.currency.toUpperCase(),
        occurred_at: toTimestamp(contribution.occurredAt),
        member_id: contribution.memberId ?? null,
        campaign_id: attribution?.campaignId ?? null,
        variant_id: attribution?.variantId ?? null,
        on_wall: wall === null ? 0 : 1,
        wall_first_name: wall === null ? null : wallText(wall.firstName),
        wall_city: wall === null ? null : wallText(wall.city),
        recorded_at: toTimestamp(deps.clock.now()),
      });
      await deps.events.record(trx, 'campaign.contribution-recorded', {
        kind: contribution.kind,
        campaignId: attribution?.campaignId ?? null,
      });
      return id;
    },
  };
}
