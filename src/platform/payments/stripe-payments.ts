import Stripe from 'stripe';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { SubscriptionChanged } from './payment-event.js';
import type { CheckoutRequest, PaymentProvider } from './payment-provider.js';
import { toPaymentEvent, toSubscriptionChanged } from './stripe-event-mapping.js';

export interface StripePaymentsOptions {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Another API base (a local server in tests); Stripe's own when null. */
  readonly apiUrl: string | null;
  readonly clock: Clock;
}

const providerError = (error: unknown): AppError =>
  new AppError(
    'payment_provider',
    'The payment service could not be reached or refused the request. Nothing was charged; try again in a minute.',
    [],
    { cause: error },
  );

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw providerError(error);
  }
}

/** Stripe through its official SDK: Checkout Sessions, the customer portal, signed webhooks. */
export function createStripePayments(options: StripePaymentsOptions): PaymentProvider {
  const base = options.apiUrl === null ? null : new URL(options.apiUrl);
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base === null
      ? {}
      : {
          host: base.hostname,
          port: base.port === '' ? (base.protocol === 'https:' ? 443 : 80) : Number(base.port),
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }),
  });

  function checkoutParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
    const metadata = {
      masthead_checkout: request.reference,
      ...(request.attribution === null
        ? {}
        : {
            masthead_campaign: request.attribution.campaignId,
            masthead_variant: request.attribution.variantId,
          }),
    };
    const priceData = {
      currency: request.currency,
      unit_amount: request.amount,
      product_data: { name: request.description },
      ...(request.mode === 'subscription' && request.interval !== null
        ? { recurring: { interval: request.interval } }
        : {}),
    };
    const customer =
      request.customerId === null
        ? { customer_email: request.email }
        : { customer: request.customerId };
    const common = {
      client_reference_id: request.reference,
      metadata,
      line_items: [{ price_data: priceData, quantity: 1 }],
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      ...customer,
    };
    if (request.mode === 'subscription') {
      return {
        ...common,
        mode: 'subscription',
        subscription_data: {
          metadata,
          ...(request.trialEnd === null
            ? {}
            : { trial_end: Math.floor(request.trialEnd.getTime() / 1000) }),
        },
      };
    }
    return {
      ...common,
      mode: 'payment',
      payment_intent_data: { metadata },
      ...(request.customerId === null ? { customer_creation: 'always' } : {}),
    };
  }

  return {
    kind: 'stripe',

    async createCheckout(request) {
      const session = await call(() =>
        stripe.checkout.sessions.create(checkoutParams(request), {
          idempotencyKey: `checkout:${request.reference}`,
        }),
      );
      if (session.url === null) throw providerError(new Error('Checkout Session without a URL'));
      return { sessionId: session.id, url: session.url };
    },

    async createPortal(customerId, returnUrl) {
      const session = await call(() =>
        stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
      );
      return { url: session.url };
    },

    readWebhook(rawBody, signature) {
      if (signature === undefined || signature === '') {
        throw new AppError('webhook_signature', 'The Stripe-Signature header is missing.');
      }
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (error) {
        throw new AppError('webhook_signature', 'The webhook signature does not verify.', [], {
          cause: error,
        });
      }
      return toPaymentEvent(event as unknown as Readonly<Record<string, unknown>>);
    },

    async cancelSubscription(subscriptionId, when) {
      await call(() =>
        when === 'now'
          ? stripe.subscriptions.cancel(subscriptionId)
          : stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }),
      );
    },

    async refund({ paymentIntent }) {
      await call(() =>
        stripe.refunds.create(
          { payment_intent: paymentIntent },
          { idempotencyKey: `refund:${paymentIntent}` },
        ),
      );
    },

    async fetchSubscription(subscriptionId): Promise<SubscriptionChanged | null> {
      let subscription: Stripe.Subscription;
      try {
        subscription = await stripe.subscriptions.retrieve(subscriptionId);
      } catch (error) {
        // Unknown to Stripe (another account, or test data): nothing to reconcile.
        if (error instanceof Stripe.errors.StripeError && error.code === 'resource_missing') {
          return null;
        }
        throw providerError(error);
      }
      const now = options.clock.now();
      return toSubscriptionChanged(subscription as unknown as Readonly<Record<string, unknown>>, {
        id: `reconcile:${subscriptionId}:${now.getTime()}`,
        occurredAt: now.toISOString(),
      });
    },
  };
}
