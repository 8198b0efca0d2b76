import type { Db, Trx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { BillingInterval, PaymentEvent } from './payment-event.js';
import type { PaymentProvider } from './payment-provider.js';
import type { TestPaymentSessionRow, TestPaymentSubscriptionRow } from './test-payments.table.js';
import type { RenewalDue } from './test-renewal.js';

/** What the embedded test provider offers beyond the payments port, and what it needs. */
export interface TestPaymentsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly siteUrl: string;
  /** Records events in the caller's transaction: the payment inbox. */
  readonly record: (trx: Trx, event: PaymentEvent) => Promise<unknown>;
  /** Schedules each renewal at its period end, in the transaction that sets the period. */
  readonly jobs: Pick<JobQueue, 'enqueue'>;
}

export type TestSubscriptionAction =
  | 'cancel'
  | 'resume'
  | 'switch'
  | 'renew'
  | 'fail'
  | 'end'
  | 'decline-renewals'
  | 'accept-renewals';

export interface TestPayments extends PaymentProvider {
  findSession(id: string): Promise<TestPaymentSessionRow | null>;
  /** The reader pressed "Pay": the events Stripe would send, recorded at once. */
  pay(sessionId: string): Promise<TestPaymentSessionRow>;
  /** The reader pressed "Cancel": nothing is charged; they return to the site. */
  cancel(sessionId: string): Promise<TestPaymentSessionRow>;
  listSubscriptions(customerId: string): Promise<TestPaymentSubscriptionRow[]>;
  /** A button of the test portal: the same events the Stripe portal would cause. */
  act(customerId: string, subscriptionId: string, action: TestSubscriptionAction): Promise<void>;
  /** The `test-payments.renew` job: charges a renewal that is due, once per period. */
  renewDue(due: RenewalDue): Promise<void>;
  /**
   * Keeps an active subscription begun before this provider knew it (the demo newsroom's
   * history), so it renews at its period end and shows in the test portal like any other.
   * Records no event: its history is already recorded. Adopting it again changes nothing.
   */
  adopt(subscription: AdoptedSubscription): Promise<void>;
}

export interface AdoptedSubscription {
  readonly id: string;
  readonly customerId: string;
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly currentPeriodEnd: Date;
  readonly createdAt: Date;
}
