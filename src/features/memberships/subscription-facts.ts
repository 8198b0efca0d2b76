import type { Trx } from '../../db/database.js';
import { toTimestamp } from '../../platform/clock.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import {
  toCheckoutAttribution,
  type CheckoutAttribution,
} from '../../platform/payments/payment-event.js';
import { noteMemberEventIn } from '../members/member-membership.js';
import { syncMemberFromSubscriptions } from './member-sync.js';
import { enqueueRevenueEmail } from './revenue-email-queue.js';
import {
  findCheckout,
  findCheckoutBySubscription,
  findCustomerMember,
  findSubscriptionByProviderId,
  insertPayment,
  insertSubscription,
  updateSubscription,
} from './revenue.repository.js';
import type { SubscriptionRow } from './memberships.table.js';
import { isEnded, toSubscriptionColumns, toSubscriptionState } from './subscription-mapping.js';
import {
  decideMembershipAccess,
  decideSubscriptionState,
  type SubscriptionFact,
  type SubscriptionState,
} from './subscription-state.js';

export interface SubscriptionFactDeps {
  readonly events: EventOutbox;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly graceMs: number;
  readonly now: Date;
}

type Outcome = { readonly status: 'processed' | 'unmatched'; readonly note: string | null };

/** Before any snapshot arrived: what an invoice alone says about its subscription. */
function seedFrom(fact: SubscriptionFact): SubscriptionState {
  const periodEnd =
    fact.type === 'invoice.paid' && fact.periodEnd !== null
      ? new Date(fact.periodEnd)
      : new Date(fact.occurredAt);
  return {
    status: fact.type === 'invoice.payment-failed' ? 'past_due' : 'active',
    amount: fact.amount,
    currency: fact.currency,
    interval: fact.type === 'subscription.changed' ? fact.interval : 'month',
    cancelAtPeriodEnd: false,
    currentPeriodEnd: periodEnd,
    paidThrough: null,
    lastPaidAt: null,
    failedAt: null,
    endedAt: null,
    // Any snapshot is newer than a seed.
    snapshotAt: new Date(0),
  };
}

/**
 * The appeal a subscription's checkout came from. Snapshots and paid invoices carry the
 * subscription's metadata; otherwise it is what an earlier event left on the subscription,
 * or what the completed checkout that started this subscription said.
 */
async function attributionOf(
  trx: Trx,
  fact: SubscriptionFact,
  row: SubscriptionRow | undefined,
): Promise<CheckoutAttribution | null> {
  const carried = fact.type === 'invoice.payment-failed' ? null : (fact.attribution ?? null);
  if (carried !== null) return carried;
  const kept = toCheckoutAttribution(row?.campaign_id ?? null, row?.variant_id ?? null);
  if (kept !== null || fact.subscriptionId === null) return kept;
  const checkout = await findCheckoutBySubscription(trx, fact.provider, fact.subscriptionId);
  return toCheckoutAttribution(checkout?.campaign_id ?? null, checkout?.variant_id ?? null);
}

/**
 * A subscription snapshot or an invoice: moves the subscription's state by the pure
 * decider, records what the member sees (payment, timeline, e-mails) once each, then
 * brings the member's status in line. Events for a customer who is no member yet wait
 * (`unmatched`) until the checkout that makes them one arrives.
 */
