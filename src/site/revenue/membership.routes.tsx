import { Type } from 'typebox';
import { parseAmount } from '../../features/memberships/tier.js';
import { formatMoney } from '../../features/memberships/tier.js';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { ensureMemberCsrf } from '../members/member-csrf.js';
import { Notice } from '../members/member-pages.js';
import { sendMemberPage } from '../members/send-member-page.js';
import {
  CardBrands,
  DonateForm,
  GiftCard,
  Offers,
  Problems,
  TestModeNote,
} from './revenue-pages.js';
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
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

/** `/membership`, `/donate`, the return from a checkout, and the member's payment portal. */
export function membershipRoutes(deps: RevenuePagesDeps) {
  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ max: 20, timeWindow: 15 * 60 * 1000 });

    async function membershipPage(
      request: Parameters<typeof readerOf>[0],
      reply: Parameters<typeof allowCheckoutForms>[0],
      problems: readonly FieldProblem[],
      cancelled: boolean,
      from: CheckoutAttribution | null,
    ) {
      allowCheckoutForms(reply, deps.checkoutOrigins);
      return sendMemberPage(deps, request, reply, {
        title: 'Become a member',
        path: '/membership',
        status: problems.length > 0 ? 400 : 200,
        children: (
          <>
            {cancelled && (
              <Notice kind="error">Your payment was not completed. Nothing was charged.</Notice>
            )}
            <Problems problems={problems} />
            <p>
              Our journalism is paid for by readers. Members give a little each month or year and
              read everything; you can cancel at any time.
            </p>
            <TestModeNote show={deps.testMode} />
            <Offers
              tiers={await deps.tiers.listOffers()}
              signedIn={request.memberSession !== null}
              from={from}
            />
            <CardBrands brands={deps.paymentMethods} />
            <p>
              Or <a href="/gift">give a membership</a>, or <a href="/donate">donate once</a>.
            </p>
          </>
        ),
      });
    }

    app.get(
      '/membership',
      { schema: { hide: true, querystring: RevenuePageQuery } },
      (request, reply) =>
        membershipPage(
          request,
          reply,
          [],
          request.query.checkout === 'cancelled',
          attributionOf(request.query),
        ),
    );

    app.post(
      '/membership/checkout',
      {
        schema: {
          hide: true,
          body: Type.Object({
            price: Type.String({ minLength: 1, maxLength: 64 }),
            amount: Text(12),
            email: Text(320),
            name: Text(200),
            ...attributionFields,
          }),
        },
      },
      (request, reply) => {
        const { body } = request;
        const from = attributionOf(body);
        return startCheckout(perClient, request, reply, {
          start: () => {
            const given = body.amount !== undefined && body.amount !== '';
            const amount = given ? parseAmount(body.amount ?? '') : null;
            if (given && amount === null) {
              throw invalid([{ field: 'amount', message: 'enter an amount such as 7.50' }]);
            }
            return deps.checkouts.startMembership(
              readerOf(request),
              { priceId: body.price, amount, email: body.email ?? '', name: body.name ?? '' },
              from,
            );
          },
          showProblems: (problems) => membershipPage(request, reply, problems, false, from),
        });
      },
    );

    async function donatePage(
      request: Parameters<typeof readerOf>[0],
      reply: Parameters<typeof allowCheckoutForms>[0],
      problems: readonly FieldProblem[],
      cancelled: boolean,
      from: CheckoutAttribution | null,
    ) {
      allowCheckoutForms(reply, deps.checkoutOrigins);
      const offers = await deps.tiers.listOffers();
      const currency = offers[0]?.prices[0]?.currency ?? 'eur';
      return sendMemberPage(deps, request, reply, {
        title: 'Donate',
        path: '/donate',
        status: problems.length > 0 ? 400 : 200,
        children: (
          <>
            {cancelled && (
              <Notice kind="error">Your donation was not completed. Nothing was charged.</Notice>
            )}
            <Problems problems={problems} />
            <p>A one-time gift of any size keeps our reporting going. We e-mail you a receipt.</p>
            <TestModeNote show={deps.testMode} />
            <DonateForm currency={currency} signedIn={request.memberSession !== null} from={from} />
            <CardBrands brands={deps.paymentMethods} />
          </>
        ),
      });
    }

    app.get(
      '/donate',
      { schema: { hide: true, querystring: RevenuePageQuery } },
      (request, reply) =>
        donatePage(
          request,
          reply,
          [],
          request.query.checkout === 'cancelled',
          attributionOf(request.query),
        ),
    );

    app.post(
      '/donate',
      {
        schema: {
          hide: true,
          body: Type.Object({
            currency: Type.String({ maxLength: 3 }),
            preset: Text(12),
            custom: Text(12),
            note: Text(600),
            name: Text(200),
            email: Text(320),
            ...attributionFields,
          }),
        },
      },
      (request, reply) => {
        const { body } = request;
        const custom = body.custom?.trim() ?? '';
        const amount =
          body.preset === 'custom' || (custom !== '' && body.preset === undefined)
            ? parseAmount(custom)
            : custom !== ''
              ? parseAmount(custom)
              : body.preset === undefined
                ? null
                : Number.parseInt(body.preset, 10) || null;
        const from = attributionOf(body);
        return startCheckout(perClient, request, reply, {
          start: () =>
            deps.checkouts.startDonation(
              readerOf(request),
              {
                amount,
                currency: body.currency,
                email: body.email ?? '',
                name: body.name ?? '',
                note: body.note ?? '',
              },
              from,
            ),
          showProblems: (problems) => donatePage(request, reply, problems, false, from),
        });
      },
    );

    app.get(
      '/checkout/return/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        await guardRate(perClient, request);
        const back = await deps.checkouts.returnFrom(request.params.token);
        const { checkout } = back;
        if (back.state === 'pending') {
          return sendMemberPage(deps, request, reply, {
            title: 'Confirming your payment',
            path: '/membership',
            children: (
              <>
                <p>
                  We are waiting for the payment service to confirm your payment. This takes a
                  moment.
                </p>
                <form method="get" action={`/checkout/return/${request.params.token}`}>
                  <button type="submit" class="button">
                    Check again
                  </button>
                </form>
              </>
            ),
          });
        }
        if (back.signInMemberId !== null) {
          startMemberSession(deps, reply, await deps.signIn.openSession(back.signInMemberId));
        }
        const amount = formatMoney(checkout.amount, checkout.currency);
        if (checkout.purpose === 'gift' && back.gift !== null) {
          const site = await deps.settings.getSiteSettings();
          return sendMemberPage(deps, request, reply, {
            title: 'Thank you for your gift',
            path: '/gift',
            children: (
              <>
                <Notice kind="ok">
                  We received {amount}. We e-mail {back.gift.recipient_name} on{' '}
                  {back.gift.deliver_at.slice(0, 10)}, and sent you a receipt.
                </Notice>
                <GiftCard
                  gift={back.gift}
                  siteTitle={site.title}
                  siteUrl={deps.siteUrl}
                  expires={back.gift.expires_at.slice(0, 10)}
                />
                <p>
                  <a href={`/gift/card/${back.gift.code}`}>Print the gift card</a>
                </p>
              </>
            ),
          });
        }
        if (checkout.purpose === 'donation') {
          return sendMemberPage(deps, request, reply, {
            title: 'Thank you for your donation',
            path: '/donate',
            children: (
              <Notice kind="ok">
                We received {amount}. A receipt is on its way to {checkout.email}.
              </Notice>
            ),
          });
        }
        return sendMemberPage(deps, request, reply, {
          title: 'Welcome, member',
          path: '/membership',
          children: (
            <>
              <Notice kind="ok">
                Thank you: you are now a paying member ({amount} a {checkout.interval ?? 'month'}).
                A welcome e-mail is on its way to {checkout.email}.
              </Notice>
              <p>
                <a href="/account">Your account</a> · <a href="/">Start reading</a>
              </p>
            </>
          ),
        });
      },
    );

    app.post(
      '/account/membership/portal',
      { schema: { hide: true, body: Type.Object({ csrf: Text(100) }) } },
      async (request, reply) => {
        const session = ensureMemberCsrf(request, request.body.csrf);
        const portal = await deps.checkouts.portalFor(session.member.id, `${deps.siteUrl}/account`);
        if (portal === null) {
          return sendMemberPage(deps, request, reply, {
            title: 'Your membership',
            path: '/account',
            status: 404,
            children: (
              <Notice kind="error">
                We have no card payments on file for your account.{' '}
                <a href="/membership">Become a member</a>
              </Notice>
            ),
          });
        }
        return reply.header('cache-control', 'no-store').redirect(portal.url, 303);
      },
    );
  };
}
