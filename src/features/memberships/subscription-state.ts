import type {
  BillingInterval,
  InvoicePaid,
  InvoicePaymentFailed,
  SubscriptionChanged,
  SubscriptionStatus,
} from '../../platform/payments/payment-event.js';

/** What Masthead knows of one subscription, built from provider events in any order. */
export interface SubscriptionState {
  readonly status: SubscriptionStatus;
  readonly amount: number;
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly cancelAtPeriodEnd: boolean;
  readonly currentPeriodEnd: Date;
  readonly paidThrough: Date | null;
  readonly lastPaidAt: Date | null;
  readonly failedAt: Date | null;
  readonly endedAt: Date | null;
  /** The provider time of the snapshot applied; an older snapshot changes nothing. */
  readonly snapshotAt: Date;
}

export type SubscriptionFact = SubscriptionChanged | InvoicePaid | InvoicePaymentFailed;

const later = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a.getTime() >= b.getTime() ? a : b;

const earlier = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b;

const ended = (status: SubscriptionStatus): boolean =>
  status === 'canceled' || status === 'incomplete_expired';

/**
 * How a subscription's state moves with one provider fact. Written so that the same facts
 * in any order, each any number of times, end in the same state:
 * - a snapshot applies only when it is newer than the one applied (an ended subscription
 *   never comes back: a later "active" snapshot of it is impossible at Stripe);
 * - a paid invoice moves `paidThrough` and `lastPaidAt` forward only (a maximum);
 * - a failed payment counts only when no payment succeeded after it, and the dunning run
 *   starts at the earliest failure since the last success.
 * Invoices that arrive before any snapshot start from `seed`.
 */
export function decideSubscriptionState(
  current: SubscriptionState | null,
  fact: SubscriptionFact,
  seed: () => SubscriptionState,
): SubscriptionState {
  const state = current ?? seed();
  const at = new Date(fact.occurredAt);
  switch (fact.type) {
    case 'subscription.changed': {
      const isSeed = current === null;
      const older = !isSeed && at.getTime() < state.snapshotAt.getTime();
      const sameTime = !isSeed && at.getTime() === state.snapshotAt.getTime();
      if (older || (ended(state.status) && !ended(fact.status))) return state;
      if (sameTime && ended(state.status)) return state;
      return {
        ...state,
        status: fact.status,
        amount: fact.amount,
        currency: fact.currency,
        interval: fact.interval,
        cancelAtPeriodEnd: fact.cancelAtPeriodEnd,
        currentPeriodEnd: new Date(fact.currentPeriodEnd),
        endedAt: fact.endedAt === null ? (ended(fact.status) ? at : null) : new Date(fact.endedAt),
        snapshotAt: at,
      };
    }
    case 'invoice.paid': {
      const lastPaidAt = later(state.lastPaidAt, at);
      const failedAt =
        state.failedAt !== null && lastPaidAt !== null && lastPaidAt >= state.failedAt
          ? null
          : state.failedAt;
      return {
        ...state,
        paidThrough: later(
          state.paidThrough,
          fact.periodEnd === null ? null : new Date(fact.periodEnd),
        ),
        lastPaidAt,
        failedAt,
      };
    }
    case 'invoice.payment-failed': {
      if (state.lastPaidAt !== null && state.lastPaidAt.getTime() >= at.getTime()) return state;
      return { ...state, failedAt: earlier(state.failedAt, at) };
    }
  }
}

/** How long after a failed payment a member keeps reading while the card is retried. */
export const defaultGraceDays = 7;
/** A renewing membership lasts this long past its period end, so a late renewal drops nobody. */
export const renewalSlackMs = 2 * 24 * 60 * 60 * 1000;

export type MembershipAccess =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'paying';
      readonly until: Date;
      readonly why: 'renewing' | 'ending' | 'grace';
    };

/**
 * What a subscription gives its member: paying access until a time, or none. Renewing
 * memberships reach past the period end by a little slack (the renewal's events come
 * then); one set to cancel ends at its period end; a failed payment leaves a grace period
 * counted from the first failure; an ended or never-paid subscription gives nothing.
 */
export function decideMembershipAccess(
  state: SubscriptionState,
  graceMs: number,
): MembershipAccess {
  switch (state.status) {
    case 'canceled':
    case 'incomplete':
    case 'incomplete_expired':
    case 'unpaid':
    case 'paused':
      return { kind: 'none' };
    case 'trialing':
    case 'active':
    case 'past_due':
      break;
  }
  const periodEnd = later(state.currentPeriodEnd, state.paidThrough) ?? state.currentPeriodEnd;
  if (state.failedAt !== null || state.status === 'past_due') {
    const from = state.failedAt ?? state.snapshotAt;
    return { kind: 'paying', until: new Date(from.getTime() + graceMs), why: 'grace' };
  }
  if (state.cancelAtPeriodEnd) return { kind: 'paying', until: periodEnd, why: 'ending' };
  return { kind: 'paying', until: new Date(periodEnd.getTime() + renewalSlackMs), why: 'renewing' };
}
