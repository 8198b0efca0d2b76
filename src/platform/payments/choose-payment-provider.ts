import type { StripeConfig } from '../../config/config.js';
import type { Db, Trx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { PaymentEvent } from './payment-event.js';
import type { PaymentProvider } from './payment-provider.js';
import { createStripePayments } from './stripe-payments.js';
import { createTestPayments, type TestPayments } from './test-payments.js';

export interface ChosenPaymentProvider {
  readonly provider: PaymentProvider;
  /** The embedded provider's own pages need it; null when Stripe takes payments. */
  readonly testPayments: TestPayments | null;
}

/** Stripe when its keys are configured, otherwise the embedded test provider. */
export function choosePaymentProvider(options: {
  readonly stripe: StripeConfig | null;
  readonly db: Db;
  readonly clock: Clock;
  readonly siteUrl: string;
  readonly record: (trx: Trx, event: PaymentEvent) => Promise<unknown>;
  /** The test provider schedules its renewals (Stripe renews by itself). */
  readonly jobs: Pick<JobQueue, 'enqueue'>;
}): ChosenPaymentProvider {
  if (options.stripe !== null) {
    return {
      provider: createStripePayments({ ...options.stripe, clock: options.clock }),
      testPayments: null,
    };
  }
  const testPayments = createTestPayments(options);
  return { provider: testPayments, testPayments };
}