export async function applySubscriptionFact(
  trx: Trx,
  deps: SubscriptionFactDeps,
  fact: SubscriptionFact,
): Promise<Outcome> {
  const { jobs, now } = deps;
  const at = toTimestamp(now);
  const memberId = await findCustomerMember(trx, fact.provider, fact.customerId);
  if (memberId === undefined) {
    return { status: 'unmatched', note: `No member for customer ${fact.customerId} yet.` };
  }
  if (fact.subscriptionId === null)
    return { status: 'processed', note: 'not a subscription invoice' };
  const row = await findSubscriptionByProviderId(trx, fact.subscriptionId);
  const before = row === undefined ? null : toSubscriptionState(row);
  const after = decideSubscriptionState(before, fact, () => seedFrom(fact));
  const attribution = await attributionOf(trx, fact, row);
  let subscriptionId: string;
  if (row === undefined) {
    subscriptionId = newId();
    const checkout =
      fact.type === 'subscription.changed' && fact.reference !== null
        ? await findCheckout(trx, fact.reference)
        : undefined;
    await insertSubscription(trx, {
      id: subscriptionId,
      provider: fact.provider,
      provider_subscription_id: fact.subscriptionId,
      provider_customer_id: fact.customerId,
      member_id: memberId,
      tier_id: checkout?.tier_id ?? null,
      started_at: fact.occurredAt,
      created_at: at,
      updated_at: at,
      campaign_id: attribution?.campaignId ?? null,
      variant_id: attribution?.variantId ?? null,
      ...toSubscriptionColumns(after),
    });
  } else {
    subscriptionId = row.id;
    let tierId = row.tier_id;
    if (tierId === null && fact.type === 'subscription.changed' && fact.reference !== null) {
      tierId = (await findCheckout(trx, fact.reference))?.tier_id ?? null;
    }
    await updateSubscription(trx, row.id, {
      ...toSubscriptionColumns(after),
      member_id: row.member_id ?? memberId,
      tier_id: tierId,
      campaign_id: attribution?.campaignId ?? null,
      variant_id: attribution?.variantId ?? null,
      updated_at: at,
    });
  }

  switch (fact.type) {
    case 'invoice.paid': {
      if (fact.amount > 0) {
        const paymentId = newId();
        const fresh = await insertPayment(trx, {
          id: paymentId,
          provider: fact.provider,
          provider_ref: fact.invoiceId,
          payment_intent: fact.paymentIntent,
          purpose: 'membership',
          customer_id: fact.customerId,
          member_id: memberId,
          subscription_id: subscriptionId,
          gift_id: null,
          donation_id: null,
          email: '',
          amount: fact.amount,
          currency: fact.currency,
          refunded_amount: 0,
          paid_at: fact.occurredAt,
        });
        if (fresh) {
          await enqueueRevenueEmail(jobs, trx, `receipt:${fact.invoiceId}`, {
            kind: 'receipt',
            paymentId,
          });
          if (before?.lastPaidAt != null) {
            await noteMemberEventIn(trx, memberId, 'renewed', now, { invoice: fact.invoiceId });
          }
        }
      }
      break;
    }
    case 'invoice.payment-failed':
      if (after.failedAt !== null && before?.failedAt?.getTime() !== after.failedAt.getTime()) {
        await noteMemberEventIn(trx, memberId, 'payment-failed', now, { invoice: fact.invoiceId });
        await enqueueRevenueEmail(jobs, trx, `payment-failed:${fact.invoiceId}`, {
          kind: 'payment-failed',
          subscriptionId,
        });
      }
      break;
    case 'subscription.changed': {
      const cancelNow = after.cancelAtPeriodEnd && !isEnded(after);
      if (cancelNow && before?.cancelAtPeriodEnd !== true) {
        await noteMemberEventIn(trx, memberId, 'cancellation-requested', now, {
          ends: toTimestamp(after.currentPeriodEnd),
        });
      }
      const cancelledByReader =
        cancelNow ||
        (isEnded(after) &&
          (before === null || !isEnded(before)) &&
          fact.endReason !== 'payment-failed');
      if (cancelledByReader) {
        await enqueueRevenueEmail(jobs, trx, `cancellation:${subscriptionId}`, {
          kind: 'cancellation',
          subscriptionId,
        });
      }
      if (
        before !== null &&
        (before.interval !== after.interval || before.amount !== after.amount)
      ) {
        await noteMemberEventIn(trx, memberId, 'plan-changed', now, {
          interval: after.interval,
          amount: String(after.amount),
        });
      }
      if (isEnded(after) && (before === null || !isEnded(before))) {
        await deps.events.record(trx, 'membership.ended', { memberId, subscriptionId, at });
      }
      break;
    }
  }

  if (decideMembershipAccess(after, deps.graceMs).kind === 'paying' || after.lastPaidAt !== null) {
    // The first time a subscription gives access or is paid for: welcome, once ever. Both
    // facts only ever become true, so the welcome does not depend on the events' order.
    const welcome = await enqueueRevenueEmail(jobs, trx, `welcome:${subscriptionId}`, {
      kind: 'welcome',
      subscriptionId,
    });
    if (welcome.created) {
      await deps.events.record(trx, 'membership.started', {
        memberId,
        subscriptionId,
        amount: after.amount,
        currency: after.currency,
        interval: after.interval,
        at,
        attribution,
      });
    }
  }
  await syncMemberFromSubscriptions(trx, deps, memberId, now);
  return { status: 'processed', note: null };
}
