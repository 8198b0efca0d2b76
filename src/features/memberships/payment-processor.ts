import type { Db, Engine, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type {
  ChargeRefunded,
  CheckoutCompleted,
  PaymentEvent,
} from '../../platform/payments/payment-event.js';
import { toPaymentEvent, type PaymentInbox } from '../../platform/payments/payment-inbox.js';
import { findOrCreateMemberIn, noteMemberEventIn } from '../members/member-membership.js';
import type { CheckoutRow } from './memberships.table.js';
import { enqueueRevenueEmail } from './revenue-email-queue.js';
import {
  findCheckout,
  findCheckoutBySession,
  findDonationByCheckout,
  findGiftByCheckout,
  findPaymentByIntent,
  findPaymentByRef,
  insertPayment,
  linkCustomer,
  lockKey,
  moveDonation,
  moveGift,
  updateCheckout,
  updatePayment,
} from './revenue.repository.js';
import { applySubscriptionFact } from './subscription-facts.js';

export interface PaymentProcessorDeps {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly events: EventOutbox;
  readonly jobs: Pick<JobQueue, 'enqueue' | 'cancel'>;
  readonly inbox: PaymentInbox;
  /** How long a member keeps reading after a failed payment. */
  readonly graceMs: number;
}

export interface Outcome {
  readonly status: 'processed' | 'unmatched';
  readonly note: string | null;
}

const done = (note: string | null = null): Outcome => ({ status: 'processed', note });
const unmatched = (note: string): Outcome => ({ status: 'unmatched', note });

/** What a lock is taken on: every event about one customer waits for the others. */
function lockKeyOf(event: PaymentEvent): string {
  const subject =
    event.customerId ??
    (event.type === 'checkout.completed' ? (event.reference ?? event.sessionId) : null) ??
    (event.type === 'charge.refunded' ? (event.paymentIntent ?? event.chargeId) : event.id);
  return `payments:${event.provider}:${subject}`;
}

export type PaymentProcessor = ReturnType<typeof createPaymentProcessor>;

/**
 * Applies recorded provider events: the one place a payment changes Masthead. Runs as the
 * `payments.process-event` job, and inline when a reader returns from a checkout; either
 * way one transaction per event, which marks the event applied, so a replay, a retry or
 * a second worker changes nothing twice.
 */
export function createPaymentProcessor(deps: PaymentProcessorDeps) {
  const { db, engine, clock, jobs, inbox } = deps;

  async function paidCheckout(
    trx: Trx,
    checkout: CheckoutRow,
    event: CheckoutCompleted,
  ): Promise<Outcome> {
    const now = clock.now();
    const at = toTimestamp(now);
    if (checkout.status !== 'completed') {
      await updateCheckout(trx, checkout.id, {
        status: 'completed',
        completed_at: at,
        provider_session_id: event.sessionId,
        provider_subscription_id: event.subscriptionId,
        campaign_id: event.attribution?.campaignId ?? null,
        variant_id: event.attribution?.variantId ?? null,
      });
    }
    switch (checkout.purpose) {
      case 'membership': {
        let memberId = checkout.member_id;
        if (memberId === null) {
          const found = await findOrCreateMemberIn(trx, {
            email: checkout.email,
            name: checkout.name,
            at: now,
          });
          memberId = found.member.id;
          await updateCheckout(trx, checkout.id, { member_id: memberId });
        }
        if (event.customerId !== null) {
          await linkCustomer(trx, {
            provider: event.provider,
            customer_id: event.customerId,
            member_id: memberId,
            created_at: at,
          });
          // Subscription and invoice events that came first waited for this match.
          await inbox.requeueUnmatched(
            trx,
            event.provider,
            event.customerId,
            `checkout:${checkout.id}`,
          );
        }
        return done();
      }
      case 'gift': {
        const gift = await findGiftByCheckout(trx, checkout.id);
        if (gift === undefined) return unmatched('The gift of this checkout is missing.');
        if (!(await moveGift(trx, gift.id, 'awaiting-payment', { status: 'paid', paid_at: at }))) {
          return done('gift already paid');
        }
        const paymentId = newId();
        await insertPayment(trx, {
          id: paymentId,
          provider: event.provider,
          provider_ref: event.paymentIntent ?? event.sessionId,
          payment_intent: event.paymentIntent,
          purpose: 'gift',
          customer_id: event.customerId,
          member_id: checkout.member_id,
          subscription_id: null,
          gift_id: gift.id,
          donation_id: null,
          email: gift.buyer_email,
          amount: event.amount,
          currency: event.currency,
          refunded_amount: 0,
          paid_at: at,
        });
        const deliverAt = new Date(gift.deliver_at);
        await jobs.enqueue(
          trx,
          'gift.deliver',
          { giftId: gift.id },
          {
            idempotencyKey: `gift.deliver:${gift.id}`,
            runAt: deliverAt > now ? deliverAt : now,
            maxAttempts: 20,
          },
        );
        await enqueueRevenueEmail(jobs, trx, `receipt:${paymentId}`, {
          kind: 'receipt',
          paymentId,
        });
        await deps.events.record(trx, 'gift.purchased', {
          giftId: gift.id,
          months: gift.months,
          amount: event.amount,
          currency: event.currency,
          at,
          attribution: event.attribution ?? null,
        });
        return done();
      }
      case 'donation': {
        const donation = await findDonationByCheckout(trx, checkout.id);
        if (donation === undefined) return unmatched('The donation of this checkout is missing.');
        if (
          !(await moveDonation(trx, donation.id, 'awaiting-payment', {
            status: 'paid',
            paid_at: at,
          }))
        ) {
          return done('donation already paid');
        }
        const paymentId = newId();
        await insertPayment(trx, {
          id: paymentId,
          provider: event.provider,
          provider_ref: event.paymentIntent ?? event.sessionId,
          payment_intent: event.paymentIntent,
          purpose: 'donation',
          customer_id: event.customerId,
          member_id: donation.member_id,
          subscription_id: null,
          gift_id: null,
          donation_id: donation.id,
          email: donation.email,
          amount: event.amount,
          currency: event.currency,
          refunded_amount: 0,
          paid_at: at,
        });
        if (donation.member_id !== null) {
          await noteMemberEventIn(trx, donation.member_id, 'donated', now, {
            amount: String(event.amount),
            currency: event.currency,
          });
        }
        await enqueueRevenueEmail(jobs, trx, `receipt:${paymentId}`, {
          kind: 'receipt',
          paymentId,
        });
        await deps.events.record(trx, 'donation.received', {
          donationId: donation.id,
          memberId: donation.member_id,
          amount: event.amount,
          currency: event.currency,
          at,
          attribution: event.attribution ?? null,
        });
        return done();
      }
      default:
        return unmatched(`Unknown checkout purpose "${checkout.purpose}".`);
    }
  }

  async function refunded(trx: Trx, event: ChargeRefunded): Promise<Outcome> {
    const payment =
      event.paymentIntent === null
        ? undefined
        : ((await findPaymentByIntent(trx, event.paymentIntent)) ??
          (await findPaymentByRef(trx, event.paymentIntent)));
    if (payment === undefined) return unmatched('No payment of Masthead matches this refund.');
    if (event.amountRefunded <= payment.refunded_amount) return done('refund already known');
    const now = clock.now();
    const at = toTimestamp(now);
    await updatePayment(trx, payment.id, { refunded_amount: event.amountRefunded });
    const whole = event.amountRefunded >= payment.amount;
    if (payment.gift_id !== null && whole) {
      for (const from of ['paid', 'delivered']) {
        if (await moveGift(trx, payment.gift_id, from, { status: 'refunded', refunded_at: at })) {
          await jobs.cancel(trx, `gift.deliver:${payment.gift_id}`);
        }
      }
    }
    if (payment.donation_id !== null && whole) {
      await moveDonation(trx, payment.donation_id, 'paid', { status: 'refunded', refunded_at: at });
    }
    if (payment.member_id !== null) {
      await noteMemberEventIn(trx, payment.member_id, 'refunded', now, {
        amount: String(event.amountRefunded - payment.refunded_amount),
        currency: event.currency,
      });
    }
    return done();
  }

  async function apply(trx: Trx, event: PaymentEvent): Promise<Outcome> {
    switch (event.type) {
      case 'checkout.completed': {
        const checkout =
          (event.reference === null ? undefined : await findCheckout(trx, event.reference)) ??
          (await findCheckoutBySession(trx, event.sessionId));
        if (checkout === undefined) return unmatched('No checkout of Masthead matches this one.');
        return paidCheckout(trx, checkout, event);
      }
      case 'subscription.changed':
      case 'invoice.paid':
      case 'invoice.payment-failed':
        return applySubscriptionFact(trx, { ...deps, now: clock.now() }, event);
      case 'charge.refunded':
        return refunded(trx, event);
    }
  }

  return {
    /** Applies one recorded event; says what became of it. Safe to call again. */
    async processEvent(eventRowId: string): Promise<Outcome | 'already-processed' | 'missing'> {
      const outcome = await db.transaction().execute(async (trx) => {
        const first = await inbox.findEvent(trx, eventRowId);
        if (first === undefined) return 'missing' as const;
        await lockKey(trx, engine, lockKeyOf(toPaymentEvent(first)));
        const row = await inbox.findEvent(trx, eventRowId);
        if (row === undefined) return 'missing' as const;
        if (row.status === 'processed') return 'already-processed' as const;
        const result = await apply(trx, toPaymentEvent(row));
        await inbox.markEvent(trx, eventRowId, result.status, result.note);
        return result;
      });
      await deps.events.deliver();
      return outcome;
    },
  };
}
