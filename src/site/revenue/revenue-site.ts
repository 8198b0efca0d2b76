import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PaymentMethod } from '../../config/config.js';
import type { CheckoutService, Reader } from '../../features/memberships/checkout.service.js';
import type { GiftService } from '../../features/memberships/gift.service.js';
import type { TierService } from '../../features/memberships/tier.service.js';
import { decideEntitlement, entitlementLastsUntil } from '../../features/members/entitlement.js';
import { setAudienceCookie, setMemberCookie } from '../../features/members/member-cookies.js';
import type {
  MemberSignInService,
  MemberSignedIn,
} from '../../features/members/member-sign-in.service.js';
import type { ReaderAudience } from '../../features/members/reader-audience.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { MemberPagesDeps } from '../members/send-member-page.js';

export interface RevenuePagesDeps extends MemberPagesDeps {
  readonly checkouts: CheckoutService;
  readonly gifts: GiftService;
  readonly tiers: Pick<TierService, 'listOffers'>;
  readonly signIn: Pick<MemberSignInService, 'openSession'>;
  readonly audience: Pick<ReaderAudience, 'sign'>;
  readonly clock: Clock;
  readonly secureCookies: boolean;
  readonly paymentMethods: readonly PaymentMethod[];
  /** True on the embedded test provider: pages say TEST MODE. */
  readonly testMode: boolean;
  /** Origins a payment form may send the reader on to (the provider's checkout). */
  readonly checkoutOrigins: readonly string[];
}

export function readerOf(request: FastifyRequest): Reader {
  return request.memberSession?.member ?? null;
}

/** Signs this browser in as a member who just paid, as the magic link would. */
export function startMemberSession(
  deps: Pick<RevenuePagesDeps, 'audience' | 'clock' | 'secureCookies'>,
  reply: FastifyReply,
  signedIn: MemberSignedIn,
): void {
  setMemberCookie(reply, deps.secureCookies, signedIn.cookieValue, signedIn.expiresAt);
  const now = deps.clock.now();
  const lasts = entitlementLastsUntil(signedIn.member, now);
  const expires = new Date(
    Math.min(lasts?.getTime() ?? signedIn.expiresAt.getTime(), now.getTime() + 24 * 3600_000),
  );
  const value = deps.audience.sign(
    decideEntitlement(signedIn.member, now),
    signedIn.member.id,
    expires,
  );
  if (value !== null) setAudienceCookie(reply, deps.secureCookies, value, expires);
}

/** Lets a page's forms continue to the payment provider's own checkout pages. */
export function allowCheckoutForms(reply: FastifyReply, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  reply.header(
    'content-security-policy',
    policy.replace("form-action 'self'", `form-action 'self' ${origins.join(' ')}`),
  );
}

export async function guardRate(
  limit: (
    request: FastifyRequest,
  ) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean }>,
  request: FastifyRequest,
): Promise<void> {
  const checked = await limit(request);
  if (!checked.isAllowed && checked.isExceeded) {
    throw new AppError(
      'rate_limited',
      'Too many payment requests. Wait a few minutes and try again.',
    );
  }
}
