import type { TestApp } from '../../../../test/support/test-app.js';
import type { CampaignContribution } from '../campaign-contribution.js';

/** A birthday drive like the reference page's, running around the test clock's now. */
export function birthdayCampaignBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Birthday drive',
    slug: 'birthday',
    goal_kind: 'members',
    goal_target: 1000,
    stretch_target: null,
    at_goal: 'thank',
    currency: 'EUR',
    starts_at: '2026-11-01T00:00:00.000Z',
    ends_at: '2026-12-31T00:00:00.000Z',
    section_slugs: [],
    ask_audiences: ['anonymous', 'member'],
    thanks_headline: 'Thank you for making this possible',
    thanks_body: 'You are one of {supporters} supporters.',
    cap_views: 0,
    cap_days: 30,
    variants: [
      {
        placement: 'banner',
        name: 'Birthday',
        headline: 'Three years of reporting, funded by our readers — become a member now',
        body: 'Goal: {goal} new members for our birthday',
        weight: 1,
      },
      {
        placement: 'appeal',
        name: 'One in 10,000',
        headline: 'Help us get {goal} new members!',
        body: 'Millions read us, but only one in 10,000 readers makes a financial contribution. All thanks to {supporters} supporters.',
        weight: 1,
      },
    ],
    ...overrides,
  };
}

/** Records a contribution as payments code does: in a transaction, delivered after commit. */
export async function recordTestContribution(
  t: TestApp,
  contribution: Partial<CampaignContribution> = {},
): Promise<void> {
  await t.services.database.db.transaction().execute((trx) =>
    t.services.campaignContributions.recordContribution(trx, {
      kind: 'paying_member',
      amountMinor: 500,
      currency: 'EUR',
      occurredAt: t.clock.now(),
      ...contribution,
    }),
  );
  await t.services.eventRelay.deliver();
}
