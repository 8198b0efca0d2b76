import type { AppInstance } from '../http/app-instance.js';
import type { PaymentInbox } from './payment-inbox.js';
import type { PaymentProvider } from './payment-provider.js';

/**
 * `POST /webhooks/stripe`. The signature is checked on the exact bytes Stripe sent (so
 * this scope reads JSON bodies as raw buffers), the event is recorded by its id with its
 * job, and the answer goes back at once; the job applies it. A bad or missing signature
 * is a 400 and changes nothing; an event type Masthead does not use is acknowledged.
 */
export function stripeWebhookRoutes(deps: {
  readonly provider: PaymentProvider;
  readonly inbox: Pick<PaymentInbox, 'record'>;
}) {
  return async (app: AppInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 512 * 1024 },
      (_request, body, done) => {
        done(null, body);
      },
    );
    app.post('/webhooks/stripe', { schema: { hide: true } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['stripe-signature'];
      const event = deps.provider.readWebhook(
        raw,
        typeof signature === 'string' ? signature : undefined,
      );
      const fresh = event === null ? 0 : await deps.inbox.record([event]);
      return reply
        .header('cache-control', 'no-store')
        .send({ received: true, recorded: fresh === 1 });
    });
  };
}
