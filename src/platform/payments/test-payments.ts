import type { Trx } from '../../db/database.js';
import { toTimestamp } from '../clock.js';
import { AppError } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import { addInterval } from './billing-period.js';
import {
  toCheckoutAttribution,
  type BillingInterval,
  type PaymentEvent,
  type SubscriptionChanged,
} from './payment-event.js';
import type { CheckoutRequest } from './payment-provider.js';
import type { TestPayments, TestPaymentsDeps } from './test-payments.port.js';
import type { TestPaymentSessionRow, TestPaymentSubscriptionRow } from './test-payments.table.js';
import { renewalRetryMs, type RenewalAttempt } from './test-renewal.js';

export { renewalRetryMs, type RenewalAttempt, type RenewalDue } from './test-renewal.js';

export type {
  AdoptedSubscription,
  TestPayments,
  TestPaymentsDeps,
  TestSubscriptionAction,
} from './test-payments.port.js';

const intervalOf = (row: TestPaymentSubscriptionRow): BillingInterval =>
  row.interval === 'year' ? 'year' : 'month';

/** One invoice per subscription and period: a repeated charge names the same invoice. */
const invoiceIdOf = (row: TestPaymentSubscriptionRow): string =>
  `tin_${row.id}_${Date.parse(row.current_period_end)}`;

const notOpen = (): AppError =>
  new AppError('gone', 'This test checkout is finished. Start again from the site.');

/**
 * The embedded payment provider. A checkout is a local page, plainly marked TEST MODE,
 * whose buttons produce the events a card network and Stripe would: the same `PaymentEvent`
 * kinds, recorded in the same inbox and applied by the same jobs. No money moves.
 */
