import type { Db, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid, type FieldProblem } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';
import type { PaymentInbox } from '../../platform/payments/payment-inbox.js';
import type { PaymentProvider } from '../../platform/payments/payment-provider.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { toSecretHash } from '../staff/secret-hash.js';
import type { Member } from '../members/member.js';
import { newGiftCode } from './gift-code.js';
import type { CheckoutRow, GiftRow } from './memberships.table.js';
import type { PaymentProcessor } from './payment-processor.js';
import {
  findCheckoutByReturnHash,
  findCustomerMember,
  findGiftByCheckout,
  findMemberCustomer,
  insertCheckout,
  insertDonation,
  insertGift,
  updateCheckout,
  useCheckoutReturn,
} from './revenue.repository.js';
import { currencyPattern, formatMoney, giftMonths, type Price, type Tier } from './tier.js';
import type { TierService } from './tier.service.js';

export interface CheckoutServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly provider: PaymentProvider;
  readonly siteUrl: string;
  readonly tiers: Pick<TierService, 'listOffers' | 'findPrice'>;
  readonly processor: Pick<PaymentProcessor, 'processEvent'>;
  readonly inbox: Pick<PaymentInbox, 'listOpenEventIds'>;
  /** Campaigns: keeps the appeal a reader came from only when it is a real one. */
  readonly attributions: {
    findAttribution(given: CheckoutAttribution | null): Promise<CheckoutAttribution | null>;
  };
}

/** The reader asking, when signed in. */
export type Reader = Pick<Member, 'id' | 'email' | 'name' | 'status' | 'statusUntil'> | null;

export interface GiftOrder {
  readonly months: number;
  readonly currency: string;
  readonly buyerEmail: string;
  readonly buyerName: string;
  readonly recipientName: string;
  readonly recipientEmail: string;
  readonly message: string;
  /** `YYYY-MM-DD` (delivered that morning, UTC) or empty for now. */
  readonly deliverOn: string;
}

export interface DonationOrder {
  readonly amount: number | null;
  readonly currency: string;
  readonly email: string;
  readonly name: string;
  readonly note: string;
}

export interface CheckoutReturn {
  readonly checkout: CheckoutRow;
  readonly state: 'completed' | 'pending';
  /** The member to sign in on this browser: only once, and only for memberships. */
  readonly signInMemberId: string | null;
  readonly gift: GiftRow | null;
}

const dayMs = 24 * 60 * 60 * 1000;
/** A gift's code works this long after its delivery day. */
export const giftLifetimeMs = 365 * dayMs;
/** Deliveries are at most a year ahead. */
const latestDeliveryMs = 366 * dayMs;

function checkEmail(problems: FieldProblem[], field: string, value: string): string {
  const email = normaliseEmail(value);
  if (!isEmailAddress(email)) {
    problems.push({ field, message: 'enter an e-mail address such as name@example.com' });
  }
  return email;
}

function checkText(problems: FieldProblem[], field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length > max) problems.push({ field, message: `use at most ${max} characters` });
  return text;
}

