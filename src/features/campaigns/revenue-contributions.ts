import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { DomainEventName, DomainEvents } from '../../platform/events/domain-events.js';
import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';
import '../memberships/revenue-events.js';
import type { CampaignContribution, ContributionRecorder } from './campaign-contribution.js';

/**
 * What a reader-revenue fact counts for in campaigns, or null when it counts for nothing
 * (a membership ending, a gift being redeemed: its purchase already counted).
 */
export function toContribution<K extends DomainEventName>(
  name: K,
  payload: DomainEvents[K],
): CampaignContribution | null {
  const fact = payload as Partial<{
    memberId: string | null;
    amount: number;
    currency: string;
    at: string;
    attribution: CheckoutAttribution | null;
  }>;
  const base = {
    amountMinor: fact.amount ?? 0,
    currency: fact.currency ?? '',
    occurredAt: new Date(fact.at ?? 0),
    memberId: fact.memberId ?? null,
    attribution: fact.attribution ?? null,
  };
  switch (name) {
    case 'membership.started':
      return { kind: 'paying_member', ...base };
    case 'gift.purchased':
      return { kind: 'gift', ...base };
    case 'donation.received':
      return { kind: 'donation', ...base };
    default:
      return null;
  }
}

/**
 * The outbox reader revenue writes to: each fact that counts for campaigns is recorded as a
 * contribution in the same transaction, so a campaign's count moves exactly when the
 * payment does, and a replayed provider event (which records no fact) counts nothing.
 */
export function withRevenueContributions(
  events: EventOutbox,
  contributions: Pick<ContributionRecorder, 'recordContribution'>,
): EventOutbox {
  return {
    async record(trx, name, payload) {
      await events.record(trx, name, payload);
      const contribution = toContribution(name, payload);
      if (contribution !== null) await contributions.recordContribution(trx, contribution);
    },
    deliver: () => events.deliver(),
  };
}
