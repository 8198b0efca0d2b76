import { describe, expect, it } from 'vitest';
import { toContribution } from './revenue-contributions.js';

const at = '2026-12-01T10:00:00.000Z';

describe('what reader revenue counts for in campaigns', () => {
  it('counts a new paying member, a gift bought and a donation, with their amounts', () => {
    expect(
      toContribution('membership.started', {
        memberId: 'm1',
        subscriptionId: 's1',
        amount: 500,
        currency: 'eur',
        interval: 'month',
        at,
      }),
    ).toEqual({
      kind: 'paying_member',
      amountMinor: 500,
      currency: 'eur',
      occurredAt: new Date(at),
      memberId: 'm1',
      attribution: null,
    });
    expect(
      toContribution('gift.purchased', {
        giftId: 'g1',
        months: 3,
        amount: 1500,
        currency: 'eur',
        at,
      }),
    ).toMatchObject({ kind: 'gift', amountMinor: 1500, memberId: null });
    expect(
      toContribution('donation.received', {
        donationId: 'd1',
        memberId: null,
        amount: 1200,
        currency: 'eur',
        at,
      }),
    ).toMatchObject({ kind: 'donation', amountMinor: 1200 });
  });

  it('keeps the campaign and variant the checkout carried', () => {
    const attribution = { campaignId: 'c1', variantId: 'v2' };
    expect(
      toContribution('gift.purchased', {
        giftId: 'g1',
        months: 1,
        amount: 500,
        currency: 'eur',
        at,
        attribution,
      }),
    ).toMatchObject({ kind: 'gift', attribution });
  });

  it('counts nothing for a membership ending or a gift redeemed (its purchase counted)', () => {
    expect(
      toContribution('membership.ended', { memberId: 'm1', subscriptionId: 's1', at }),
    ).toBeNull();
    expect(
      toContribution('gift.redeemed', { giftId: 'g1', memberId: 'm2', months: 3, at }),
    ).toBeNull();
  });
});
