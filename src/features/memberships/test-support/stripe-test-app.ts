import Stripe from 'stripe';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { lateView } from '../../../../test/support/late-view.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { DatabaseHandle } from '../../../db/database.js';
import {
  startFakeStripeApi,
  type FakeStripeApi,
} from '../../../platform/payments/test-support/fake-stripe-api.js';
import { createSupporterTier } from './supporter-tier.js';

/** Masthead on Stripe, talking to a local fake of Stripe's API, with a Supporter tier. */
export interface StripeTestApp {
  readonly t: TestApp;
  /** The fake Stripe API: the requests Masthead made and the subscriptions it answers with. */
  readonly api: FakeStripeApi;
  /** An administrator's bearer token. */
  readonly admin: string;
  /** The tier's one price: €8.00 a month. */
  readonly priceId: string;
  /** Posts a body to the Stripe webhook, with the Stripe-Signature header given (if any). */
  postWebhook(body: string, signature: string | undefined): Promise<LightMyRequestResponse>;
  /** Posts an event to the Stripe webhook, signed with the webhook secret as Stripe does. */
  postSigned(event: unknown): Promise<LightMyRequestResponse>;
}

/** Signs webhook payloads in tests; the SDK's key is not used to sign. */
export const stripeSigner = new Stripe('sk_test_signer');

/**
 * Starts the fake Stripe API and the app before the suite's tests (secret key
 * `sk_test_masthead`, the webhook secret given) and closes both after them. Read the
 * fields in a test or a later hook, as with `ctx.handle`.
 */
export function useStripeTestApp(
  ctx: { readonly handle: DatabaseHandle },
  webhookSecret: string,
): StripeTestApp {
  let api: FakeStripeApi | undefined;
  let t: TestApp | undefined;
  let started: StripeTestApp | undefined;
  beforeAll(async () => {
    const fake = await startFakeStripeApi();
    api = fake;
    const app = await createTestApp(ctx.handle, {
      MASTHEAD_STRIPE_SECRET_KEY: 'sk_test_masthead',
      MASTHEAD_STRIPE_WEBHOOK_SECRET: webhookSecret,
      MASTHEAD_STRIPE_API_URL: fake.url,
    });
    t = app;
    const admin = (await app.tokenFor('administrator')).token;
    const tier = await createSupporterTier(app, {
      prices: [{ interval: 'month', currency: 'eur', amount: 800, payWhatYouWant: false }],
    });
    const postWebhook = (body: string, signature: string | undefined) =>
      app.app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: {
          'content-type': 'application/json',
          ...(signature === undefined ? {} : { 'stripe-signature': signature }),
        },
        payload: body,
      });
    started = {
      t: app,
      api: fake,
      admin,
      priceId: tier.prices[0]?.id ?? '',
      postWebhook,
      postSigned(event) {
        const payload = JSON.stringify(event);
        const secret = webhookSecret;
        return postWebhook(
          payload,
          stripeSigner.webhooks.generateTestHeaderString({ payload, secret }),
        );
      },
    };
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });
  return lateView('The Stripe test app', () => started);
}
