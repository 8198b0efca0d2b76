import type { Selectable } from 'kysely';

/** Amounts are integers in minor units (cents); currencies are lower-case ISO 4217 codes. */

export interface MembershipTierTable {
  id: string;
  slug: string;
  name: string;
  /** Plain text, one benefit a line. */
  benefits: string;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipPriceTable {
  id: string;
  tier_id: string;
  /** `month` or `year`. */
  interval: string;
  currency: string;
  /** The price, or the least a reader may pay when `pay_what_you_want` is 1. */
  amount: number;
  pay_what_you_want: number;
}

export interface CheckoutTable {
  id: string;
  /** `membership`, `gift` or `donation`. */
  purpose: string;
  provider: string;
  provider_session_id: string | null;
  /** `open`, `completed`. */
  status: string;
  email: string;
  name: string;
  member_id: string | null;
  tier_id: string | null;
  interval: string | null;
  amount: number;
  currency: string;
  /** SHA-256 of the secret in the return address that signs the reader in. */
  return_token_hash: string;
  return_used_at: string | null;
  created_at: string;
  completed_at: string | null;
  /** Set on completion from the provider's event: the subscription it started, the appeal. */
  provider_subscription_id: string | null;
  campaign_id: string | null;
  variant_id: string | null;
}

export interface PaymentCustomerTable {
  provider: string;
  customer_id: string;
  member_id: string;
  created_at: string;
}

export interface SubscriptionTable {
  id: string;
  provider: string;
  provider_subscription_id: string;
  provider_customer_id: string;
  member_id: string | null;
  tier_id: string | null;
  interval: string;
  amount: number;
  currency: string;
  status: string;
  cancel_at_period_end: number;
  current_period_end: string;
  /** The latest period end a paid invoice covered. */
  paid_through: string | null;
  last_paid_at: string | null;
  /** The first failed payment since the last one that succeeded. */
  failed_at: string | null;
  started_at: string;
  ended_at: string | null;
  /** When the provider made the snapshot now applied; older ones are ignored. */
  snapshot_at: string;
  created_at: string;
  updated_at: string;
  /** The appeal its checkout came from, as the provider's metadata said. */
  campaign_id: string | null;
  variant_id: string | null;
}

export interface PaymentTable {
  id: string;
  provider: string;
  /** The invoice, or for one-time payments the payment intent (else the session). */
  provider_ref: string;
  payment_intent: string | null;
  /** `membership`, `gift` or `donation`. */
  purpose: string;
  customer_id: string | null;
  member_id: string | null;
  subscription_id: string | null;
  gift_id: string | null;
  donation_id: string | null;
  email: string;
  amount: number;
  currency: string;
  refunded_amount: number;
  paid_at: string;
}

export interface GiftTable {
  id: string;
  /** The redeem code: 20 characters of Crockford base32, 100 bits. */
  code: string;
  checkout_id: string;
  /** `awaiting-payment`, `paid`, `delivered`, `redeemed`, `refunded`. */
  status: string;
  buyer_email: string;
  buyer_name: string;
  recipient_name: string;
  recipient_email: string;
  message: string;
  months: number;
  amount: number;
  currency: string;
  deliver_at: string;
  paid_at: string | null;
  delivered_at: string | null;
  redeemed_at: string | null;
  redeemed_by: string | null;
  expires_at: string;
  refunded_at: string | null;
  created_at: string;
}

export interface DonationTable {
  id: string;
  checkout_id: string;
  /** `awaiting-payment`, `paid`, `refunded`. */
  status: string;
  email: string;
  name: string;
  note: string;
  amount: number;
  currency: string;
  member_id: string | null;
  paid_at: string | null;
  refunded_at: string | null;
  created_at: string;
}

export type MembershipTierRow = Selectable<MembershipTierTable>;
export type MembershipPriceRow = Selectable<MembershipPriceTable>;
export type CheckoutRow = Selectable<CheckoutTable>;
export type SubscriptionRow = Selectable<SubscriptionTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type GiftRow = Selectable<GiftTable>;
export type DonationRow = Selectable<DonationTable>;
