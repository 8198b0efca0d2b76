import { Type } from 'typebox';
import { formatMoney } from '../../features/memberships/tier.js';
import { isAppError, type FieldProblem } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { Notice } from '../members/member-pages.js';
import { sendMemberPage } from '../members/send-member-page.js';
import { CardBrands, GiftCard, GiftForm, Problems, TestModeNote } from './revenue-pages.js';
import {
  attributionFields,
  attributionOf,
  RevenuePageQuery,
  startCheckout,
} from './checkout-start.js';
import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';
import {
  allowCheckoutForms,
  guardRate,
  readerOf,
  startMemberSession,
  type RevenuePagesDeps,
} from './revenue-site.js';

const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

/** `/gift` (buy), `/gift/redeem/{code}` (redeem) and `/gift/card/{code}` (print). */
export function giftRoutes(deps: RevenuePagesDeps) {
  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ max: 20, timeWindow: 15 * 60 * 1000 });
    // Guessing codes: a few dozen tries per client per quarter hour against 2^100 codes.
    const redeemPerClient = app.createRateLimit({ max: 30, timeWindow: 15 * 60 * 1000 });

    async function currencies() {
      const seen = new Map<string, number>();
      for (const tier of await deps.tiers.listOffers()) {
        for (const price of tier.prices) {
          if (price.interval === 'month' && !seen.has(price.currency))
            seen.set(price.currency, price.amount);
        }
      }
      return [...seen].map(([currency, monthly]) => ({ currency, monthly }));
    }

    async function giftPage(
      request: Parameters<typeof readerOf>[0],
      reply: Parameters<typeof allowCheckoutForms>[0],
      problems: readonly FieldProblem[],
      cancelled: boolean,
      from: CheckoutAttribution | null,
    ) {
      allowCheckoutForms(reply, deps.checkoutOrigins);
      const offered = await currencies();
      return sendMemberPage(deps, request, reply, {
        title: 'Give a membership',
        path: '/gift',
        status: problems.length > 0 ? 400 : 200,
        children: (
          <>
            {cancelled && (
              <Notice kind="error">Your payment was not completed. Nothing was charged.</Notice>
            )}
            <Problems problems={problems} />
            <p>
              Give someone a membership of 1, 3, 6 or 12 months. We e-mail them on the day you
              choose; it ends by itself and never charges them.
            </p>
            <TestModeNote show={deps.testMode} />
            {offered.length === 0 ? (
              <p>Gift memberships are not on offer yet.</p>
            ) : (
              <GiftForm
                currencies={offered}
                signedIn={request.memberSession !== null}
                today={deps.clock.now().toISOString().slice(0, 10)}
                from={from}
              />
            )}
            <CardBrands brands={deps.paymentMethods} />
          </>
        ),
      });
    }

    app.get('/gift', { schema: { hide: true, querystring: RevenuePageQuery } }, (request, reply) =>
      giftPage(
        request,
        reply,
        [],
        request.query.checkout === 'cancelled',
        attributionOf(request.query),
      ),
    );

    app.post(
      '/gift',
      {
        schema: {
          hide: true,
          body: Type.Object({
            months: Type.String({ maxLength: 3 }),
            currency: Type.String({ maxLength: 3 }),
            recipient_name: Text(300),
            recipient_email: Text(320),
            message: Text(1200),
            deliver_on: Text(10),
            buyer_name: Text(300),
            buyer_email: Text(320),
            ...attributionFields,
          }),
        },
      },
      (request, reply) => {
        const { body } = request;
        const from = attributionOf(body);
        return startCheckout(perClient, request, reply, {
          start: () =>
            deps.checkouts.startGift(
              readerOf(request),
              {
                months: Number.parseInt(body.months, 10),
                currency: body.currency,
                recipientName: body.recipient_name ?? '',
                recipientEmail: body.recipient_email ?? '',
                message: body.message ?? '',
                deliverOn: body.deliver_on ?? '',
                buyerName: body.buyer_name ?? '',
                buyerEmail: body.buyer_email ?? '',
              },
              from,
            ),
          showProblems: (problems) => giftPage(request, reply, problems, false, from),
        });
      },
    );

    app.get(
      '/gift/redeem/:code',
      { schema: { hide: true, params: CodeParams } },
      async (request, reply) => {
        await guardRate(redeemPerClient, request);
        const { gift, state } = await deps.gifts.findGiftByCode(request.params.code);
        const session = request.memberSession;
        if (gift === null || state !== 'ready') {
          const text =
            state === 'redeemed'
              ? 'This gift has already been redeemed.'
              : state === 'expired'
                ? 'This gift code has expired: codes work for a year.'
                : 'This gift code is not valid. Check that you copied all of it.';
          return sendMemberPage(deps, request, reply, {
            title: 'Redeem a gift',
            path: '/gift',
            status: state === 'unknown' ? 404 : 410,
            children: <Notice kind="error">{text}</Notice>,
          });
        }
        return sendMemberPage(deps, request, reply, {
          title: 'Redeem your gift',
          path: '/gift',
          children: (
            <>
              <p>
                {gift.buyer_name === '' ? 'Someone' : gift.buyer_name} gave you {gift.months}{' '}
                {gift.months === 1 ? 'month' : 'months'} of membership. It ends by itself; nothing
                is ever charged to you.
              </p>
              {gift.message !== '' && <blockquote>{gift.message}</blockquote>}
              <form class="form" method="post" action="/gift/redeem">
                <input type="hidden" name="code" value={gift.code} />
                {session === null ? (
                  <>
                    <label for="redeem-email">Your e-mail address</label>
                    <input
                      id="redeem-email"
                      type="email"
                      name="email"
                      required
                      autocomplete="email"
                      value={gift.recipient_email}
                    />
                    <label for="redeem-name">Your name</label>
                    <input
                      id="redeem-name"
                      name="name"
                      autocomplete="name"
                      value={gift.recipient_name}
                    />
                    <p>
                      Already have an account?{' '}
                      <a href={`/signin?next=${encodeURIComponent(`/gift/redeem/${gift.code}`)}`}>
                        Sign in
                      </a>{' '}
                      first.
                    </p>
                  </>
                ) : (
                  <p>It will be added to your account ({session.member.email}).</p>
                )}
                <button type="submit" class="button">
                  Redeem the gift
                </button>
              </form>
            </>
          ),
        });
      },
    );

    app.post(
      '/gift/redeem',
      {
        schema: {
          hide: true,
          body: Type.Object({
            code: Type.String({ maxLength: 40 }),
            email: Text(320),
            name: Text(200),
          }),
        },
      },
      async (request, reply) => {
        await guardRate(redeemPerClient, request);
        const session = request.memberSession;
        let redeemed;
        try {
          redeemed = await deps.gifts.redeem(
            request.body.code,
            session === null
              ? { email: request.body.email ?? '', name: request.body.name ?? '' }
              : { memberId: session.member.id },
          );
        } catch (error) {
          if (!isAppError(error) || error.status >= 500) throw error;
          return sendMemberPage(deps, request, reply, {
            title: 'Redeem a gift',
            path: '/gift',
            status: error.status,
            children: (
              <>
                <Notice kind="error">{error.message}</Notice>
                {error.code === 'unauthenticated' && (
                  <p>
                    <a
                      href={`/signin?next=${encodeURIComponent(`/gift/redeem/${request.body.code}`)}`}
                    >
                      Sign in
                    </a>
                  </p>
                )}
              </>
            ),
          });
        }
        if (redeemed.created) {
          startMemberSession(deps, reply, await deps.signIn.openSession(redeemed.memberId));
        }
        return sendMemberPage(deps, request, reply, {
          title: 'Your gift membership has started',
          path: '/gift',
          children: (
            <>
              <Notice kind="ok">
                You are a member until{' '}
                <time datetime={redeemed.until.toISOString()}>
                  {redeemed.until.toISOString().slice(0, 10)}
                </time>
                . It ends by itself.
              </Notice>
              <p>
                <a href="/account">Your account</a> · <a href="/">Start reading</a>
              </p>
            </>
          ),
        });
      },
    );

    app.get(
      '/gift/card/:code',
      { schema: { hide: true, params: CodeParams } },
      async (request, reply) => {
        await guardRate(redeemPerClient, request);
        const { gift, state } = await deps.gifts.findGiftByCode(request.params.code);
        if (gift === null || state === 'unknown') {
          return sendMemberPage(deps, request, reply, {
            title: 'Gift card',
            path: '/gift',
            status: 404,
            children: <Notice kind="error">This gift code is not valid.</Notice>,
          });
        }
        const site = await deps.settings.getSiteSettings();
        return sendMemberPage(deps, request, reply, {
          title: 'Gift card',
          path: '/gift',
          children: (
            <>
              <GiftCard
                gift={gift}
                siteTitle={site.title}
                siteUrl={deps.siteUrl}
                expires={gift.expires_at.slice(0, 10)}
              />
              <p>
                Paid {formatMoney(gift.amount, gift.currency)}. Print this page (Ctrl+P or ⌘P) to
                hand it over.
              </p>
            </>
          ),
        });
      },
    );
  };
}
