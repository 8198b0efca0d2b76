import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs } from '../../platform/mail/test-support/outbox-helpers.js';
import { systemActor } from '../staff/actor.js';
import type { CampaignResource, CampaignResultsResource } from './campaign.resources.js';
import { birthdayCampaignBody } from './test-support/campaign-fixtures.js';

function pathOf(location: unknown): string {
  const url = new URL(String(location), 'http://news.test');
  return `${url.pathname}${url.search}`;
}

/** The hidden fields a revenue form carries on to checkout. */
function carried(html: string): { campaign: string | null; variant: string | null } {
  const field = (name: string) =>
    new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`, 'u').exec(html)?.[1] ?? null;
  return { campaign: field('campaign'), variant: field('variant') };
}

describeEachEngine('a checkout started from an appeal counts for the variant shown', (ctx) => {
  let t: TestApp;
  let admin: string;
  let campaign: CampaignResource;
  let other: CampaignResource;
  let priceId: string;

  const variantOf = (c: CampaignResource, placement: 'banner' | 'appeal') =>
    c.variants.find((v) => v.placement === placement)?.id ?? '';

  async function createCampaign(overrides: Record<string, unknown>): Promise<CampaignResource> {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${admin}` },
      payload: birthdayCampaignBody(overrides),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ campaign: CampaignResource }>().campaign;
  }

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    const tier = await t.services.tiers.createTier(systemActor, {
      name: 'Supporter',
      slug: 'supporter',
      benefits: 'Every article in full',
      position: 0,
      active: true,
      prices: [{ interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false }],
    });
    priceId = tier.prices[0]?.id ?? '';
    campaign = await createCampaign({});
    other = await createCampaign({
      slug: 'spring',
      name: 'Spring drive',
      starts_at: '2027-03-01T00:00:00.000Z',
      ends_at: '2027-04-01T00:00:00.000Z',
    });
  });
  afterAll(() => t.close());

  async function conversions(): Promise<Record<string, number>> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/campaigns/${campaign.id}/results`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json<{ results: CampaignResultsResource }>();
    return Object.fromEntries(results.variants.map((v) => [v.placement, v.conversions]));
  }

  /** Pays at the test provider's checkout page the form sent the reader to. */
  async function pay(started: { statusCode: number; headers: { location?: unknown } }) {
    expect(started.statusCode).toBe(303);
    const session = pathOf(started.headers.location);
    expect(session).toMatch(/^\/test-payments\/checkout\//u);
    const paid = await t.app.inject({ method: 'POST', url: `${session}/pay` });
    expect(paid.statusCode).toBe(303);
    await drainJobs(t);
  }

  it('carries the banner variant from the button through a membership checkout to its conversion', async () => {
    const banner = variantOf(campaign, 'banner');
    const click = await t.app.inject({
      method: 'GET',
      url: `/campaigns/${campaign.id}/click?variant=${banner}&to=membership`,
    });
    expect(click.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: pathOf(click.headers.location) });
    expect(page.statusCode).toBe(200);
    expect(carried(page.body)).toEqual({ campaign: campaign.id, variant: banner });

    await pay(
      await t.app.inject({
        method: 'POST',
        url: '/membership/checkout',
        payload: {
          price: priceId,
          email: 'banner-reader@example.test',
          campaign: campaign.id,
          variant: banner,
        },
      }),
    );
    expect(await conversions()).toEqual({ banner: 1, appeal: 0 });
  });

  it('counts a gift and a donation bought from the appeal for the appeal variant', async () => {
    const appeal = variantOf(campaign, 'appeal');
    const giftPage = await t.app.inject({
      method: 'GET',
      url: `/gift?campaign=${campaign.id}&variant=${appeal}`,
    });
    expect(carried(giftPage.body)).toEqual({ campaign: campaign.id, variant: appeal });
    await pay(
      await t.app.inject({
        method: 'POST',
        url: '/gift',
        payload: {
          months: '3',
          currency: 'eur',
          recipient_name: 'Olena',
          recipient_email: 'olena@example.test',
          buyer_email: 'giver@example.test',
          campaign: campaign.id,
          variant: appeal,
        },
      }),
    );
    await pay(
      await t.app.inject({
        method: 'POST',
        url: '/donate',
        payload: {
          currency: 'eur',
          preset: '1000',
          email: 'donor@example.test',
          campaign: campaign.id,
          variant: appeal,
        },
      }),
    );
    expect(await conversions()).toEqual({ banner: 1, appeal: 2 });
  });

  it('takes the payment but attributes nothing for an unknown campaign or a variant of another', async () => {
    const strangers = [
      { campaign: 'no-such-campaign', variant: variantOf(campaign, 'banner') },
      { campaign: campaign.id, variant: variantOf(other, 'banner') },
      { campaign: campaign.id, variant: 'x'.repeat(300) },
      { campaign: '<script>', variant: '"' },
    ];
    for (const [index, stranger] of strangers.entries()) {
      const page = await t.app.inject({
        method: 'GET',
        url: `/membership?${new URLSearchParams(stranger).toString()}`,
      });
      expect(page.statusCode).toBe(200);
      await pay(
        await t.app.inject({
          method: 'POST',
          url: '/membership/checkout',
          payload: { price: priceId, email: `stranger-${index}@example.test`, ...stranger },
        }),
      );
    }
    expect(await conversions()).toEqual({ banner: 1, appeal: 2 });
    // The goal counts new members (gifts included) whatever appeal they came from.
    t.clock.advance(6_000);
    const live = await t.app.inject({ method: 'GET', url: `/campaigns/${campaign.id}/live.json` });
    expect(live.json<{ figures: { count: string } }>().figures.count).toBe('6');
  });

  it('keeps the appeal on a form shown again with what to fix', async () => {
    const appeal = variantOf(campaign, 'appeal');
    const from = { campaign: campaign.id, variant: appeal };
    const forms = [
      { url: '/membership/checkout', payload: { price: priceId, email: 'not-an-address' } },
      { url: '/gift', payload: { months: '5', currency: 'eur', recipient_name: '' } },
      { url: '/donate', payload: { currency: 'eur', preset: 'custom', custom: 'lots' } },
    ];
    for (const form of forms) {
      const shown = await t.app.inject({
        method: 'POST',
        url: form.url,
        payload: { ...form.payload, ...from },
      });
      expect(shown.statusCode, form.url).toBe(400);
      expect(shown.body).toContain('Please check');
      expect(carried(shown.body)).toEqual(from);
    }
  });
});
