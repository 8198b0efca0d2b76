import type {
  BillingInterval,
  CheckoutAttribution,
  PaymentEvent,
  ProviderKind,
  SubscriptionChanged,
} from './payment-event.js';

/** What Masthead asks a provider's checkout to collect. */
export interface CheckoutRequest {
  /** Masthead's checkout id; comes back on every event about this checkout. */
  readonly reference: string;
  readonly mode: 'subscription' | 'payment';
  /** What the reader sees they pay for ("Supporter, monthly"). */
  readonly description: string;
  readonly amount: number;
  readonly currency: string;
  /** For a subscription: how often it charges. */
  readonly interval: BillingInterval | null;
  readonly email: string;
  /** The provider's customer for this member, when one exists. */
  readonly customerId: string | null;
  /** A subscription starts charging only then (a gift still running). */
  readonly trialEnd: Date | null;
  readonly successUrl: string;
  readonly cancelUrl: string;
  /** The appeal the reader came from; comes back on the checkout's and subscription's events. */
  readonly attribution: CheckoutAttribution | null;
}

export interface CheckoutSession {
  readonly sessionId: string;
  /** Where the reader goes to pay. */
  readonly url: string;
}

/**
 * The payments port. One adapter per provider (`stripe-payments.ts`, `test-payments.ts`),
 * chosen at start by `choose-payment-provider.ts`. Whatever happens at the provider comes
 * back as `PaymentEvent`s through the inbox (`payment-inbox.ts`), never as return values,
 * so a payment is processed the same way however it arrived.
 */
export interface PaymentProvider {
  readonly kind: ProviderKind;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** A page where the member changes card or plan, or cancels. */
  createPortal(customerId: string, returnUrl: string): Promise<{ url: string }>;
  /**
   * Verifies a webhook on its raw bytes and reads it; null for an event type Masthead does
   * not use. Throws `webhook_signature` when the signature is missing or wrong.
   */
  readWebhook(rawBody: Buffer, signature: string | undefined): PaymentEvent | null;
  /** Ends a subscription now (staff refund) or at the end of its period. */
  cancelSubscription(subscriptionId: string, when: 'now' | 'period-end'): Promise<void>;
  /** Refunds a payment wholly; the provider then reports `charge.refunded`. */
  refund(payment: { paymentIntent: string; amount: number; currency: string }): Promise<void>;
  /** The provider's current picture of a subscription, for reconciling; null when unknown. */
  fetchSubscription(subscriptionId: string): Promise<SubscriptionChanged | null>;
}
