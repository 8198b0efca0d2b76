import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs } from '../../platform/mail/test-support/outbox-helpers.js';
import { stripeEvents } from '../../platform/payments/test-support/fake-stripe-api.js';
import { stripeJoinEvents } from '../../platform/payments/test-support/stripe-join-events.js';
import { useStripeTestApp } from '../memberships/test-support/stripe-test-app.js';
import type { CampaignResource, CampaignResultsResource } from './campaign.resources.js';
import { birthdayCampaignBody } from './test-support/campaign-fixtures.js';

const dayMs = 24 * 60 * 60 * 1000;

describeEachEngine('Stripe carries the appeal in its metadata to the conversion', (ctx) => {
  const site = useStripeTestApp(ctx, 'whsec_test_attribution');
  let campaign: CampaignResource;

  beforeAll(async () => {
    const created = await site.t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${site.admin}` },
      payload: birthdayCampaignBody(),
    });
    campaign = created.json<{ campaign: CampaignResource }>().campaign;
  });

  const appealVariant = () => campaign.variants.find((v) => v.placement === 'appeal')?.id ?? '';

  /** Starts a membership checkout from the appeal; returns the form Masthead sent Stripe. */
  async function startAppealCheckout(email: string): Promise<URLSearchParams | undefined> {
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: { price: site.priceId, email, campaign: campaign.id, variant: appealVariant() },
    });
    expect(started.statusCode).toBe(303);
    return site.api.requests.at(-1)?.form;
  }

  async function appealConversions(): Promise<number> {
    const response = await site.t.app.inject({
      method: 'GET',
      url: `/api/admin/campaigns/${campaign.id}/results`,
      headers: { authorization: `Bearer ${site.admin}` },
    });
    const { results } = response.json<{ results: CampaignResultsResource }>();
    return results.variants.find((v) => v.placement === 'appeal')?.conversions ?? -1;
  }

  it('sends the campaign and variant with the Checkout Session and its subscription', async () => {
    const sent = await startAppealCheckout('meta@example.test');
    expect(sent?.get('metadata[masthead_campaign]')).toBe(campaign.id);
    expect(sent?.get('metadata[masthead_variant]')).toBe(appealVariant());
    expect(sent?.get('subscription_data[metadata][masthead_campaign]')).toBe(campaign.id);
    expect(sent?.get('subscription_data[metadata][masthead_variant]')).toBe(appealVariant());
  });

  // The invoice, which carries no metadata, may be the event that starts the membership.
  const orders = [
    ['checkout', 'invoice', 'subscription'],
    ['invoice', 'subscription', 'checkout'],
    ['subscription', 'checkout', 'invoice'],
  ] as const;
  for (const [index, order] of orders.entries()) {
    it(`counts one conversion for the appeal with the events in the order ${order.join(', ')}, each twice`, async () => {
      const before = await appealConversions();
      const sent = await startAppealCheckout(`order-${index}@example.test`);
      const t0 = site.t.clock.now();
      const events = stripeJoinEvents({
        key: `attr_${index}`,
        reference: sent?.get('metadata[masthead_checkout]') ?? '',
        at: t0,
        periodEnd: new Date(t0.getTime() + 30 * dayMs),
        amount: 800,
        metadata: { masthead_campaign: campaign.id, masthead_variant: appealVariant() },
      });
      for (const name of [...order, ...order]) {
        expect((await site.postSigned(events[name])).statusCode).toBe(200);
        await drainJobs(site.t);
      }
      expect(await appealConversions()).toBe(before + 1);
    });
  }

  it('counts a returning customer whose new subscription is invoiced before the checkout completes', async () => {
    const metadata = { masthead_campaign: campaign.id, masthead_variant: appealVariant() };
    const t0 = site.t.clock.now();
    const periodEnd = new Date(t0.getTime() + 30 * dayMs);
    /** A checkout from the appeal by the same reader, and Stripe's events for it. */
    const joinThroughAppeal = async (key: string, customer?: string) =>
      stripeJoinEvents({
        key,
        ...(customer === undefined ? {} : { customer }),
        reference:
          (await startAppealCheckout('back@example.test'))?.get('metadata[masthead_checkout]') ??
          '',
        at: t0,
        periodEnd,
        amount: 800,
        metadata,
      });
    // An earlier membership, paid for and then ended, made this Stripe customer a member.
    const earlier = await joinThroughAppeal('back_1');
    const ended = stripeEvents.envelope(
      'evt_back_1_deleted',
      'customer.subscription.deleted',
      t0,
      stripeEvents.subscription({ ...earlier.base, status: 'canceled', endedAt: t0, metadata }),
    );
    for (const event of [earlier.checkout, earlier.subscription, earlier.invoice, ended]) {
      expect((await site.postSigned(event)).statusCode).toBe(200);
      await drainJobs(site.t);
    }
    const before = await appealConversions();

    // Back through the appeal: the customer is known, so Stripe's invoice is applied at
    // once, before the checkout that names the appeal; the invoice carries the
    // subscription's metadata.
    const again = await joinThroughAppeal('back_2', earlier.base.customer);
    for (const event of [again.invoice, again.subscription, again.checkout]) {
      expect((await site.postSigned(event)).statusCode).toBe(200);
      await drainJobs(site.t);
    }
    expect(await appealConversions()).toBe(before + 1);
  });

  it('ignores metadata that names no campaign of ours', async () => {
    const before = await appealConversions();
    const started = await site.t.app.inject({
      method: 'POST',
      url: '/donate',
      payload: { currency: 'eur', preset: '1000', email: 'odd@example.test' },
    });
    expect(started.statusCode).toBe(303);
    const reference = site.api.requests.at(-1)?.form.get('metadata[masthead_checkout]') ?? '';
    expect(site.api.requests.at(-1)?.form.has('metadata[masthead_campaign]')).toBe(false);
    const event = stripeEvents.envelope(
      'evt_attr_odd',
      'checkout.session.completed',
      site.t.clock.now(),
      stripeEvents.checkoutCompleted({
        session: 'cs_attr_odd',
        reference,
        customer: 'cus_attr_odd',
        subscription: null,
        paymentIntent: 'pi_attr_odd',
        amount: 1000,
        metadata: { masthead_campaign: 'drop table', masthead_variant: '' },
      }),
    );
    expect((await site.postSigned(event)).statusCode).toBe(200);
    await drainJobs(site.t);
    expect(await appealConversions()).toBe(before);
  });
});
