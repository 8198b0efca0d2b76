/**
 * What a payment provider tells Masthead, in Masthead's words. Each adapter reads its own
 * wire format (Stripe's signed webhook events, the test provider's buttons) into these, so
 * everything after the payment runs the same code whoever took it. Amounts are in minor
 * units (cents); times are ISO 8601 UTC.
 */
export const providerKinds = ['stripe', 'test'] as const;
export type ProviderKind = (typeof providerKinds)[number];

export type BillingInterval = 'month' | 'year';

export const subscriptionStatuses = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'paused',
] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export function toSubscriptionStatus(value: string): SubscriptionStatus {
  return (subscriptionStatuses as readonly string[]).includes(value)
    ? (value as SubscriptionStatus)
    : 'incomplete';
}

/**
 * The appeal a checkout came from: a campaign and the variant the reader was shown. Sent to
 * the provider as metadata with the checkout and read back from its events, so the payment
 * is counted for the copy that won it.
 */
export interface CheckoutAttribution {
  readonly campaignId: string;
  readonly variantId: string;
}

/** What an id of Masthead's looks like; anything else in metadata is ignored. */
const attributionIdPattern = /^[A-Za-z0-9_-]{1,64}$/u;

/** An attribution from untrusted text (a form, provider metadata); null unless both are ids. */
export function toCheckoutAttribution(
  campaignId: unknown,
  variantId: unknown,
): CheckoutAttribution | null {
  if (typeof campaignId !== 'string' || typeof variantId !== 'string') return null;
  if (!attributionIdPattern.test(campaignId) || !attributionIdPattern.test(variantId)) return null;
  return { campaignId, variantId };
}

interface EventBase {
  /** The provider's event id: at most one row per id, however often it arrives. */
  readonly id: string;
  readonly provider: ProviderKind;
  /** When the provider says it happened; orders snapshots of one subscription. */
  readonly occurredAt: string;
}

/** A reader finished a checkout: paid once, or started a subscription. */
export interface CheckoutCompleted extends EventBase {
  readonly type: 'checkout.completed';
  readonly sessionId: string;
  /** Masthead's checkout id, sent to the provider with the session. */
  readonly reference: string | null;
  readonly customerId: string | null;
  readonly subscriptionId: string | null;
  readonly paymentIntent: string | null;
  readonly amount: number;
  readonly currency: string;
  readonly email: string | null;
  /** The appeal the checkout came from (absent on events recorded before it was carried). */
  readonly attribution?: CheckoutAttribution | null;
}

/** The provider's current picture of a subscription (created, updated or deleted). */
export interface SubscriptionChanged extends EventBase {
  readonly type: 'subscription.changed';
  readonly subscriptionId: string;
  readonly customerId: string;
  readonly reference: string | null;
  readonly status: SubscriptionStatus;
  readonly amount: number;
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly currentPeriodEnd: string;
  readonly cancelAtPeriodEnd: boolean;
  readonly endedAt: string | null;
  /** Why an ended subscription ended: the reader asked, or payments failed. */
  readonly endReason: 'requested' | 'payment-failed' | null;
  /** The appeal its checkout came from, as the subscription's metadata says (or absent). */
  readonly attribution?: CheckoutAttribution | null;
}

export interface InvoicePaid extends EventBase {
  readonly type: 'invoice.paid';
  readonly invoiceId: string;
  readonly subscriptionId: string | null;
  readonly customerId: string;
  readonly paymentIntent: string | null;
  readonly amount: number;
  readonly currency: string;
  /** The end of the period this invoice pays for, when it pays for one. */
  readonly periodEnd: string | null;
  /**
   * The appeal its subscription's checkout came from, as the subscription's metadata said
   * when the invoice was made (or absent): a returning customer's first invoice may arrive
   * before the checkout that says so.
   */
  readonly attribution?: CheckoutAttribution | null;
}

export interface InvoicePaymentFailed extends EventBase {
  readonly type: 'invoice.payment-failed';
  readonly invoiceId: string;
  readonly subscriptionId: string | null;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
}

export interface ChargeRefunded extends EventBase {
  readonly type: 'charge.refunded';
  readonly chargeId: string;
  readonly paymentIntent: string | null;
  readonly customerId: string | null;
  /** The total refunded so far on this charge. */
  readonly amountRefunded: number;
  readonly currency: string;
}

export type PaymentEvent =
  CheckoutCompleted | SubscriptionChanged | InvoicePaid | InvoicePaymentFailed | ChargeRefunded;

export type PaymentEventType = PaymentEvent['type'];

/** The customer an event is about, when it names one. */
export function customerOf(event: PaymentEvent): string | null {
  return event.customerId;
}
