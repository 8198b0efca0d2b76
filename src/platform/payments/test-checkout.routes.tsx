import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Type } from 'typebox';
import type { AppInstance } from '../http/app-instance.js';
import type { TestPayments, TestSubscriptionAction } from './test-payments.js';

const SessionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });
const PortalParams = Type.Object({ customer: Type.String({ minLength: 1, maxLength: 120 }) });
const PortalQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 500 })) });
const actions = [
  'cancel',
  'resume',
  'switch',
  'renew',
  'fail',
  'end',
  'decline-renewals',
  'accept-renewals',
] as const;
const ActionBody = Type.Object({
  subscription: Type.String({ minLength: 1, maxLength: 120 }),
  action: Type.Union(actions.map((action) => Type.Literal(action))),
  return: Type.Optional(Type.String({ maxLength: 500 })),
});

const money = (amount: number, currency: string): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 100,
  );

/** A page of the test provider: its own plain document, unmistakably not a real payment. */
function TestPage(props: { title: string; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`TEST MODE: ${props.title}`}</title>
      </head>
      <body>
        <header>
          <p>
            <strong>TEST MODE</strong>: the built-in test payment provider. No card is charged and
            no money moves.
          </p>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

function send(reply: FastifyReply, status: number, page: preact.VNode): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** A URL of this site as a path the test pages may send the reader back to; else `/`. */
function localReturn(siteUrl: string, url: string | undefined): string {
  if (url === undefined) return '/';
  if (url.startsWith(`${siteUrl}/`)) return url.slice(siteUrl.length);
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

/**
 * The test provider's checkout (`/test-payments/checkout/{id}`: Pay, Decline, Cancel) and
 * portal (`/test-payments/portal/{customer}`: what Stripe's customer portal and card
 * network would do to a subscription). Registered only when no Stripe key is set.
 */
export function testCheckoutRoutes(deps: {
  readonly payments: TestPayments;
  readonly siteUrl: string;
}) {
  const { payments, siteUrl } = deps;
  return async (app: AppInstance): Promise<void> => {
    const limit = app.createRateLimit({ max: 60, timeWindow: 60 * 1000 });
    const guard = async (request: FastifyRequest): Promise<void> => {
      const checked = await limit(request);
      if (!checked.isAllowed && checked.isExceeded) {
        throw new AppError('rate_limited', 'Too many requests. Wait a minute and try again.');
      }
    };

    async function checkoutPage(reply: FastifyReply, id: string, declined: boolean) {
      const session = await payments.findSession(id);
      if (session?.status !== 'open') {
        return send(
          reply,
          404,
          <TestPage title="Checkout not found">
            <p>This test checkout does not exist or is finished.</p>
            <p>
              <a href="/">Back to the site</a>
            </p>
          </TestPage>,
        );
      }
      const every = session.interval === null ? '' : ` every ${session.interval}`;
      return send(
        reply,
        declined ? 402 : 200,
        <TestPage title="Pay (TEST MODE)">
          {declined && (
            <p role="alert">
              Your card was declined (TEST MODE). Nothing was charged. Try again, or cancel.
            </p>
          )}
          <dl>
            <dt>For</dt>
            <dd>{session.description}</dd>
            <dt>Amount</dt>
            <dd>
              {money(session.amount, session.currency)}
              {every}
              {session.trial_end !== null && ` from ${session.trial_end.slice(0, 10)}`}
            </dd>
            <dt>E-mail</dt>
            <dd>{session.email}</dd>
          </dl>
          <form method="post" action={`/test-payments/checkout/${id}/pay`}>
            <button type="submit">Pay</button>
          </form>
          <form method="post" action={`/test-payments/checkout/${id}/decline`}>
            <button type="submit">Decline</button>
          </form>
          <form method="post" action={`/test-payments/checkout/${id}/cancel`}>
            <button type="submit">Cancel</button>
          </form>
        </TestPage>,
      );
    }

    app.get(
      '/test-payments/checkout/:id',
      { schema: { hide: true, params: SessionParams } },
      (request, reply) => checkoutPage(reply, request.params.id, false),
    );

    app.post(
      '/test-payments/checkout/:id/pay',
      { schema: { hide: true, params: SessionParams } },
      async (request, reply) => {
        await guard(request);
        const session = await payments.pay(request.params.id);
        return reply
          .header('cache-control', 'no-store')
          .redirect(localReturn(siteUrl, session.success_url), 303);
      },
    );

    app.post(
      '/test-payments/checkout/:id/decline',
      { schema: { hide: true, params: SessionParams } },
      async (request, reply) => {
        await guard(request);
        return checkoutPage(reply, request.params.id, true);
      },
    );

    app.post(
      '/test-payments/checkout/:id/cancel',
      { schema: { hide: true, params: SessionParams } },
      async (request, reply) => {
        await guard(request);
        const session = await payments.cancel(request.params.id);
        return reply
          .header('cache-control', 'no-store')
          .redirect(localReturn(siteUrl, session.cancel_url), 303);
      },
    );

    app.get(
      '/test-payments/portal/:customer',
      { schema: { hide: true, params: PortalParams, querystring: PortalQuery } },
      async (request, reply) => {
        const back = localReturn(siteUrl, request.query.return);
        const subscriptions = await payments.listSubscriptions(request.params.customer);
        const labels: Record<TestSubscriptionAction, string> = {
          cancel: 'Cancel at the end of the period',
          resume: 'Keep my membership',
          switch: 'Switch between monthly and yearly',
          renew: 'Renew now (simulate the next period)',
          fail: 'Fail the next payment (simulate)',
          end: 'End it now',
          'decline-renewals': 'Decline the next renewal (simulate a failing card)',
          'accept-renewals': 'Accept renewals again',
        };
        // The switch shows the one button that changes it.
        const shown = (declining: boolean) =>
          actions.filter((a) => a !== (declining ? 'decline-renewals' : 'accept-renewals'));
        return send(
          reply,
          200,
          <TestPage title="Manage your membership (TEST MODE)">
            {subscriptions.length === 0 && <p>There is no subscription for this customer.</p>}
            {subscriptions.map((subscription) => (
              <section aria-label={`Subscription ${subscription.id}`}>
                <h2>
                  {money(subscription.amount, subscription.currency)} every {subscription.interval}
                </h2>
                <p>
                  Status: {subscription.status}
                  {subscription.cancel_at_period_end === 1 ? ', ends' : ', renews'} on{' '}
                  {subscription.current_period_end.slice(0, 10)}
                </p>
                <p>
                  Renewals are charged by themselves at each period end
                  {subscription.decline_renewals === 1 ? '; the next one will be declined.' : '.'}
                </p>
                {subscription.status !== 'canceled' &&
                  shown(subscription.decline_renewals === 1).map((action) => (
                    <form method="post" action={`/test-payments/portal/${request.params.customer}`}>
                      <input type="hidden" name="subscription" value={subscription.id} />
                      <input type="hidden" name="action" value={action} />
                      <input type="hidden" name="return" value={back} />
                      <button type="submit">{labels[action]}</button>
                    </form>
                  ))}
              </section>
            ))}
            <p>
              <a href={back}>Back to the site</a>
            </p>
          </TestPage>,
        );
      },
    );

    app.post(
      '/test-payments/portal/:customer',
      { schema: { hide: true, params: PortalParams, body: ActionBody } },
      async (request, reply) => {
        await guard(request);
        const { customer } = request.params;
        await payments.act(customer, request.body.subscription, request.body.action);
        const query = new URLSearchParams({ return: localReturn(siteUrl, request.body.return) });
        return reply.redirect(
          `/test-payments/portal/${encodeURIComponent(customer)}?${query}`,
          303,
        );
      },
    );
  };
}
