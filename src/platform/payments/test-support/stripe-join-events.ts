import { stripeEvents } from './fake-stripe-api.js';

/** What Stripe sends when a reader pays a Checkout Session for a monthly subscription. */
export interface StripeJoinEvents {
  readonly checkout: ReturnType<typeof stripeEvents.envelope>;
  readonly subscription: ReturnType<typeof stripeEvents.envelope>;
  readonly invoice: ReturnType<typeof stripeEvents.envelope>;
  /** The subscription's fields, for the later events of the same subscription. */
  readonly base: {
    readonly id: string;
    readonly customer: string;
    readonly reference: string;
    readonly amount: number;
    readonly interval: 'month';
    readonly periodEnd: Date;
  };
}

/**
 * `checkout.session.completed`, `customer.subscription.created` (active) and a paid
 * `invoice.paid`, all at `at`. Every Stripe id is made from `key` (the customer unless
 * given): `cus_${key}`,
 * `sub_${key}`, `cs_${key}`, `in_${key}` and `evt_${key}_…`, so a test names the customer
 * and subscription it later looks for.
 */
export function stripeJoinEvents(opts: {
  key: string;
  reference: string;
  at: Date;
  periodEnd: Date;
  amount: number;
  /** Metadata Masthead sent with the session and the subscription (the appeal it came from). */
  metadata?: Record<string, string>;
  /** A Stripe customer who paid before (`cus_${key}` otherwise). */
  customer?: string;
}): StripeJoinEvents {
  const { key, reference, at, periodEnd, amount, metadata } = opts;
  const customer = opts.customer ?? `cus_${key}`;
  const subscription = `sub_${key}`;
  const base = {
    id: subscription,
    customer,
    reference,
    amount,
    interval: 'month',
    periodEnd,
  } as const;
  return {
    checkout: stripeEvents.envelope(
      `evt_${key}_checkout`,
      'checkout.session.completed',
      at,
      stripeEvents.checkoutCompleted({
        session: `cs_${key}`,
        reference,
        customer,
        subscription,
        amount,
        metadata,
      }),
    ),
    subscription: stripeEvents.envelope(
      `evt_${key}_subscription`,
      'customer.subscription.created',
      at,
      stripeEvents.subscription({ ...base, status: 'active', metadata }),
    ),
    invoice: stripeEvents.envelope(
      `evt_${key}_invoice`,
      'invoice.paid',
      at,
      stripeEvents.invoice({
        id: `in_${key}`,
        customer,
        subscription,
        amount,
        periodEnd,
        paid: true,
        // Stripe copies the subscription's metadata onto each invoice it makes.
        metadata:
          metadata === undefined ? undefined : { masthead_checkout: reference, ...metadata },
      }),
    ),
    base,
  };
}
