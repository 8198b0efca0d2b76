import type { Db } from '../../db/database.js';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.js';
import { assertNever } from '../../platform/errors.js';
import type { Member } from '../members/member.js';
import { formatGiftCode } from './gift-code.js';
import type { RevenueEmail } from './revenue-events.js';
import {
  toCancellationEmail,
  toGiftDeliveredEmail,
  toGiftEndingSoonEmail,
  toPaymentFailedEmail,
  toReceiptEmail,
  toWelcomeEmail,
} from './revenue-emails.js';
import { findDonation, findGift, findPaymentById } from './revenue.repository.js';
import { toSubscriptionState } from './subscription-mapping.js';
import { decideMembershipAccess } from './subscription-state.js';
import { formatMoney } from './tier.js';

export interface RevenueEmailDeps {
  readonly db: Db;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
  readonly findMember: (id: string) => Promise<Member | null>;
  /** A date as readers of this site read it. */
  readonly formatDate: (at: Date) => Promise<string>;
  readonly graceMs: number;
}

/**
 * The `revenue.email` job: renders one message from current data and submits it under its
 * key. Data that has moved on (a gift extended, a member deleted) sends nothing.
 */
export function createRevenueEmailSender(deps: RevenueEmailDeps) {
  const { db, siteUrl } = deps;

  async function subscriptionOf(id: string) {
    const row = await db
      .selectFrom('subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.member_id == null) return null;
    const member = await deps.findMember(row.member_id);
    return member === null ? null : { row, member, state: toSubscriptionState(row) };
  }

  async function render(email: RevenueEmail, siteTitle: string): Promise<MailMessage | null> {
    switch (email.kind) {
      case 'welcome': {
        const found = await subscriptionOf(email.subscriptionId);
        if (found === null) return null;
        const plan = `${formatMoney(found.row.amount, found.row.currency)} a ${found.row.interval}`;
        return {
          to: found.member.email,
          ...toWelcomeEmail({
            siteTitle,
            name: found.member.name,
            plan,
            accountUrl: `${siteUrl}/account`,
          }),
        };
      }
      case 'payment-failed': {
        const found = await subscriptionOf(email.subscriptionId);
        if (found === null) return null;
        const access = decideMembershipAccess(found.state, deps.graceMs);
        const ends = access.kind === 'paying' ? access.until : new Date();
        return {
          to: found.member.email,
          ...toPaymentFailedEmail({
            siteTitle,
            graceEnds: await deps.formatDate(ends),
            accountUrl: `${siteUrl}/account`,
          }),
        };
      }
      case 'cancellation': {
        const found = await subscriptionOf(email.subscriptionId);
        if (found === null) return null;
        const ends = found.state.endedAt ?? found.state.currentPeriodEnd;
        return {
          to: found.member.email,
          ...toCancellationEmail({
            siteTitle,
            ends: await deps.formatDate(ends),
            membershipUrl: `${siteUrl}/membership`,
          }),
        };
      }
      case 'receipt': {
        const payment = await findPaymentById(db, email.paymentId);
        if (payment === undefined) return null;
        const amount = formatMoney(payment.amount, payment.currency);
        const date = await deps.formatDate(new Date(payment.paid_at));
        const reference = payment.id.slice(0, 8).toUpperCase();
        if (payment.gift_id !== null) {
          const gift = await findGift(db, payment.gift_id);
          if (gift === undefined) return null;
          return {
            to: gift.buyer_email,
            ...toReceiptEmail({
              siteTitle,
              what: `a ${gift.months}-month gift membership for ${gift.recipient_name}`,
              amount,
              date,
              reference,
              extra: [
                `We e-mail ${gift.recipient_name} the gift on ${await deps.formatDate(new Date(gift.deliver_at))}.`,
                `The gift code is ${formatGiftCode(gift.code)}. Print the gift card to hand it over yourself.`,
              ],
              link: { href: `${siteUrl}/gift/card/${gift.code}`, label: 'Print the gift card' },
            }),
          };
        }
        if (payment.donation_id !== null) {
          const donation = await findDonation(db, payment.donation_id);
          if (donation === undefined) return null;
          return {
            to: donation.email,
            ...toReceiptEmail({
              siteTitle,
              what: 'a one-time donation',
              amount,
              date,
              reference,
              extra: donation.note === '' ? [] : [`Your note: “${donation.note}”`],
            }),
          };
        }
        const member = payment.member_id === null ? null : await deps.findMember(payment.member_id);
        if (member === null) return null;
        return {
          to: member.email,
          ...toReceiptEmail({
            siteTitle,
            what: 'your membership',
            amount,
            date,
            reference,
            extra: [],
          }),
        };
      }
      case 'gift-delivered': {
        const gift = await findGift(db, email.giftId);
        if (gift === undefined || (gift.status !== 'delivered' && gift.status !== 'redeemed'))
          return null;
        return {
          to: gift.recipient_email,
          ...toGiftDeliveredEmail({
            siteTitle,
            recipientName: gift.recipient_name,
            buyerName: gift.buyer_name,
            months: gift.months,
            message: gift.message,
            redeemUrl: `${siteUrl}/gift/redeem/${gift.code}`,
            code: formatGiftCode(gift.code),
            expires: await deps.formatDate(new Date(gift.expires_at)),
          }),
        };
      }
      case 'gift-ending-soon': {
        const member = await deps.findMember(email.memberId);
        if (member?.status !== 'gift' || member.statusUntil?.toISOString() !== email.until)
          return null;
        return {
          to: member.email,
          ...toGiftEndingSoonEmail({
            siteTitle,
            ends: await deps.formatDate(member.statusUntil),
            membershipUrl: `${siteUrl}/membership`,
          }),
        };
      }
      default:
        return assertNever(email);
    }
  }

  return {
    async send(payload: { key: string; email: RevenueEmail }): Promise<'sent' | 'skipped'> {
      const message = await render(payload.email, await deps.siteTitle());
      if (message === null) return 'skipped';
      await deps.mailer.send(message, `revenue:${payload.key}`);
      return 'sent';
    },
  };
}
