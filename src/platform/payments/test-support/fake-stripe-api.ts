import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeRequest {
  readonly method: string;
  readonly path: string;
  readonly form: URLSearchParams;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
}

export interface FakeStripeApi {
  /** `http://127.0.0.1:port`, for MASTHEAD_STRIPE_API_URL. */
  readonly url: string;
  readonly requests: StripeRequest[];
  /** Subscriptions `GET /v1/subscriptions/{id}` answers with (Stripe's object shape). */
  readonly subscriptions: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A local HTTP server answering the Stripe API calls Masthead makes, with the shapes of
 * Stripe's API reference: Checkout Sessions, billing portal sessions, subscriptions and
 * refunds. The official SDK talks to it as it would to api.stripe.com.
 */
export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const requests: StripeRequest[] = [];
  const subscriptions = new Map<string, Record<string, unknown>>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const key = request.headers['idempotency-key'];
      requests.push({
        method: request.method ?? '',
        path,
        form,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        authorization: request.headers.authorization,
      });
      counter += 1;
      const send = (status: number, body: unknown) => {
        response.writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req_${counter}`,
        });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST' && path === '/v1/checkout/sessions') {
        const id = `cs_test_${counter}`;
        return send(200, {
          id,
          object: 'checkout.session',
          mode: form.get('mode'),
          status: 'open',
          payment_status: 'unpaid',
          client_reference_id: form.get('client_reference_id'),
          customer: form.get('customer'),
          customer_email: form.get('customer_email'),
          metadata: { masthead_checkout: form.get('metadata[masthead_checkout]') },
          success_url: form.get('success_url'),
          cancel_url: form.get('cancel_url'),
          url: `https://checkout.stripe.com/c/pay/${id}`,
          livemode: false,
        });
      }
      if (request.method === 'POST' && path === '/v1/billing_portal/sessions') {
        return send(200, {
          id: `bps_${counter}`,
          object: 'billing_portal.session',
          customer: form.get('customer'),
          return_url: form.get('return_url'),
          url: `https://billing.stripe.com/p/session/test_${counter}`,
          livemode: false,
        });
      }
      const subscription = /^\/v1\/subscriptions\/([\w-]+)$/.exec(path)?.[1];
      if (request.method === 'GET' && subscription !== undefined) {
        const found = subscriptions.get(subscription);
        if (found === undefined) {
          return send(404, {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: 'No such subscription',
            },
          });
        }
        return send(200, found);
      }
      if (request.method === 'POST' && path === '/v1/refunds') {
        return send(200, {
          id: `re_${counter}`,
          object: 'refund',
          payment_intent: form.get('payment_intent'),
          status: 'succeeded',
        });
      }
      return send(404, {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${request.method} ${path})`,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    subscriptions,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

const unix = (at: Date): number => Math.floor(at.getTime() / 1000);

/** Stripe event envelopes with the object shapes of the pinned API version. */
export const stripeEvents = {
  envelope(id: string, type: string, created: Date, object: Record<string, unknown>) {
    return {
      id,
      object: 'event',
      type,
      created: unix(created),
      livemode: false,
      api_version: '2026-10-28.endive',
      data: { object },
    };
  },
  checkoutCompleted(opts: {
    session: string;
    reference: string;
    customer: string;
    subscription: string | null;
    paymentIntent?: string;
    amount: number;
    /** More metadata, as Masthead sent it with the session (the appeal it came from). */
    metadata?: Record<string, string>;
  }) {
    return {
      id: opts.session,
      object: 'checkout.session',
      mode: opts.subscription === null ? 'payment' : 'subscription',
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: opts.reference,
      metadata: { masthead_checkout: opts.reference, ...opts.metadata },
      customer: opts.customer,
      subscription: opts.subscription,
      payment_intent: opts.paymentIntent ?? null,
      amount_total: opts.amount,
      currency: 'eur',
      customer_details: { email: 'buyer@example.test' },
    };
  },
  subscription(opts: {
    id: string;
    customer: string;
    reference: string;
    status: string;
    amount: number;
    interval: 'month' | 'year';
    periodEnd: Date;
    cancelAtPeriodEnd?: boolean;
    endedAt?: Date | null;
    endReason?: string;
    metadata?: Record<string, string>;
  }) {
    return {
      id: opts.id,
      object: 'subscription',
      customer: opts.customer,
      status: opts.status,
      metadata: { masthead_checkout: opts.reference, ...opts.metadata },
      cancel_at_period_end: opts.cancelAtPeriodEnd ?? false,
      cancel_at: null,
      ended_at: opts.endedAt == null ? null : unix(opts.endedAt),
      cancellation_details: { reason: opts.endReason ?? null },
      items: {
        object: 'list',
        data: [
          {
            id: `si_${opts.id}`,
            object: 'subscription_item',
            quantity: 1,
            current_period_end: unix(opts.periodEnd),
            price: {
              id: `price_${opts.id}`,
              object: 'price',
              currency: 'eur',
              unit_amount: opts.amount,
              recurring: { interval: opts.interval, interval_count: 1 },
            },
          },
        ],
      },
    };
  },
  invoice(opts: {
    id: string;
    customer: string;
    subscription: string;
    amount: number;
    periodEnd: Date;
    paid: boolean;
    /** The subscription's metadata when the invoice was made. */
    metadata?: Record<string, string>;
  }) {
    return {
      id: opts.id,
      object: 'invoice',
      customer: opts.customer,
      currency: 'eur',
      amount_paid: opts.paid ? opts.amount : 0,
      amount_due: opts.amount,
      status: opts.paid ? 'paid' : 'open',
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: opts.subscription, metadata: opts.metadata ?? {} },
      },
      lines: {
        object: 'list',
        data: [
          {
            id: `il_${opts.id}`,
            period: { start: unix(opts.periodEnd) - 2_592_000, end: unix(opts.periodEnd) },
          },
        ],
      },
    };
  },
};
