import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { DonationRow, GiftRow, PaymentRow, SubscriptionRow } from './memberships.table.js';
import { toRevenueCsv, type RevenueSummary } from './revenue-stats.js';
import type { RevenueService } from './revenue.service.js';
import type { Tier } from './tier.js';
import type { TierInput, TierService } from './tier.service.js';

export interface RevenueRoutesDeps {
  readonly revenue: RevenueService;
  readonly tiers: TierService;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const tags = ['revenue'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const PriceResource = Type.Object({
  id: Type.Optional(Type.String()),
  interval: Type.Union([Type.Literal('month'), Type.Literal('year')]),
  currency: Type.String({ pattern: '^[a-z]{3}$' }),
  amount: Type.Integer({ minimum: 0 }),
  pay_what_you_want: Type.Boolean(),
});
export const TierResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  benefits: Type.Array(Type.String()),
  position: Type.Integer(),
  active: Type.Boolean(),
  prices: Type.Array(PriceResource),
});
const TierBody = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  name: Type.String({ maxLength: 80 }),
  benefits: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }),
  position: Type.Integer({ minimum: 0, maximum: 1000 }),
  active: Type.Boolean(),
  prices: Type.Array(PriceResource, { maxItems: 20 }),
});
const GiftResource = Type.Object({
  id: Type.String(),
  status: Type.String(),
  buyer_email: Type.String(),
  buyer_name: Type.String(),
  recipient_name: Type.String(),
  recipient_email: Type.String(),
  months: Type.Integer(),
  amount: Type.Integer(),
  currency: Type.String(),
  deliver_at: Type.String(),
  paid_at: Type.Union([Type.String(), Type.Null()]),
  delivered_at: Type.Union([Type.String(), Type.Null()]),
  redeemed_at: Type.Union([Type.String(), Type.Null()]),
  expires_at: Type.String(),
});
const DonationResource = Type.Object({
  id: Type.String(),
  status: Type.String(),
  email: Type.String(),
  name: Type.String(),
  note: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  paid_at: Type.Union([Type.String(), Type.Null()]),
});
const DayResource = Type.Object({
  date: Type.String(),
  new_members: Type.Integer(),
  lapsed_members: Type.Integer(),
  gifts_sold: Type.Integer(),
  gifts_redeemed: Type.Integer(),
  donations: Type.Integer(),
  donated: Type.Record(Type.String(), Type.Integer()),
});
export const DashboardResource = Type.Object({
  active_paying_members: Type.Integer(),
  mrr: Type.Record(Type.String(), Type.Integer()),
  days: Type.Array(DayResource),
});
const SubscriptionResource = Type.Object({
  id: Type.String(),
  provider: Type.String(),
  status: Type.String(),
  interval: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  cancel_at_period_end: Type.Boolean(),
  current_period_end: Type.String(),
  started_at: Type.String(),
  ended_at: Type.Union([Type.String(), Type.Null()]),
});
const PaymentResource = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  refunded_amount: Type.Integer(),
  paid_at: Type.String(),
});
const DashboardQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 7, maximum: 366 })),
});

export type TierResource = Static<typeof TierResource>;
export type DashboardResource = Static<typeof DashboardResource>;

const toTierResource = (tier: Tier): TierResource => ({
  id: tier.id,
  slug: tier.slug,
  name: tier.name,
  benefits: [...tier.benefits],
  position: tier.position,
  active: tier.active,
  prices: tier.prices.map((p) => ({
    id: p.id,
    interval: p.interval,
    currency: p.currency,
    amount: p.amount,
    pay_what_you_want: p.payWhatYouWant,
  })),
});

const toTierInput = (body: Static<typeof TierBody>): TierInput => ({
  slug: body.slug,
  name: body.name,
  benefits: body.benefits.join('\n'),
  position: body.position,
  active: body.active,
  prices: body.prices.map((p) => ({
    interval: p.interval,
    currency: p.currency,
    amount: p.amount,
    payWhatYouWant: p.pay_what_you_want,
  })),
});

