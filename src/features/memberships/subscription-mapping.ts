import { toTimestamp } from '../../platform/clock.js';
import { toSubscriptionStatus } from '../../platform/payments/payment-event.js';
import type { SubscriptionRow, SubscriptionTable } from './memberships.table.js';
import type { SubscriptionState } from './subscription-state.js';

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));
const stamp = (value: Date | null): string | null => (value === null ? null : toTimestamp(value));

export function toSubscriptionState(row: SubscriptionRow): SubscriptionState {
  return {
    status: toSubscriptionStatus(row.status),
    amount: row.amount,
    currency: row.currency,
    interval: row.interval === 'year' ? 'year' : 'month',
    cancelAtPeriodEnd: row.cancel_at_period_end === 1,
    currentPeriodEnd: new Date(row.current_period_end),
    paidThrough: date(row.paid_through),
    lastPaidAt: date(row.last_paid_at),
    failedAt: date(row.failed_at),
    endedAt: date(row.ended_at),
    snapshotAt: new Date(row.snapshot_at),
  };
}

/** The columns a state writes. */
export function toSubscriptionColumns(
  state: SubscriptionState,
): Pick<
  SubscriptionTable,
  | 'status'
  | 'amount'
  | 'currency'
  | 'interval'
  | 'cancel_at_period_end'
  | 'current_period_end'
  | 'paid_through'
  | 'last_paid_at'
  | 'failed_at'
  | 'ended_at'
  | 'snapshot_at'
> {
  return {
    status: state.status,
    amount: state.amount,
    currency: state.currency,
    interval: state.interval,
    cancel_at_period_end: state.cancelAtPeriodEnd ? 1 : 0,
    current_period_end: toTimestamp(state.currentPeriodEnd),
    paid_through: stamp(state.paidThrough),
    last_paid_at: stamp(state.lastPaidAt),
    failed_at: stamp(state.failedAt),
    ended_at: stamp(state.endedAt),
    snapshot_at: toTimestamp(state.snapshotAt),
  };
}

export const isEnded = (state: SubscriptionState): boolean =>
  state.status === 'canceled' || state.status === 'incomplete_expired';
