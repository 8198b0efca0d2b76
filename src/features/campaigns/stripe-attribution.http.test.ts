import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs } from '../../platform/mail/test-support/outbox-helpers.js';
import {
  startFakeStripeApi,
  stripeEvents,
  type FakeStripeApi,
} from '../../platform/payments/test-support/fake-stripe-api.js';
import { systemActor } from '../staff/actor.js';
import type { CampaignResource, CampaignResultsResource } from './campaign.resources.js';
import { birthdayCampaignBody } from './test-support/campaign-fixtures.js';

const secret = 'whsec_test_attribution';
const dayMs = 24 * 60 * 60 * 1000;
const signer = new Stripe('sk_test_signer');

describeEachEngine('Stripe carries the appeal in its metadata to the conversion', (ctx) => {
  let t: TestApp;
  let api: FakeStripeApi;
  let admin: string;
  let priceId: string;
  let campaign: CampaignResource;

  beforeAll(async () => {
    api = await startFakeStripeApi();
    t = await createTestApp(ctx.handle, {
      MASTHEAD_STRIPE_SECRET_KEY: 'sk_test_masthead',
      MASTHEAD_STRIPE_WEBHOOK_SECRET: secret,
      MASTHEAD_STRIPE_API_URL: api.url,
    });
    admin = (await t.tokenFor('administrator')).token;
    const tier = await t.services.tiers.createTier(systemActor, {
      name: 'Supporter',
      slug: 'supporter',
      benefits: '',
      position: 0,
      active: true,
      prices: [{ interval: 'month', currency: 'eur', amount: 800, payWhatYouWant: false }],
    });
    priceId = tier.prices[0]?.id ?? '';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${admin}` },
      payload: birthdayCampaignBody(),
    });
    campaign = created.json<{ campaign: CampaignResource }>().campaign;
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  const appealVariant = () => campaign.variants.find((v) => v.placement === 'appeal')?.id ?? '';

  function postSigned(event: unknown) {
    const payload = JSON.stringify(event);
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret }),
      },
      payload,
    });
  }

  async function appealConversions(): Promise<number> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/campaigns/${campaign.id}/results`,
      headers: { authorization: `Bearer ${admin}` },
    });
    const { results } = response.json<{ results: CampaignResultsResource }>();
    return results.variants.find((v) => v.placement === 'appeal')?.conversions ?? -1;
  }

  it('sends the campaign and variant with the Checkout Session and its subscription', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/membership/checkout',
      payload: {
        price: priceId,
        email: 'meta@example.test',
        campaign: campaign.id,
        variant: appealVariant(),
      },
    });
    expect(started.statusCode).toBe(303);
    const sent = api.requests.at(-1)?.form;
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
      const started = await t.app.inject({
        method: 'POST',
        url: '/membership/checkout',
        payload: {
          price: priceId,
          email: `order-${index}@example.test`,
          campaign: campaign.id,
          variant: appealVariant(),
        },
      });
      expect(started.statusCode).toBe(303);
      const reference = api.requests.at(-1)?.form.get('metadata[masthead_checkout]') ?? '';
      const metadata = { masthead_campaign: campaign.id, masthead_variant: appealVariant() };
      const t0 = t.clock.now();
      const periodEnd = new Date(t0.getTime() + 30 * dayMs);
      const customer = `cus_attr_${index}`;
      const sub = `sub_attr_${index}`;
      const events = {
        checkout: stripeEvents.envelope(
          `evt_attr_c${index}`,
          'checkout.session.completed',
          t0,
          stripeEvents.checkoutCompleted({
            session: `cs_attr_${index}`,
            reference,
            customer,
            subscription: sub,
            amount: 800,
            metadata,
          }),
        ),
        subscription: stripeEvents.envelope(
          `evt_attr_s${index}`,
          'customer.subscription.created',
          t0,
          stripeEvents.subscription({
            id: sub,
            customer,
            reference,
            status: 'active',
            amount: 800,
            interval: 'month',
            periodEnd,
            metadata,
          }),
        ),
        invoice: stripeEvents.envelope(
          `evt_attr_i${index}`,
          'invoice.paid',
          t0,
          stripeEvents.invoice({
            id: `in_attr_${index}`,
            customer,
            subscription: sub,
            amount: 800,
            periodEnd,
            paid: true,
          }),
        ),
      };
      for (const name of [...order, ...order]) {
        expect((await postSigned(events[name])).statusCode).toBe(200);
        await drainJobs(t);
      }
      expect(await appealConversions()).toBe(before + 1);
    });
  }

  it('ignores metadata that names no campaign of ours', async () => {
    const before = await appealConversions();
    const started = await t.app.inject({
      method: 'POST',
      url: '/donate',
      payload: { currency: 'eur', preset: '1000', email: 'odd@example.test' },
    });
    expect(started.statusCode).toBe(303);
    const reference = api.requests.at(-1)?.form.get('metadata[masthead_checkout]') ?? '';
    expect(api.requests.at(-1)?.form.has('metadata[masthead_campaign]')).toBe(false);
    const event = stripeEvents.envelope(
      'evt_attr_odd',
      'checkout.session.completed',
      t.clock.now(),
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
    expect((await postSigned(event)).statusCode).toBe(200);
    await drainJobs(t);
    expect(await appealConversions()).toBe(before);
  });
});
