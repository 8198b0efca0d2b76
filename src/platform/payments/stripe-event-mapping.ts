import {
  toCheckoutAttribution,
  toSubscriptionStatus,
  type CheckoutAttribution,
  type BillingInterval,
  type PaymentEvent,
  type SubscriptionChanged,
} from './payment-event.js';

/**
 * Stripe's wire shapes, read once into `PaymentEvent`s. Everything is read defensively from
 * plain JSON: a field missing or of the wrong type makes the event unreadable (null) rather
 * than half-applied. Shapes follow Stripe's API reference for the SDK's pinned version
 * (subscription periods on the items; an invoice's subscription under `parent`).
 */
type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** An id field that may be expanded into its object. */
const idOf = (value: unknown): string | null => (isObject(value) ? str(value.id) : str(value));

const isoOf = (seconds: number): string => new Date(seconds * 1000).toISOString();

const listData = (value: unknown): Json[] =>
  isObject(value) && Array.isArray(value.data) ? value.data.filter(isObject) : [];

const referenceOf = (object: Json): string | null =>
  (isObject(object.metadata) ? str(object.metadata.masthead_checkout) : null) ??
  str(object.client_reference_id);

/** The campaign and variant Masthead sent as metadata, when both are there and well formed. */
const attributionOf = (object: Json): CheckoutAttribution | null =>
  isObject(object.metadata)
    ? toCheckoutAttribution(object.metadata.masthead_campaign, object.metadata.masthead_variant)
    : null;

/** A Stripe subscription object as Masthead's picture of it. */
export function toSubscriptionChanged(
  object: Json,
  meta: { id: string; occurredAt: string },
): SubscriptionChanged | null {
  const subscriptionId = str(object.id);
  const customerId = idOf(object.customer);
  const item = listData(object.items)[0];
  const price = item === undefined ? undefined : item.price;
  if (subscriptionId === null || customerId === null || !isObject(price)) return null;
  const recurring = isObject(price.recurring) ? price.recurring : {};
  const interval: BillingInterval = recurring.interval === 'year' ? 'year' : 'month';
  const periodEnd = num(item?.current_period_end) ?? num(object.current_period_end);
  const amount = num(price.unit_amount);
  const currency = str(price.currency);
  const status = str(object.status);
  if (periodEnd === null || amount === null || currency === null || status === null) return null;
  const endedAt = num(object.ended_at);
  const details = isObject(object.cancellation_details) ? object.cancellation_details : {};
  const reason = str(details.reason);
  return {
    id: meta.id,
    provider: 'stripe',
    occurredAt: meta.occurredAt,
    type: 'subscription.changed',
    subscriptionId,
    customerId,
    reference: referenceOf(object),
    status: toSubscriptionStatus(status),
    amount: amount * Math.max(1, num(item?.quantity) ?? 1),
    currency,
    interval,
    currentPeriodEnd: isoOf(periodEnd),
    cancelAtPeriodEnd: object.cancel_at_period_end === true || num(object.cancel_at) !== null,
    endedAt: endedAt === null ? null : isoOf(endedAt),
    endReason:
      reason === 'payment_failed' || reason === 'payment_disputed'
        ? 'payment-failed'
        : reason === 'cancellation_requested'
          ? 'requested'
          : null,
  };
}

/**
 * What an invoice says of the subscription it bills, when it bills one: under `parent` in
 * Stripe's current API, at the top in versions before 2025-03-31.
 */
function invoiceSubscriptionDetails(invoice: Json): Json | null {
  const parent = isObject(invoice.parent) ? invoice.parent : null;
  if (parent !== null && isObject(parent.subscription_details)) return parent.subscription_details;
  return isObject(invoice.subscription_details) ? invoice.subscription_details : null;
}

function invoiceSubscription(invoice: Json): string | null {
  const details = invoiceSubscriptionDetails(invoice);
  return (details === null ? null : idOf(details.subscription)) ?? idOf(invoice.subscription);
}

function invoicePaymentIntent(invoice: Json): string | null {
  for (const entry of listData(invoice.payments)) {
    const payment = isObject(entry.payment) ? entry.payment : null;
    const intent = payment === null ? null : idOf(payment.payment_intent);
    if (intent !== null) return intent;
  }
  return idOf(invoice.payment_intent);
}

function invoicePeriodEnd(invoice: Json): string | null {
  let latest: number | null = null;
  for (const line of listData(invoice.lines)) {
    const end = isObject(line.period) ? num(line.period.end) : null;
    if (end !== null && (latest === null || end > latest)) latest = end;
  }
  return latest === null ? null : isoOf(latest);
}

/** A verified Stripe event as a `PaymentEvent`; null for types Masthead does not use. */
export function toPaymentEvent(event: Json): PaymentEvent | null {
  const id = str(event.id);
  const type = str(event.type);
  const created = num(event.created);
  const data = isObject(event.data) ? event.data : null;
  const object = data !== null && isObject(data.object) ? data.object : null;
  if (id === null || type === null || created === null || object === null) return null;
  const base = { id, provider: 'stripe' as const, occurredAt: isoOf(created) };
  switch (type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const sessionId = str(object.id);
      const currency = str(object.currency);
      if (sessionId === null || currency === null) return null;
      // A delayed payment method completes the session unpaid; its success comes later.
      if (object.payment_status === 'unpaid') return null;
      const details = isObject(object.customer_details) ? object.customer_details : {};
      return {
        ...base,
        type: 'checkout.completed',
        sessionId,
        reference: referenceOf(object),
        customerId: idOf(object.customer),
        subscriptionId: idOf(object.subscription),
        paymentIntent: idOf(object.payment_intent),
        amount: num(object.amount_total) ?? 0,
        currency,
        email: str(details.email) ?? str(object.customer_email),
        attribution: attributionOf(object),
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return toSubscriptionChanged(object, base);
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const invoiceId = str(object.id);
      const customerId = idOf(object.customer);
      const currency = str(object.currency);
      if (invoiceId === null || customerId === null || currency === null) return null;
      const common = {
        ...base,
        invoiceId,
        customerId,
        currency,
        subscriptionId: invoiceSubscription(object),
      };
      if (type === 'invoice.payment_failed') {
        return {
          ...common,
          type: 'invoice.payment-failed',
          amount: num(object.amount_due) ?? 0,
        };
      }
      return {
        ...common,
        type: 'invoice.paid',
        amount: num(object.amount_paid) ?? 0,
        paymentIntent: invoicePaymentIntent(object),
        periodEnd: invoicePeriodEnd(object),
        // A snapshot of the subscription's metadata when the invoice was made.
        attribution: attributionOf(invoiceSubscriptionDetails(object) ?? {}),
      };
    }
    case 'charge.refunded': {
      const chargeId = str(object.id);
      const currency = str(object.currency);
      const refunded = num(object.amount_refunded);
      if (chargeId === null || currency === null || refunded === null) return null;
      return {
        ...base,
        type: 'charge.refunded',
        chargeId,
        paymentIntent: idOf(object.payment_intent),
        customerId: idOf(object.customer),
        amountRefunded: refunded,
        currency,
      };
    }
    default:
      return null;
  }
}
