import { describe, expect, it } from 'vitest';
import type { SubscriptionFact } from './subscription-state.js';
import {
  decideMembershipAccess,
  decideSubscriptionState,
  renewalSlackMs,
  type SubscriptionState,
} from './subscription-state.js';

const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-11-01T10:00:00.000Z');
const at = (days: number) => new Date(t0.getTime() + days * day).toISOString();
const base = { provider: 'stripe' as const, customerId: 'cus_1', subscriptionId: 'sub_1' };

function snapshot(
  id: string,
  days: number,
  fields: Partial<Extract<SubscriptionFact, { type: 'subscription.changed' }>> = {},
): SubscriptionFact {
  return {
    ...base,
    id,
    occurredAt: at(days),
    type: 'subscription.changed',
    reference: null,
    status: 'active',
    amount: 500,
    currency: 'eur',
    interval: 'month',
    currentPeriodEnd: at(30),
    cancelAtPeriodEnd: false,
    endedAt: null,
    endReason: null,
    ...fields,
  };
}
const paid = (id: string, days: number, periodEnd: number): SubscriptionFact => ({
  ...base,
  id,
  occurredAt: at(days),
  type: 'invoice.paid',
  invoiceId: `in_${id}`,
  paymentIntent: null,
  amount: 500,
  currency: 'eur',
  periodEnd: at(periodEnd),
});
const failed = (id: string, days: number): SubscriptionFact => ({
  ...base,
  id,
  occurredAt: at(days),
  type: 'invoice.payment-failed',
  invoiceId: `in_${id}`,
  amount: 500,
  currency: 'eur',
});

function fold(facts: readonly SubscriptionFact[]): SubscriptionState | null {
  let state: SubscriptionState | null = null;
  for (const fact of facts) {
    state = decideSubscriptionState(state, fact, () => ({
      status: 'active',
      amount: 500,
      currency: 'eur',
      interval: 'month',
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(fact.occurredAt),
      paidThrough: null,
      lastPaidAt: null,
      failedAt: null,
      endedAt: null,
      snapshotAt: new Date(0),
    }));
  }
  return state;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

const grace = 7 * day;

describe('a subscription decided from provider facts', () => {
  it('reaches the same state from every order of the same facts, each seen twice', () => {
    const facts = [
      snapshot('s1', 0),
      paid('p1', 0, 30),
      snapshot('s2', 1, { cancelAtPeriodEnd: true }),
      failed('f1', -1),
    ];
    const expected = fold(facts);
    for (const order of permutations(facts)) {
      expect(fold([...order, ...order])).toEqual(expected);
    }
    expect(expected?.cancelAtPeriodEnd).toBe(true);
    expect(expected?.failedAt).toBeNull();
  });

  it('never brings an ended subscription back with an older or later active snapshot', () => {
    const state = fold([
      snapshot('s1', 0),
      snapshot('end', 40, { status: 'canceled', endedAt: at(40) }),
      snapshot('late', 50),
    ]);
    expect(state?.status).toBe('canceled');
    expect(decideMembershipAccess(state as SubscriptionState, grace)).toEqual({ kind: 'none' });
  });

  it('keeps a renewing member reading a little past the period end, so a late renewal drops nobody', () => {
    const access = decideMembershipAccess(
      fold([snapshot('s1', 0), paid('p1', 0, 30)]) as SubscriptionState,
      grace,
    );
    expect(access).toEqual({
      kind: 'paying',
      until: new Date(Date.parse(at(30)) + renewalSlackMs),
      why: 'renewing',
    });
  });

  it('ends a cancelled membership exactly at its period end', () => {
    const access = decideMembershipAccess(
      fold([snapshot('s1', 0, { cancelAtPeriodEnd: true })]) as SubscriptionState,
      grace,
    );
    expect(access).toEqual({ kind: 'paying', until: new Date(at(30)), why: 'ending' });
  });

  it('gives a grace period from the first failed payment, and a later success ends it', () => {
    const failing = fold([
      snapshot('s1', 0),
      paid('p1', 0, 30),
      failed('f1', 30),
      failed('f2', 33),
    ]) as SubscriptionState;
    expect(failing.failedAt?.toISOString()).toBe(at(30));
    expect(decideMembershipAccess(failing, grace)).toEqual({
      kind: 'paying',
      until: new Date(Date.parse(at(30)) + grace),
      why: 'grace',
    });
    const recovered = fold([
      snapshot('s1', 0),
      paid('p1', 0, 30),
      failed('f1', 30),
      paid('p2', 34, 60),
    ]) as SubscriptionState;
    expect(recovered.failedAt).toBeNull();
    expect(recovered.paidThrough?.toISOString()).toBe(at(60));
  });

  it('ignores a failure older than the last successful payment', () => {
    const state = fold([paid('p2', 34, 60), failed('f1', 30)]) as SubscriptionState;
    expect(state.failedAt).toBeNull();
  });
});
