import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { AppError } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { addMonths } from '../../platform/payments/billing-period.js';
import {
  changeMemberStatusIn,
  findMemberIn,
  findOrCreateMemberIn,
} from '../members/member-membership.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { toGiftCode } from './gift-code.js';
import type { GiftRow } from './memberships.table.js';
import { enqueueRevenueEmail } from './revenue-email-queue.js';
import { findGift, findGiftByCode, moveGift } from './revenue.repository.js';

export interface GiftServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly events: EventOutbox;
}

export type GiftState = 'ready' | 'redeemed' | 'expired' | 'unknown' | 'not-yet';

export interface Redeemed {
  readonly memberId: string;
  readonly until: Date;
  /** A new account was made for the address: sign this browser in. */
  readonly created: boolean;
}

const weekMs = 7 * 24 * 60 * 60 * 1000;

export type GiftService = ReturnType<typeof createGiftService>;

/** Gift memberships after payment: delivery on the chosen day, and redemption by code. */
export function createGiftService(deps: GiftServiceDeps) {
  const { db, clock, jobs } = deps;

  function stateOf(gift: GiftRow | undefined, now: Date): GiftState {
    if (gift === undefined || gift.status === 'awaiting-payment' || gift.status === 'refunded') {
      return 'unknown';
    }
    if (gift.status === 'redeemed') return 'redeemed';
    if (new Date(gift.expires_at).getTime() <= now.getTime()) return 'expired';
    return 'ready';
  }

  return {
    async findGiftByCode(code: string): Promise<{ gift: GiftRow | null; state: GiftState }> {
      const clean = toGiftCode(code);
      const gift = clean === null ? undefined : await findGiftByCode(db, clean);
      return { gift: gift ?? null, state: stateOf(gift, clock.now()) };
    },

    /**
     * The `gift.deliver` job: on its day, the recipient's e-mail with the redeem link. The
     * move to `delivered` and the e-mail's job commit together, and the e-mail's key is
     * the gift's, so a crash before or after sends it once.
     */
    async deliverGift(giftId: string): Promise<'delivered' | 'skipped'> {
      return db.transaction().execute(async (trx) => {
        const gift = await findGift(trx, giftId);
        if (gift === undefined || gift.status !== 'paid') return 'skipped';
        const at = toTimestamp(clock.now());
        if (!(await moveGift(trx, giftId, 'paid', { status: 'delivered', delivered_at: at }))) {
          return 'skipped';
        }
        await enqueueRevenueEmail(jobs, trx, `gift-delivered:${giftId}`, {
          kind: 'gift-delivered',
          giftId,
        });
        return 'delivered';
      });
    },

    /**
     * Redeems a code for the signed-in member, or for an address with no account yet (the
     * account is made, and the caller signs it in). An address that has an account must
     * sign in first: a code is no proof of owning an account. The membership runs from now,
     * or from the end of a gift still running, and ends by itself.
     */
    async redeem(
      code: string,
      who: { readonly memberId: string } | { readonly email: string; readonly name: string },
    ): Promise<Redeemed> {
      const clean = toGiftCode(code);
      if (clean === null) throw new AppError('not_found', 'This gift code is not valid.');
      const now = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        const gift = await findGiftByCode(trx, clean);
        const state = stateOf(gift, now);
        if (gift === undefined || state === 'unknown' || state === 'not-yet') {
          throw new AppError(
            'not_found',
            'This gift code is not valid. Check that you typed all of it.',
          );
        }
        if (state === 'redeemed') {
          throw new AppError('token_used', 'This gift has already been redeemed.');
        }
        if (state === 'expired') {
          throw new AppError('token_expired', 'This gift code has expired: codes work for a year.');
        }
        let memberId: string;
        let created = false;
        if ('memberId' in who) {
          memberId = who.memberId;
        } else {
          const email = normaliseEmail(who.email);
          if (!isEmailAddress(email)) {
            throw new AppError(
              'validation_failed',
              'Enter an e-mail address such as name@example.com.',
              [{ field: 'email', message: 'enter an e-mail address such as name@example.com' }],
            );
          }
          const found = await findOrCreateMemberIn(trx, { email, name: who.name.trim(), at: now });
          if (!found.created) {
            throw new AppError(
              'unauthenticated',
              'That address already has an account. Sign in first, then redeem the gift.',
            );
          }
          memberId = found.member.id;
          created = true;
        }
        const member = await findMemberIn(trx, memberId);
        if (member === null) throw new AppError('not_found', 'There is no member with that id.');
        const running =
          member.statusUntil !== null && member.statusUntil.getTime() > now.getTime()
            ? member.statusUntil
            : null;
        if (
          (member.status === 'paid' || member.status === 'comped') &&
          (running !== null || member.statusUntil === null)
        ) {
          throw new AppError(
            'conflict',
            'Your membership is already paid or complimentary. Pass the gift on to someone else.',
          );
        }
        const from = member.status === 'gift' && running !== null ? running : now;
        const until = addMonths(from, gift.months);
        if (
          !(await moveGift(trx, gift.id, gift.status, {
            status: 'redeemed',
            redeemed_at: toTimestamp(now),
            redeemed_by: memberId,
          }))
        ) {
          throw new AppError('token_used', 'This gift has already been redeemed.');
        }
        await changeMemberStatusIn(
          trx,
          deps.events,
          memberId,
          {
            status: 'gift',
            until,
            kind: 'gift-redeemed',
            detail: { gift: gift.id, months: String(gift.months) },
          },
          now,
        );
        await deps.events.record(trx, 'gift.redeemed', {
          giftId: gift.id,
          memberId,
          months: gift.months,
          at: toTimestamp(now),
        });
        const remind = new Date(until.getTime() - weekMs);
        await enqueueRevenueEmail(
          jobs,
          trx,
          `gift-ending-soon:${memberId}:${toTimestamp(until)}`,
          { kind: 'gift-ending-soon', memberId, until: toTimestamp(until) },
          remind > now ? remind : now,
        );
        return { memberId, until, created };
      });
      await deps.events.deliver();
      return result;
    },
  };
}
