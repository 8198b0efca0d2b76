import type { Selectable } from 'kysely';

/** A checkout of the test provider, open until the reader presses a button. */
export interface TestPaymentSessionTable {
  id: string;
  /** `subscription` or `payment`. */
  mode: string;
  description: string;
  amount: number;
  currency: string;
  interval: string | null;
  email: string;
  customer_id: string | null;
  reference: string;
  trial_end: string | null;
  success_url: string;
  cancel_url: string;
  /** `open`, `paid`, `cancelled`. A decline leaves it open. */
  status: string;
  created_at: string;
  /** Metadata, as Stripe keeps it: the appeal the checkout came from. */
  campaign_id: string | null;
  variant_id: string | null;
}

export interface TestPaymentSubscriptionTable {
  id: string;
  customer_id: string;
  reference: string;
  amount: number;
  currency: string;
  interval: string;
  status: string;
  current_period_end: string;
  cancel_at_period_end: number;
  created_at: string;
  campaign_id: string | null;
  variant_id: string | null;
  /** 1 while the portal's switch says renewals are declined (a failing card). */
  decline_renewals: number;
}

export type TestPaymentSessionRow = Selectable<TestPaymentSessionTable>;
export type TestPaymentSubscriptionRow = Selectable<TestPaymentSubscriptionTable>;
