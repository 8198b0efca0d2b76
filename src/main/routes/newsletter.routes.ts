import { emailWebhookRoutes } from '../../features/newsletters/webhooks/email-webhook.routes.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { emailLinkRoutes } from '../../site/newsletters/email-links.routes.js';
import { newsletterRoutes } from '../../site/newsletters/newsletter.routes.js';
import type { RouteContext } from './route-context.js';

/** Sign-up pages, the links in e-mails, and the mail services' bounce webhooks. */
export async function registerNewsletters(
  app: AppInstance,
  { services, sitePages, assets }: RouteContext,
): Promise<void> {
  const { config, newsletters } = services;
  await app.register(
    newsletterRoutes({
      ...sitePages,
      newsletters: newsletters.newsletters,
      subscriptions: newsletters.subscriptions,
      island: assets.islands.newsletter,
    }),
  );
  await app.register(emailLinkRoutes({ ...sitePages, subscriptions: newsletters.subscriptions }));
  await app.register(
    emailWebhookRoutes({
      newsletters: newsletters.newsletters,
      postmarkAuth: config.postmarkWebhookAuth,
      sesTopicArns: config.sesTopicArns,
      logger: services.logger,
      sns: newsletters.sns,
    }),
  );
}