export interface StartedCheckout {
  /** Where the reader goes to pay. */
  readonly url: string;
  readonly checkoutId: string;
  readonly sessionId: string;
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;

/**
 * Starting a payment: membership, gift or donation. Each writes a checkout row (and its
 * gift or donation, awaiting payment) before the reader leaves for the provider, so every
 * event coming back finds what it is about by the checkout's id.
 */
export function createCheckoutService(deps: CheckoutServiceDeps) {
  const { db, clock, provider, siteUrl } = deps;

  async function begin(
    row: Omit<
      CheckoutRow,
      | 'provider'
      | 'provider_session_id'
      | 'status'
      | 'return_token_hash'
      | 'return_used_at'
      | 'created_at'
      | 'completed_at'
      | 'provider_subscription_id'
      | 'campaign_id'
      | 'variant_id'
    >,
    request: {
      mode: 'subscription' | 'payment';
      description: string;
      trialEnd: Date | null;
      cancelPath: string;
      attribution: CheckoutAttribution | null;
    },
    extra?: (trx: Trx) => Promise<void>,
  ): Promise<StartedCheckout> {
    const attribution = await deps.attributions.findAttribution(request.attribution);
    const token = newSecret(24);
    const now = toTimestamp(clock.now());
    await db.transaction().execute(async (trx) => {
      await insertCheckout(trx, {
        ...row,
        provider: provider.kind,
        provider_session_id: null,
        status: 'open',
        return_token_hash: toSecretHash(token),
        return_used_at: null,
        created_at: now,
        completed_at: null,
      });
      await extra?.(trx);
    });
    const customerId =
      row.member_id === null
        ? null
        : ((await findMemberCustomer(db, provider.kind, row.member_id)) ?? null);
    const session = await provider.createCheckout({
      reference: row.id,
      mode: request.mode,
      description: request.description,
      amount: row.amount,
      currency: row.currency,
      interval: row.interval === 'year' ? 'year' : row.interval === 'month' ? 'month' : null,
      email: row.email,
      customerId,
      trialEnd: request.trialEnd,
      successUrl: `${siteUrl}/checkout/return/${token}`,
      cancelUrl: `${siteUrl}${request.cancelPath}`,
      attribution,
    });
    await updateCheckout(db, row.id, { provider_session_id: session.sessionId });
    return { url: session.url, checkoutId: row.id, sessionId: session.sessionId };
  }

  async function giftPrice(currency: string): Promise<Price | null> {
    for (const tier of await deps.tiers.listOffers()) {
      const price = tier.prices.find((p) => p.interval === 'month' && p.currency === currency);
      if (price !== undefined) return price;
    }
    return null;
  }

  return {
    giftPrice,

    /**
     * Each start takes the appeal the reader came from, if any (`attribution`, as the link
     * said); the provider carries it back with the payment for the campaign to count.
     */
    async startMembership(
      reader: Reader,
      input: { priceId: string; amount: number | null; email: string; name: string },
      attribution: CheckoutAttribution | null = null,
    ): Promise<StartedCheckout> {
      const found = await deps.tiers.findPrice(input.priceId);
      const problems: FieldProblem[] = [];
      if (found === null) problems.push({ field: 'price', message: 'choose one of the offers' });
      const email = reader?.email ?? checkEmail(problems, 'email', input.email);
      const name = reader?.name ?? checkText(problems, 'name', input.name, 200);
      const price = found?.price;
      let amount = price?.amount ?? 0;
      if (price?.payWhatYouWant === true && input.amount !== null) {
        if (input.amount < price.amount) {
          problems.push({
            field: 'amount',
            message: `pay at least ${formatMoney(price.amount, price.currency)}`,
          });
        }
        amount = input.amount;
      }
      if (problems.length > 0 || found === null || price === undefined) throw invalid(problems);
      const tier: Tier = found.tier;
      const now = clock.now();
      const giftRuns =
        reader !== null &&
        reader.status === 'gift' &&
        reader.statusUntil !== null &&
        reader.statusUntil.getTime() > now.getTime();
      return begin(
        {
          id: newId(),
          purpose: 'membership',
          email,
          name,
          member_id: reader?.id ?? null,
          tier_id: tier.id,
          interval: price.interval,
          amount,
          currency: price.currency,
        },
        {
          mode: 'subscription',
          description: `${tier.name}, ${price.interval === 'year' ? 'yearly' : 'monthly'}`,
          trialEnd: giftRuns ? reader.statusUntil : null,
          cancelPath: '/membership?checkout=cancelled',
          attribution,
        },
      );
    },

    async startGift(
      reader: Reader,
      order: GiftOrder,
      attribution: CheckoutAttribution | null = null,
    ): Promise<StartedCheckout> {
      const problems: FieldProblem[] = [];
      if (!(giftMonths as readonly number[]).includes(order.months)) {
        problems.push({ field: 'months', message: 'choose 1, 3, 6 or 12 months' });
      }
      const buyerEmail = reader?.email ?? checkEmail(problems, 'buyer_email', order.buyerEmail);
      const buyerName = checkText(
        problems,
        'buyer_name',
        order.buyerName || (reader?.name ?? ''),
        200,
      );
      const recipientEmail = checkEmail(problems, 'recipient_email', order.recipientEmail);
      const recipientName = checkText(problems, 'recipient_name', order.recipientName, 200);
      if (recipientName === '') problems.push({ field: 'recipient_name', message: 'is required' });
      const message = checkText(problems, 'message', order.message, 1000);
      const now = clock.now();
      let deliverAt = now;
      if (order.deliverOn !== '') {
        const day = /^\d{4}-\d{2}-\d{2}$/.test(order.deliverOn)
          ? new Date(`${order.deliverOn}T00:00:00.000Z`)
          : null;
        if (day === null || Number.isNaN(day.getTime())) {
          problems.push({ field: 'deliver_on', message: 'choose a date' });
        } else if (day.getTime() + dayMs <= now.getTime()) {
          problems.push({ field: 'deliver_on', message: 'choose today or a later day' });
        } else if (day.getTime() > now.getTime() + latestDeliveryMs) {
          problems.push({ field: 'deliver_on', message: 'choose a day within a year' });
        } else if (day.getTime() > now.getTime()) {
          deliverAt = day;
        }
      }
      const price = currencyPattern.test(order.currency) ? await giftPrice(order.currency) : null;
      if (price === null)
        problems.push({ field: 'currency', message: 'choose a currency on offer' });
      if (problems.length > 0 || price === null) throw invalid(problems);
      const checkoutId = newId();
      const amount = price.amount * order.months;
      return begin(
        {
          id: checkoutId,
          purpose: 'gift',
          email: buyerEmail,
          name: buyerName,
          member_id: reader?.id ?? null,
          tier_id: null,
          interval: null,
          amount,
          currency: order.currency,
        },
        {
          mode: 'payment',
          description: `Gift membership, ${order.months} month${order.months === 1 ? '' : 's'}`,
          trialEnd: null,
          cancelPath: '/gift?checkout=cancelled',
          attribution,
        },
        async (trx) => {
          await insertGift(trx, {
            id: newId(),
            code: newGiftCode(),
            checkout_id: checkoutId,
            status: 'awaiting-payment',
            buyer_email: buyerEmail,
            buyer_name: buyerName,
            recipient_name: recipientName,
            recipient_email: recipientEmail,
            message,
            months: order.months,
            amount,
            currency: order.currency,
            deliver_at: toTimestamp(deliverAt),
            paid_at: null,
            delivered_at: null,
            redeemed_at: null,
            redeemed_by: null,
            expires_at: toTimestamp(new Date(deliverAt.getTime() + giftLifetimeMs)),
            refunded_at: null,
            created_at: toTimestamp(now),
          });
        },
      );
    },

    async startDonation(
      reader: Reader,
      order: DonationOrder,
      attribution: CheckoutAttribution | null = null,
    ): Promise<StartedCheckout> {
      const problems: FieldProblem[] = [];
      const email = reader?.email ?? checkEmail(problems, 'email', order.email);
      const name = checkText(problems, 'name', order.name || (reader?.name ?? ''), 200);
      const note = checkText(problems, 'note', order.note, 500);
      if (order.amount === null || order.amount < 100 || order.amount > 1_000_000) {
        problems.push({ field: 'amount', message: 'give an amount from 1 to 10,000' });
      }
      if (!currencyPattern.test(order.currency)) {
        problems.push({ field: 'currency', message: 'choose a currency' });
      }
      if (problems.length > 0 || order.amount === null) throw invalid(problems);
      const checkoutId = newId();
      const amount = order.amount;
      return begin(
        {
          id: checkoutId,
          purpose: 'donation',
          email,
          name,
          member_id: reader?.id ?? null,
          tier_id: null,
          interval: null,
          amount,
          currency: order.currency,
        },
        {
          mode: 'payment',
          description: 'One-time donation',
          trialEnd: null,
          cancelPath: '/donate?checkout=cancelled',
          attribution,
        },
        async (trx) => {
          await insertDonation(trx, {
            id: newId(),
            checkout_id: checkoutId,
            status: 'awaiting-payment',
            email,
            name,
            note,
            amount,
            currency: order.currency,
            member_id: reader?.id ?? null,
            paid_at: null,
            refunded_at: null,
            created_at: toTimestamp(clock.now()),
          });
        },
      );
    },

    /**
     * The reader is back from the provider. Applies whatever the provider already reported
     * about this checkout (the same processing the jobs run; they then find it done), and
     * says whether it is paid, and whom to sign in.
     */
    async returnFrom(token: string): Promise<CheckoutReturn> {
      const hash = toSecretHash(token);
      const first = await findCheckoutByReturnHash(db, hash);
      if (first === undefined) {
        throw new AppError('not_found', 'This checkout address is not valid.');
      }
      for (let pass = 0; pass < 2; pass += 1) {
        for (const id of await deps.inbox.listOpenEventIds(first.id)) {
          await deps.processor.processEvent(id);
        }
      }
      const checkout = (await findCheckoutByReturnHash(db, hash)) ?? first;
      if (checkout.status !== 'completed') {
        return { checkout, state: 'pending', signInMemberId: null, gift: null };
      }
      let signInMemberId: string | null = null;
      if (checkout.purpose === 'membership' && checkout.member_id !== null) {
        if (await useCheckoutReturn(db, checkout.id, toTimestamp(clock.now()))) {
          signInMemberId = checkout.member_id;
        }
      }
      const gift =
        checkout.purpose === 'gift' ? ((await findGiftByCheckout(db, checkout.id)) ?? null) : null;
      return { checkout, state: 'completed', signInMemberId, gift };
    },

    /** The provider's page for the member's card, plan and cancellation; null without one. */
    async portalFor(memberId: string, returnUrl: string): Promise<{ url: string } | null> {
      const customerId = await findMemberCustomer(db, provider.kind, memberId);
      if (customerId === undefined) return null;
      if ((await findCustomerMember(db, provider.kind, customerId)) !== memberId) return null;
      return provider.createPortal(customerId, returnUrl);
    },
  };
}
