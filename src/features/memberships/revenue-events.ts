import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';

/**
 * Facts about reader revenue for other features (fundraising campaigns count them). Each
 * is recorded in the transaction that makes it true, once: a replayed provider event
 * records nothing new. Amounts are in minor units.
 */
export interface MembershipStarted {
  readonly memberId: string;
  readonly subscriptionId: string;
  readonly amount: number;
  readonly currency: string;
  readonly interval: 'month' | 'year';
  readonly at: string;
  /** The appeal its checkout came from, when the provider carried one back. */
  readonly attribution?: CheckoutAttribution | null;
}

export interface MembershipEnded {
  readonly memberId: string;
  readonly subscriptionId: string;
  readonly at: string;
}

export interface GiftPurchased {
  readonly giftId: string;
  readonly months: number;
  readonly amount: number;
  readonly currency: string;
  readonly at: string;
  readonly attribution?: CheckoutAttribution | null;
}

export interface GiftRedeemed {
  readonly giftId: string;
  readonly memberId: string;
  readonly months: number;
  readonly at: string;
}

export interface DonationReceived {
  readonly donationId: string;
  readonly memberId: string | null;
  readonly amount: number;
  readonly currency: string;
  readonly at: string;
  readonly attribution?: CheckoutAttribution | null;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'membership.started': MembershipStarted;
    'membership.ended': MembershipEnded;
    'gift.purchased': GiftPurchased;
    'gift.redeemed': GiftRedeemed;
    'donation.received': DonationReceived;
  }
}

/** The e-mails reader revenue sends; each is rendered when its job runs, from ids only. */
export type RevenueEmail =
  | { readonly kind: 'welcome'; readonly subscriptionId: string }
  | { readonly kind: 'receipt'; readonly paymentId: string }
  | { readonly kind: 'payment-failed'; readonly subscriptionId: string }
  | { readonly kind: 'cancellation'; readonly subscriptionId: string }
  | { readonly kind: 'gift-delivered'; readonly giftId: string }
  | { readonly kind: 'gift-ending-soon'; readonly memberId: string; readonly until: string };

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** One reader-revenue e-mail; its key names the message for good. */
    'revenue.email': { key: string; email: RevenueEmail };
    /** Sends a gift's redeem e-mail on its delivery day. */
    'gift.deliver': { giftId: string };
  }
}