const toGift = (row: GiftRow) => ({
  id: row.id,
  status: row.status,
  buyer_email: row.buyer_email,
  buyer_name: row.buyer_name,
  recipient_name: row.recipient_name,
  recipient_email: row.recipient_email,
  months: row.months,
  amount: row.amount,
  currency: row.currency,
  deliver_at: row.deliver_at,
  paid_at: row.paid_at,
  delivered_at: row.delivered_at,
  redeemed_at: row.redeemed_at,
  expires_at: row.expires_at,
});
const toDonation = (row: DonationRow) => ({
  id: row.id,
  status: row.status,
  email: row.email,
  name: row.name,
  note: row.note,
  amount: row.amount,
  currency: row.currency,
  paid_at: row.paid_at,
});
const toDashboard = (summary: RevenueSummary): DashboardResource => ({
  active_paying_members: summary.activePayingMembers,
  mrr: { ...summary.mrr },
  days: summary.days.map((day) => ({
    date: day.date,
    new_members: day.newMembers,
    lapsed_members: day.lapsedMembers,
    gifts_sold: day.giftsSold,
    gifts_redeemed: day.giftsRedeemed,
    donations: day.donations,
    donated: { ...day.donated },
  })),
});
const toSubscription = (row: SubscriptionRow) => ({
  id: row.id,
  provider: row.provider,
  status: row.status,
  interval: row.interval,
  amount: row.amount,
  currency: row.currency,
  cancel_at_period_end: row.cancel_at_period_end === 1,
  current_period_end: row.current_period_end,
  started_at: row.started_at,
  ended_at: row.ended_at,
});
const toPayment = (row: PaymentRow) => ({
  id: row.id,
  purpose: row.purpose,
  amount: row.amount,
  currency: row.currency,
  refunded_amount: row.refunded_amount,
  paid_at: row.paid_at,
});

/** `/api/admin/revenue/…`: tiers and prices, gifts, donations, the dashboard, refunds. */
export function revenueRoutes(deps: RevenueRoutesDeps) {
  const { revenue, tiers, requireActor } = deps;
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/revenue/tiers',
      {
        schema: {
          tags,
          summary: 'Membership tiers and their prices',
          response: { 200: Type.Object({ tiers: Type.Array(TierResource) }) },
        },
      },
      async (request) => ({
        tiers: (await tiers.listTiers(requireActor(request))).map(toTierResource),
      }),
    );
    app.post(
      '/revenue/tiers',
      {
        schema: {
          tags,
          summary: 'Add a tier',
          body: TierBody,
          response: { 201: Type.Object({ tier: TierResource }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          tier: toTierResource(
            await tiers.createTier(requireActor(request), toTierInput(request.body)),
          ),
        }),
    );
    app.put(
      '/revenue/tiers/:id',
      {
        schema: {
          tags,
          summary: 'Change a tier and replace its prices',
          params: IdParams,
          body: TierBody,
          response: { 200: Type.Object({ tier: TierResource }) },
        },
      },
      async (request) => ({
        tier: toTierResource(
          await tiers.updateTier(
            requireActor(request),
            request.params.id,
            toTierInput(request.body),
          ),
        ),
      }),
    );
    app.get(
      '/revenue/gifts',
      {
        schema: {
          tags,
          summary: 'Gifts sold, newest first, by status',
          querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) }),
          response: { 200: Type.Object({ gifts: Type.Array(GiftResource) }) },
        },
      },
      async (request) => ({
        gifts: (await revenue.listGifts(requireActor(request), request.query.status)).map(toGift),
      }),
    );
    app.get(
      '/revenue/donations',
      {
        schema: {
          tags,
          summary: 'Donations, newest first',
          response: { 200: Type.Object({ donations: Type.Array(DonationResource) }) },
        },
      },
      async (request) => ({
        donations: (await revenue.listDonations(requireActor(request))).map(toDonation),
      }),
    );
    app.get(
      '/revenue/dashboard',
      {
        schema: {
          tags,
          summary: 'Paying members, MRR and daily figures',
          querystring: DashboardQuery,
          response: { 200: Type.Object({ dashboard: DashboardResource }) },
        },
      },
      async (request) => ({
        dashboard: toDashboard(
          await revenue.dashboard(requireActor(request), request.query.days ?? 90),
        ),
      }),
    );
    app.get(
      '/revenue/dashboard.csv',
      { schema: { tags, summary: 'The daily figures as CSV', querystring: DashboardQuery } },
      async (request, reply) => {
        const summary = await revenue.dashboard(requireActor(request), request.query.days ?? 90);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="revenue.csv"')
          .send(toRevenueCsv(summary));
      },
    );
    app.get(
      '/revenue/members/:id',
      {
        schema: {
          tags,
          summary: "A member's subscriptions and payments",
          params: IdParams,
          response: {
            200: Type.Object({
              subscriptions: Type.Array(SubscriptionResource),
              payments: Type.Array(PaymentResource),
            }),
          },
        },
      },
      async (request) => {
        const found = await revenue.memberRevenue(requireActor(request), request.params.id);
        return {
          subscriptions: found.subscriptions.map(toSubscription),
          payments: found.payments.map(toPayment),
        };
      },
    );
    app.post(
      '/revenue/members/:id/refund',
      {
        schema: {
          tags,
          summary: "Refund the member's latest membership payment and end the membership now",
          params: IdParams,
          response: { 200: Type.Object({ payment: PaymentResource }) },
        },
      },
      async (request) => ({
        payment: toPayment(await revenue.refundMember(requireActor(request), request.params.id)),
      }),
    );
  };
}