export function createTestPayments(deps: TestPaymentsDeps): TestPayments {
  const { db, clock } = deps;
  const base = () => ({
    id: `tevt_${newId()}`,
    provider: 'test' as const,
    occurredAt: clock.now().toISOString(),
  });

  const toChanged = (
    row: TestPaymentSubscriptionRow,
    endedAt: string | null,
    endReason: SubscriptionChanged['endReason'] = endedAt === null ? null : 'requested',
  ): SubscriptionChanged => ({
    ...base(),
    type: 'subscription.changed',
    subscriptionId: row.id,
    customerId: row.customer_id,
    reference: row.reference,
    status: row.status as SubscriptionChanged['status'],
    amount: row.amount,
    currency: row.currency,
    interval: row.interval === 'year' ? 'year' : 'month',
    currentPeriodEnd: row.current_period_end,
    cancelAtPeriodEnd: row.cancel_at_period_end === 1,
    endedAt,
    endReason,
    attribution: toCheckoutAttribution(row.campaign_id, row.variant_id),
  });

  async function getSession(trx: Trx, id: string): Promise<TestPaymentSessionRow> {
    const row = await trx
      .selectFrom('test_payment_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new AppError('not_found', 'There is no such test checkout.');
    if (row.status !== 'open') throw notOpen();
    return row;
  }

  async function getSubscription(
    trx: Trx,
    customerId: string,
    id: string,
  ): Promise<TestPaymentSubscriptionRow> {
    const row = await trx
      .selectFrom('test_payment_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (row === undefined) throw new AppError('not_found', 'There is no such test subscription.');
    return row;
  }

  async function saveSubscription(trx: Trx, row: TestPaymentSubscriptionRow): Promise<void> {
    await trx
      .updateTable('test_payment_subscriptions')
      .set({
        status: row.status,
        interval: row.interval,
        amount: row.amount,
        current_period_end: row.current_period_end,
        cancel_at_period_end: row.cancel_at_period_end,
      })
      .where('id', '=', row.id)
      .execute();
  }

  function invoicePaid(
    row: TestPaymentSubscriptionRow,
    amount: number,
    invoiceId = `tin_${newId()}`,
  ): PaymentEvent {
    return {
      ...base(),
      type: 'invoice.paid',
      invoiceId,
      subscriptionId: row.id,
      customerId: row.customer_id,
      paymentIntent: `tpi_${invoiceId}`,
      amount,
      currency: row.currency,
      periodEnd: row.current_period_end,
    };
  }

  async function scheduleRenewal(
    trx: Trx,
    row: TestPaymentSubscriptionRow,
    attempt: RenewalAttempt,
    at: Date,
  ): Promise<void> {
    await deps.jobs.enqueue(
      trx,
      'test-payments.renew',
      { subscriptionId: row.id, periodEnd: row.current_period_end, attempt },
      {
        runAt: at,
        // One charge per subscription, period and attempt, however often it is scheduled.
        idempotencyKey: `test-payments.renew:${row.id}:${row.current_period_end}:${attempt}`,
        maxAttempts: 20,
      },
    );
  }

  /**
   * Moves a subscription from the state it was read in; false when another run moved it
   * first (a renewal job and a portal button at once), which then records nothing.
   */
  async function moveSubscription(
    trx: Trx,
    from: TestPaymentSubscriptionRow,
    to: TestPaymentSubscriptionRow,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('test_payment_subscriptions')
      .set({ status: to.status, current_period_end: to.current_period_end })
      .where('id', '=', from.id)
      .where('status', '=', from.status)
      .where('current_period_end', '=', from.current_period_end)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Charges a renewal as a card network and Stripe would, recording the same events:
   * at the period end a subscription set to cancel ends; otherwise a new period starts and
   * is paid (`invoice.paid`), or, while renewals are declined, is owed (`past_due`,
   * `invoice.payment-failed`) and tried once more later. A declined retry ends it.
   */
  async function chargeRenewal(
    trx: Trx,
    row: TestPaymentSubscriptionRow,
    attempt: RenewalAttempt,
  ): Promise<void> {
    const now = clock.now();
    const events: PaymentEvent[] = [];
    let next: TestPaymentSubscriptionRow;
    if (attempt === 'renewal' && row.cancel_at_period_end === 1) {
      next = { ...row, status: 'canceled' };
      events.push(toChanged(next, row.current_period_end));
    } else if (row.decline_renewals === 1) {
      if (attempt === 'retry') {
        next = { ...row, status: 'canceled' };
        events.push(toChanged(next, toTimestamp(now), 'payment-failed'));
      } else {
        next = {
          ...row,
          status: 'past_due',
          current_period_end: toTimestamp(
            addInterval(new Date(row.current_period_end), intervalOf(row)),
          ),
        };
        events.push(toChanged(next, null), {
          ...base(),
          type: 'invoice.payment-failed',
          invoiceId: invoiceIdOf(next),
          subscriptionId: row.id,
          customerId: row.customer_id,
          amount: row.amount,
          currency: row.currency,
        });
      }
    } else {
      next = {
        ...row,
        status: 'active',
        current_period_end:
          attempt === 'retry'
            ? row.current_period_end
            : toTimestamp(addInterval(new Date(row.current_period_end), intervalOf(row))),
      };
      events.push(toChanged(next, null), invoicePaid(next, next.amount, invoiceIdOf(next)));
    }
    if (!(await moveSubscription(trx, row, next))) return;
    for (const event of events) await deps.record(trx, event);
    if (next.status === 'active') {
      await scheduleRenewal(trx, next, 'renewal', new Date(next.current_period_end));
    } else if (next.status === 'past_due') {
      await scheduleRenewal(trx, next, 'retry', new Date(now.getTime() + renewalRetryMs));
    }
  }

  async function startSubscription(trx: Trx, session: TestPaymentSessionRow, customerId: string) {
    const now = clock.now();
    const interval: BillingInterval = session.interval === 'year' ? 'year' : 'month';
    const trialEnd = session.trial_end === null ? null : new Date(session.trial_end);
    const starts = trialEnd !== null && trialEnd > now ? trialEnd : null;
    const row: TestPaymentSubscriptionRow = {
      id: `tsub_${newId()}`,
      customer_id: customerId,
      reference: session.reference,
      amount: session.amount,
      currency: session.currency,
      interval,
      status: starts === null ? 'active' : 'trialing',
      current_period_end: toTimestamp(starts ?? addInterval(now, interval)),
      cancel_at_period_end: 0,
      created_at: toTimestamp(now),
      campaign_id: session.campaign_id,
      variant_id: session.variant_id,
      decline_renewals: 0,
    };
    await trx.insertInto('test_payment_subscriptions').values(row).execute();
    await scheduleRenewal(trx, row, 'renewal', new Date(row.current_period_end));
    return row;
  }

  return {
    kind: 'test',

    async createCheckout(request: CheckoutRequest) {
      const id = `tcs_${newSecret(18)}`;
      await db
        .insertInto('test_payment_sessions')
        .values({
          id,
          mode: request.mode,
          description: request.description,
          amount: request.amount,
          currency: request.currency,
          interval: request.interval,
          email: request.email,
          customer_id: request.customerId,
          reference: request.reference,
          trial_end: request.trialEnd === null ? null : toTimestamp(request.trialEnd),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          status: 'open',
          created_at: toTimestamp(clock.now()),
          campaign_id: request.attribution?.campaignId ?? null,
          variant_id: request.attribution?.variantId ?? null,
        })
        .execute();
      // Same-site paths: the test provider's pages are this site's, whatever host it is behind.
      return { sessionId: id, url: `/test-payments/checkout/${id}` };
    },

    async createPortal(customerId, returnUrl) {
      const query = new URLSearchParams({ return: returnUrl });
      return { url: `/test-payments/portal/${encodeURIComponent(customerId)}?${query}` };
    },

    readWebhook() {
      throw new AppError('not_found', 'The test payment provider takes no webhooks.');
    },

    async findSession(id) {
      const row = await db
        .selectFrom('test_payment_sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ?? null;
    },

    async pay(sessionId) {
      return db.transaction().execute(async (trx) => {
        const session = await getSession(trx, sessionId);
        await trx
          .updateTable('test_payment_sessions')
          .set({ status: 'paid' })
          .where('id', '=', sessionId)
          .execute();
        const customerId = session.customer_id ?? `tcus_${newId()}`;
        const events: PaymentEvent[] = [];
        let subscriptionId: string | null = null;
        if (session.mode === 'subscription') {
          const subscription = await startSubscription(trx, session, customerId);
          subscriptionId = subscription.id;
          events.push(toChanged(subscription, null));
          events.push(
            invoicePaid(subscription, subscription.status === 'trialing' ? 0 : session.amount),
          );
        }
        events.unshift({
          ...base(),
          type: 'checkout.completed',
          sessionId,
          reference: session.reference,
          customerId,
          subscriptionId,
          paymentIntent: session.mode === 'payment' ? `tpi_${sessionId}` : null,
          amount: session.amount,
          currency: session.currency,
          email: session.email,
          attribution: toCheckoutAttribution(session.campaign_id, session.variant_id),
        });
        for (const event of events) await deps.record(trx, event);
        return { ...session, status: 'paid' };
      });
    },

    async cancel(sessionId) {
      return db.transaction().execute(async (trx) => {
        const session = await getSession(trx, sessionId);
        await trx
          .updateTable('test_payment_sessions')
          .set({ status: 'cancelled' })
          .where('id', '=', sessionId)
          .execute();
        return session;
      });
    },

    async listSubscriptions(customerId) {
      return db
        .selectFrom('test_payment_subscriptions')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async act(customerId, subscriptionId, action) {
      await db.transaction().execute(async (trx) => {
        const row = await getSubscription(trx, customerId, subscriptionId);
        if (row.status === 'canceled')
          throw new AppError('conflict', 'This subscription has ended.');
        const now = clock.now();
        const events: PaymentEvent[] = [];
        let next: TestPaymentSubscriptionRow = row;
        let endedAt: string | null = null;
        switch (action) {
          case 'cancel':
            next = { ...row, cancel_at_period_end: 1 };
            break;
          case 'resume':
            next = { ...row, cancel_at_period_end: 0 };
            break;
          case 'switch': {
            const interval = row.interval === 'year' ? 'month' : 'year';
            next = {
              ...row,
              interval,
              amount: interval === 'year' ? row.amount * 10 : Math.round(row.amount / 10),
            };
            break;
          }
          case 'renew':
            // The period end's charge, now: what the renewal job would do then.
            await chargeRenewal(trx, row, row.status === 'past_due' ? 'retry' : 'renewal');
            return;
          case 'decline-renewals':
          case 'accept-renewals':
            await trx
              .updateTable('test_payment_subscriptions')
              .set({ decline_renewals: action === 'decline-renewals' ? 1 : 0 })
              .where('id', '=', row.id)
              .execute();
            return;
          case 'fail':
            next = { ...row, status: 'past_due' };
            events.push({
              ...base(),
              type: 'invoice.payment-failed',
              invoiceId: `tin_${newId()}`,
              subscriptionId: row.id,
              customerId,
              amount: row.amount,
              currency: row.currency,
            });
            break;
          case 'end':
            next = { ...row, status: 'canceled' };
            endedAt = toTimestamp(now);
            break;
        }
        await saveSubscription(trx, next);
        events.unshift(toChanged(next, endedAt));
        for (const event of events) await deps.record(trx, event);
      });
    },

    async adopt(subscription) {
      await db.transaction().execute(async (trx) => {
        const known = await trx
          .selectFrom('test_payment_subscriptions')
          .select('id')
          .where('id', '=', subscription.id)
          .executeTakeFirst();
        if (known !== undefined) return;
        const row: TestPaymentSubscriptionRow = {
          id: subscription.id,
          customer_id: subscription.customerId,
          reference: subscription.reference,
          amount: subscription.amount,
          currency: subscription.currency,
          interval: subscription.interval,
          status: 'active',
          current_period_end: toTimestamp(subscription.currentPeriodEnd),
          cancel_at_period_end: 0,
          created_at: toTimestamp(subscription.createdAt),
          campaign_id: null,
          variant_id: null,
          decline_renewals: 0,
        };
        await trx.insertInto('test_payment_subscriptions').values(row).execute();
        await scheduleRenewal(trx, row, 'renewal', subscription.currentPeriodEnd);
      });
    },

    async renewDue(due) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('test_payment_subscriptions')
          .selectAll()
          .where('id', '=', due.subscriptionId)
          .executeTakeFirst();
        // Ended, renewed already, or moved on by a portal button: nothing is due.
        if (row === undefined || row.status === 'canceled') return;
        if (row.current_period_end !== due.periodEnd) return;
        if ((row.status === 'past_due') !== (due.attempt === 'retry')) return;
        await chargeRenewal(trx, row, due.attempt);
      });
    },

    async cancelSubscription(subscriptionId, when) {
      const row = await db
        .selectFrom('test_payment_subscriptions')
        .select('customer_id')
        .where('id', '=', subscriptionId)
        .executeTakeFirst();
      if (row === undefined) throw new AppError('not_found', 'There is no such test subscription.');
      await this.act(row.customer_id, subscriptionId, when === 'now' ? 'end' : 'cancel');
    },

    async refund(payment) {
      await db.transaction().execute(async (trx) => {
        await deps.record(trx, {
          ...base(),
          type: 'charge.refunded',
          chargeId: `tch_${payment.paymentIntent}`,
          paymentIntent: payment.paymentIntent,
          customerId: null,
          amountRefunded: payment.amount,
          currency: payment.currency,
        });
      });
    },

    async fetchSubscription(subscriptionId) {
      const row = await db
        .selectFrom('test_payment_subscriptions')
        .selectAll()
        .where('id', '=', subscriptionId)
        .executeTakeFirst();
      if (row === undefined) return null;
      return toChanged(row, row.status === 'canceled' ? row.current_period_end : null);
    },
  };
}
