import { stripeWebhookRoutes } from '../../platform/payments/stripe-webhook.routes.js';
import { testCheckoutRoutes } from '../../platform/payments/test-checkout.routes.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { accountRoutes } from '../../site/members/account.routes.js';
import { signInRoutes } from '../../site/members/signin.routes.js';
import { giftRoutes } from '../../site/revenue/gift.routes.js';
import { membershipRoutes } from '../../site/revenue/membership.routes.js';
import type { RouteContext } from './route-context.js';

/** Sign-in, the account, memberships, gifts and donations, and the payment provider's side. */
export async function registerReaderRevenue(
  app: AppInstance,
  { services, memberPages }: RouteContext,
): Promise<void> {
  const { config, payments } = services;
  await app.register(signInRoutes({ ...memberPages, audience: services.readerAudience }));
  await app.register(accountRoutes({ ...memberPages, members: services.members }));
  const revenuePages = {
    ...memberPages,
    checkouts: services.checkouts,
    gifts: services.gifts,
    tiers: services.tiers,
    audience: services.readerAudience,
    paymentMethods: config.paymentMethods,
    testMode: payments.testPayments !== null,
    checkoutOrigins:
      payments.testPayments === null
        ? ['https://checkout.stripe.com', 'https://billing.stripe.com']
        : [],
  };
  await app.register(membershipRoutes(revenuePages));
  await app.register(giftRoutes(revenuePages));
  await app.register(
    stripeWebhookRoutes({ provider: payments.provider, inbox: services.paymentInbox }),
  );
  if (payments.testPayments !== null) {
    await app.register(
      testCheckoutRoutes({ payments: payments.testPayments, siteUrl: config.siteUrl }),
    );
  }
}
