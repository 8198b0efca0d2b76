import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs } from '../../platform/mail/test-support/outbox-helpers.js';
import { systemActor } from '../staff/actor.js';
import type { CampaignResource } from './campaign.resources.js';
import { birthdayCampaignBody } from './test-support/campaign-fixtures.js';

function pathOf(location: unknown): string {
  const url = new URL(String(location), 'http://news.test');
  return `${url.pathname}${url.search}`;
}

describeEachEngine('a campaign counts what readers pay through checkout', (ctx) => {
  let t: TestApp;
  let campaign: CampaignResource;
  let monthlyPriceId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const admin = (await t.tokenFor('administrator')).token;
    const tier = await t.services.tiers.createTier(systemActor, {
      name: 'Supporter',
      slug: 'supporter',
      benefits: 'Every article in full',
      position: 0,
      active: true,
      prices: [{ interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false }],
    });
    monthlyPriceId = tier.prices[0]?.id ?? '';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${admin}` },
      payload: birthdayCampaignBody({ goal_kind: 'paying_members' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json<{ campaign: CampaignResource }>().campaign;
  });
  afterAll(() => t.close());

  const figures = async () =>
    (await t.app.inject({ method: 'GET', url: `/campaigns/${campaign.id}/live.json` })).json<{
      figures: { count: string; supporters: string };
    }>().figures;

  async function payAt(checkout: { statusCode: number; headers: { location?: unknown } }) {
    expect(checkout.statusCode).toBe(303);
    const session = pathOf(checkout.headers.location);
    const paid = await t.app.inject({ method: 'POST', url: `${session}/pay` });
    expect(paid.statusCode).toBe(303);
    // The provider's events are applied by jobs, as they are in production.
    await drainJobs(t);
    return session;
  }

  it('moves the goal by one for a new paying member, once, however often the payment is replayed', async () => {
    expect(await figures()).toMatchObject({ count: '0', supporters: '0' });
    const session = await payAt(
      await t.app.inject({
        method: 'POST',
        url: '/membership/checkout',
        payload: { price: monthlyPriceId, email: 'joiner@example.test' },
      }),
    );
    t.clock.advance(6_000);
    expect(await figures()).toMatchObject({ count: '1', supporters: '1' });

    await t.app.inject({ method: 'POST', url: `${session}/pay` });
    await drainJobs(t);
    t.clock.advance(6_000);
    expect(await figures()).toMatchObject({ count: '1', supporters: '1' });
  });

  it('counts a donation as a supporter but not toward a paying-members goal', async () => {
    await payAt(
      await t.app.inject({
        method: 'POST',
        url: '/donate',
        payload: { currency: 'eur', preset: 'custom', custom: '12', email: 'donor@example.test' },
      }),
    );
    t.clock.advance(6_000);
    expect(await figures()).toMatchObject({ count: '1', supporters: '2' });
  });
});
