/** The test provider's renewals: the job that charges one, and when a declined one is retried. */

/** A renewal charge: at the period end, or the one retry after it was declined. */
export type RenewalAttempt = 'renewal' | 'retry';

export interface RenewalDue {
  readonly subscriptionId: string;
  /** The period end the job was scheduled for; a subscription that moved on ignores it. */
  readonly periodEnd: string;
  readonly attempt: RenewalAttempt;
}

declare module '../jobs/job-kinds.js' {
  interface JobKinds {
    /** The test provider charges a subscription's renewal, as Stripe does by itself. */
    'test-payments.renew': RenewalDue;
  }
}

/**
 * How long after a declined renewal the test card network tries once more; if that fails
 * too the subscription ends, as Stripe ends one when its retries run out.
 */
export const renewalRetryMs = 7 * 24 * 60 * 60 * 1000;
