import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import SnsPayloadValidator from 'sns-payload-validator';
import { AppError } from '../../../platform/errors.js';
import type { AppInstance } from '../../../platform/http/app-instance.js';
import type { Logger } from '../../../platform/logger.js';
import type { NewsletterService } from '../newsletter.service.js';
import { readPostmarkEvent } from './postmark-event.js';
import { readSesNotification } from './ses-notification.js';

/** Checks an SNS message's signature against Amazon's certificate; see sns-payload-validator. */
export interface SnsVerifier {
  verify(payload: unknown): Promise<SnsPayloadValidator.SnsPayload>;
  /** Puts a certificate in the cache as if downloaded from its URL (tests, air-gapped hosts). */
  trustCertificate(url: string, pem: string): void;
}

export function createSnsVerifier(): SnsVerifier {
  const validator = new SnsPayloadValidator({ useCache: true, maxCerts: 50 });
  return {
    verify: (payload) => validator.validate(payload as SnsPayloadValidator.SnsPayload),
    trustCertificate(url, pem) {
      (
        validator as unknown as { certCache: { set(key: string, value: string): void } }
      ).certCache.set(url, pem);
    },
  };
}

export interface EmailWebhookDeps {
  readonly newsletters: Pick<NewsletterService, 'suppress'>;
  /** `user:password` Postmark sends as basic auth; null keeps the Postmark webhook closed. */
  readonly postmarkAuth: string | null;
  /** SNS topics believed; empty: any topic whose message Amazon signed. */
  readonly sesTopicArns: readonly string[];
  readonly logger: Logger;
  readonly sns?: SnsVerifier;
}

const subscribeUrlPattern = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

function hasBasicAuth(request: FastifyRequest, expected: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const given = Buffer.from(Buffer.from(header.slice(6), 'base64').toString('utf8'));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Bounce and complaint webhooks: Amazon SES through SNS (the message signature verified
 * against Amazon's certificate) and Postmark (basic auth). Each hard bounce or complaint
 * puts the address on the suppression list, which no send ever mails. Providers repeat and
 * reorder deliveries; suppressing twice is the same as once.
 */
export function emailWebhookRoutes(deps: EmailWebhookDeps) {
  const sns = deps.sns ?? createSnsVerifier();
  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ max: 600, timeWindow: 60 * 1000 });
    const limit = async (request: FastifyRequest) => {
      const client = await perClient(request);
      if (!client.isAllowed && client.isExceeded)
        throw new AppError('rate_limited', 'Too many webhook calls.');
    };

    app.post(
      '/webhooks/ses',
      { schema: { hide: true }, bodyLimit: 256 * 1024 },
      async (request, reply) => {
        await limit(request);
        const raw =
          typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null);
        let payload: SnsPayloadValidator.SnsPayload;
        try {
          payload = await sns.verify(raw);
        } catch (error) {
          throw new AppError('forbidden', 'The SNS message signature could not be verified.', [], {
            cause: error,
          });
        }
        if (deps.sesTopicArns.length > 0 && !deps.sesTopicArns.includes(payload.TopicArn)) {
          throw new AppError('forbidden', 'Messages from this SNS topic are not accepted here.');
        }
        if (payload.Type === 'SubscriptionConfirmation') {
          const url = payload.SubscribeURL ?? '';
          if (subscribeUrlPattern.test(url)) {
            await fetch(url).catch((error: unknown) =>
              deps.logger.warn({ err: error }, 'SNS subscription not confirmed'),
            );
          }
          return reply.status(204).send();
        }
        if (payload.Type !== 'Notification') return reply.status(204).send();
        const outcome = readSesNotification(payload.Message);
        if (outcome.kind === 'bounce' && outcome.permanent) {
          for (const email of outcome.recipients)
            await deps.newsletters.suppress({
              email,
              reason: 'bounce',
              source: 'ses',
              detail: outcome.detail,
            });
        } else if (outcome.kind === 'complaint') {
          for (const email of outcome.recipients)
            await deps.newsletters.suppress({
              email,
              reason: 'complaint',
              source: 'ses',
              detail: outcome.detail,
            });
        }
        return reply.status(204).send();
      },
    );

    app.post(
      '/webhooks/postmark',
      { schema: { hide: true }, bodyLimit: 256 * 1024 },
      async (request, reply) => {
        await limit(request);
        if (deps.postmarkAuth === null || !hasBasicAuth(request, deps.postmarkAuth)) {
          throw new AppError(
            'unauthenticated',
            'The Postmark webhook needs its credentials (MASTHEAD_POSTMARK_WEBHOOK_AUTH).',
          );
        }
        const outcome = readPostmarkEvent(request.body);
        if (outcome.kind === 'suppress') {
          await deps.newsletters.suppress({
            email: outcome.email,
            reason: outcome.reason,
            source: 'postmark',
            detail: outcome.detail,
          });
        }
        return reply.status(204).send();
      },
    );
  };
}
