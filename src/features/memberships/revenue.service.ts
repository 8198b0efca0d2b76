import type { Db } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { toEventRowId, type PaymentInbox } from '../../platform/payments/payment-inbox.js';
import type { PaymentProvider } from '../../platform/payments/payment-provider.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { countPayingMembersAt } from '../members/member.repository.js';
import type { DonationRow, GiftRow, PaymentRow, SubscriptionRow } from './memberships.table.js';
import type { PaymentProcessor } from './payment-processor.js';
import {
  listAllSubscriptions,
  listDonations,
  listDonationsSince,
  listGiftsActiveSince,
  listGifts,
  listMemberPayments,
  listMemberSubscriptions,
} from './revenue.repository.js';
import { toRevenueSummary, type RevenueSummary } from './revenue-stats.js';

export interface RevenueServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly provider: PaymentProvider;
  readonly inbox: Pick<PaymentInbox, 'listUnmatched' | 'record'>;
  readonly processor: Pick<PaymentProcessor, 'processEvent'>;
}

export interface ReconcileReport {
  readonly subscriptionsChecked: number;
  readonly subscriptionsUpdated: number;
  readonly unmatchedRetried: number;
  readonly stillUnmatched: number;
}

export type RevenueService = ReturnType<typeof createRevenueService>;

/** Reader revenue as staff see it: lists, the dashboard, refunds, reconciling. */
export function createRevenueService(deps: RevenueServiceDeps) {
  const { db, clock } = deps;

  return {
    async listGifts(actor: Actor, status: string | undefined): Promise<GiftRow[]> {
      ensureCan(actor, 'revenue.read', 'see gifts');
      return listGifts(db, { status, limit: 500 });
    },

    async listDonations(actor: Actor): Promise<DonationRow[]> {
      ensureCan(actor, 'revenue.read', 'see donations');
      return listDonations(db, 500);
    },

    async memberRevenue(
      actor: Actor,
      memberId: string,
    ): Promise<{ subscriptions: SubscriptionRow[]; payments: PaymentRow[] }> {
      ensureCan(actor, 'revenue.read', 'see payments');
      const [subscriptions, payments] = await Promise.all([
        listMemberSubscriptions(db, memberId),
        listMemberPayments(db, memberId),
      ]);
      return { subscriptions, payments };
    },

    async dashboard(actor: Actor, days: number): Promise<RevenueSummary> {
      ensureCan(actor, 'revenue.read', 'see the revenue dashboard');
      const now = clock.now();
      const from = new Date(now.getTime() - days * 86_400_000).toISOString();
      const [subscriptions, gifts, donations, paying] = await Promise.all([
        listAllSubscriptions(db),
        listGiftsActiveSince(db, from),
        listDonationsSince(db, from),
        countPayingMembersAt(db, now.toISOString()),
      ]);
      return toRevenueSummary({
        now,
        days,
        activePayingMembers: paying,
        subscriptions,
        gifts,
        donations,
      });
    },

    /**
     * Refunds the member's latest membership payment and ends their subscription now. The
     * provider reports both back as events, which move the member like any other.
     */
    async refundMember(actor: Actor, memberId: string): Promise<PaymentRow> {
      ensureCan(actor, 'revenue.manage', 'refund payments');
      const payments = await listMemberPayments(db, memberId);
      const payment = payments.find(
        (p) =>
          p.purpose === 'membership' && p.refunded_amount < p.amount && p.payment_intent !== null,
      );
      if (payment?.payment_intent == null) {
        throw new AppError(
          'conflict',
          'This member has no refundable card payment here. Refund it at the payment provider.',
        );
      }
      await deps.provider.refund({
        paymentIntent: payment.payment_intent,
        amount: payment.amount,
        currency: payment.currency,
      });
      for (const subscription of await listMemberSubscriptions(db, memberId)) {
        if (subscription.ended_at === null && subscription.status !== 'canceled') {
          await deps.provider.cancelSubscription(subscription.provider_subscription_id, 'now');
        }
      }
      await deps.audit.record(
        db,
        actor,
        'member.refunded',
        { type: 'member', id: memberId },
        {
          payment: payment.id,
          amount: payment.amount,
          currency: payment.currency,
        },
      );
      return payment;
    },

    /**
     * `masthead payments reconcile`: asks the provider for each subscription's current
     * state and applies it as a fresh snapshot, then retries events still waiting for
     * their member.
     */
    async reconcile(): Promise<ReconcileReport> {
      const subscriptions = await listAllSubscriptions(db);
      let updated = 0;
      for (const row of subscriptions) {
        if (row.provider !== deps.provider.kind) continue;
        const snapshot = await deps.provider.fetchSubscription(row.provider_subscription_id);
        if (snapshot === null) continue;
        updated += await deps.inbox.record([snapshot]);
        await deps.processor.processEvent(toEventRowId(snapshot.provider, snapshot.id));
      }
      const unmatched = await deps.inbox.listUnmatched();
      for (const event of [...unmatched]) await deps.processor.processEvent(event.id);
      const still = await deps.inbox.listUnmatched();
      return {
        subscriptionsChecked: subscriptions.length,
        subscriptionsUpdated: updated,
        unmatchedRetried: unmatched.length,
        stillUnmatched: still.length,
      };
    },
  };
}
