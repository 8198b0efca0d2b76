import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { enqueueMail } from '../../platform/mail/mail-jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { toSecretHash } from '../staff/secret-hash.js';
import { newsletterPaths, toListHeaders, toSenderAddress } from './list-headers.js';
import {
  canSubscribe,
  signupLifetimeMs,
  signupWording,
  toSubscriptionStatus,
  type Newsletter,
} from './newsletter.js';
import type { NewsletterLinks } from './newsletter-links.js';
import { toNewsletter } from './newsletter-mapping.js';
import { listNewsletterRows } from './newsletter.repository.js';
import * as repo from './subscriber.repository.js';
import { confirmationEmail, welcomeEmail } from './subscription-emails.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Makes the confirmation token of a sign-up and mails its link. */
    'newsletters.confirmation': { signupId: string };
    /** Runs when a sign-up expires: forgets every sign-up left unconfirmed by then. */
    'newsletters.forget-signups': { signupId: string };
  }
}

import type { ConfirmationState, Preferences, SignupRequest } from './signup-request-types.js';

export type { ConfirmationState, Preferences, SignupRequest } from './signup-request-types.js';

export interface SubscriptionServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
  /** The newsroom's From, for newsletters without a sender address of their own. */
  readonly newsroomFrom: () => Promise<string>;
  readonly links: () => Promise<NewsletterLinks>;
}

export const badAddressMessage = 'Please enter a correct e-mail address, such as name@example.com.';

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

/**
 * Sign-up, double opt-in, preferences and unsubscribing. Asking to subscribe answers the
 * same for every well-formed address, subscribed or not; a confirmation link opens a page
 * whose button confirms, so a mail scanner that fetches links confirms nothing.
 */
export function createSubscriptionService(deps: SubscriptionServiceDeps) {
  const { db, clock } = deps;

  /** Data minimisation: a sign-up left unconfirmed is forgotten when it expires. */
  async function enqueueForgetting(trx: Executor, signupId: string, expiresAt: Date) {
    await deps.jobs.enqueue(
      trx,
      'newsletters.forget-signups',
      { signupId },
      { runAt: expiresAt, idempotencyKey: `newsletter-forget:${signupId}` },
    );
  }

  async function activeNewsletters(): Promise<Newsletter[]> {
    return (await listNewsletterRows(db)).map(toNewsletter).filter((n) => n.status === 'active');
  }

  async function chosenNewsletters(
    ids: readonly string[],
    entitlement: 'anonymous' | 'member' | 'paying' | 'staff',
  ): Promise<Newsletter[]> {
    const active = await activeNewsletters();
    const chosen = active.filter((n) => ids.includes(n.id) || ids.includes(n.slug));
    if (chosen.length === 0) {
      throw invalid([{ field: 'newsletters', message: 'Choose at least one newsletter.' }]);
    }
    const closed = chosen.filter((n) => !canSubscribe(n.audience, entitlement));
    if (closed.length > 0) {
      const names = closed.map((n) => n.name).join(', ');
      throw new AppError('forbidden', `${names} is for members. Sign in first, then subscribe.`, [
        { field: 'newsletters', message: `${names} is for members only.` },
      ]);
    }
    return chosen;
  }

  async function sendWelcome(
    executor: Parameters<typeof enqueueMail>[1],
    subscriber: { id: string; email: string },
    newsletters: readonly Newsletter[],
    key: string,
  ): Promise<void> {
    const first = newsletters[0];
    if (first === undefined) return;
    const links = await deps.links();
    const unsubscribeToken = links.unsubscribe(
      subscriber.id,
      newsletters.length === 1 ? first.id : null,
    );
    const content = welcomeEmail({
      siteTitle: await deps.siteTitle(),
      newsletters,
      preferencesUrl: `${deps.siteUrl}${newsletterPaths.preferences(links.preferences(subscriber.id))}`,
      unsubscribeUrl: `${deps.siteUrl}${newsletterPaths.unsubscribe(unsubscribeToken)}`,
    });
    // Signed links carry no secret beyond what the key in the database already gives.
    await enqueueMail(
      deps.jobs,
      executor,
      {
        to: subscriber.email,
        ...content,
        from: toSenderAddress(first, await deps.newsroomFrom()),
        ...(first.replyTo === null ? {} : { replyTo: first.replyTo }),
        headers: toListHeaders({ siteUrl: deps.siteUrl, unsubscribeToken, newsletter: first }),
      },
      key,
    );
  }

  async function inspect(token: string) {
    const row = await repo.findSignupByTokenHash(db, toSecretHash(token));
    if (row === undefined) return { state: 'unknown' as const, row: undefined };
    if (row.confirmed_at !== null) return { state: 'used' as const, row };
    if (row.expires_at <= toTimestamp(clock.now())) return { state: 'expired' as const, row };
    return { state: 'ready' as const, row };
  }

  async function preferencesOf(subscriberId: string): Promise<Preferences> {
    const subscriber = await repo.findSubscriberById(db, subscriberId);
    if (subscriber === undefined) {
      throw new AppError(
        'not_found',
        'This link belongs to an address that is no longer on our lists.',
      );
    }
    const [newsletters, subscriptions] = await Promise.all([
      listNewsletterRows(db),
      repo.listSubscriptionsOf(db, subscriberId),
    ]);
    const statuses = new Map(
      subscriptions.map((s) => [s.newsletter_id, toSubscriptionStatus(s.status)]),
    );
    return {
      email: subscriber.email,
      newsletters: newsletters
        .map(toNewsletter)
        .filter((n) => n.status === 'active' || statuses.get(n.id) === 'confirmed')
        .map((newsletter) => ({ newsletter, status: statuses.get(newsletter.id) ?? null })),
    };
  }

  function subscriberFromLink(links: NewsletterLinks, token: string): string {
    const id = links.readPreferences(token);
    if (id === null) {
      throw new AppError(
        'not_found',
        'This link is not valid. Use the link in your latest newsletter.',
      );
    }
    return id;
  }

  return {
    activeNewsletters,

    /**
     * Records a sign-up: a member's own address is subscribed at once, any other address
     * gets a pending sign-up and a confirmation e-mail. Already subscribed: nothing changes,
     * and the caller answers exactly as for a new address.
     */
    async subscribe(request: SignupRequest): Promise<void> {
      const typed = normaliseEmail(
        request.email === '' ? (request.member?.email ?? '') : request.email,
      );
      if (!isEmailAddress(typed)) throw invalid([{ field: 'email', message: badAddressMessage }]);
      const own =
        request.member !== null && normaliseEmail(request.member.email) === typed
          ? request.member
          : null;
      const memberOwn = own !== null;
      const entitlement = own?.entitlement ?? 'anonymous';
      const chosen = await chosenNewsletters(request.newsletterIds, entitlement);
      const links = await deps.links();
      const now = clock.now();
      const at = toTimestamp(now);
      const clientHash = links.clientHash(request.ip);
      await db.transaction().execute(async (trx) => {
        const subscriber = await repo.ensureSubscriber(trx, { id: newId(), email: typed, now: at });
        const current = new Map(
          (await repo.listSubscriptionsOf(trx, subscriber.id)).map((s) => [
            s.newsletter_id,
            s.status,
          ]),
        );
        const wanted = chosen.filter((n) => current.get(n.id) !== 'confirmed');
        if (wanted.length === 0) return;
        const consent = (newsletterId: string, kind: string) => ({
          id: newId(),
          subscriber_id: subscriber.id,
          newsletter_id: newsletterId,
          kind,
          source_page: request.sourcePage.slice(0, 500),
          wording: signupWording,
          client_hash: clientHash,
          created_at: at,
        });
        const status = memberOwn ? 'confirmed' : 'pending';
        for (const newsletter of wanted) {
          await repo.upsertSubscription(trx, {
            subscriberId: subscriber.id,
            newsletterId: newsletter.id,
            status,
            source: memberOwn ? 'member' : 'form',
            now: at,
          });
        }
        await repo.insertConsents(
          trx,
          wanted.map((n) => consent(n.id, memberOwn ? 'member' : 'requested')),
        );
        if (memberOwn) {
          await sendWelcome(trx, subscriber, wanted, `newsletter.welcome:${subscriber.id}:${at}`);
          return;
        }
        const signupId = newId();
        const expiresAt = new Date(now.getTime() + signupLifetimeMs);
        await repo.insertSignup(trx, {
          id: signupId,
          subscriber_id: subscriber.id,
          purpose: 'subscribe',
          newsletter_ids: JSON.stringify(wanted.map((n) => n.id)),
          new_email: null,
          token_hash: null,
          source_page: request.sourcePage.slice(0, 500),
          wording: signupWording,
          client_hash: clientHash,
          created_at: at,
          expires_at: toTimestamp(expiresAt),
          sent_at: null,
          confirmed_at: null,
        });
        await deps.jobs.enqueue(
          trx,
          'newsletters.confirmation',
          { signupId },
          {
            idempotencyKey: `newsletter-confirmation:${signupId}`,
          },
        );
        await enqueueForgetting(trx, signupId, expiresAt);
      });
    },

    /** The worker's half: makes the token, keeps its hash, mails the link. Runs once per sign-up. */
    async sendConfirmation({ signupId }: { signupId: string }): Promise<void> {
      const signup = await repo.findSignupById(db, signupId);
      if (signup === undefined || signup.token_hash !== null) return;
      const subscriber = await repo.findSubscriberById(db, signup.subscriber_id);
      if (subscriber === undefined) return;
      const token = newSecret();
      if (!(await repo.setSignupToken(db, signupId, toSecretHash(token), toTimestamp(clock.now()))))
        return;
      const ids = JSON.parse(signup.newsletter_ids) as string[];
      const names = (await listNewsletterRows(db))
        .filter((n) => ids.includes(n.id))
        .map((n) => n.name);
      const content = confirmationEmail({
        siteTitle: await deps.siteTitle(),
        newsletterNames: names,
        confirmUrl: `${deps.siteUrl}${newsletterPaths.confirm(token)}`,
        changeOfAddress: signup.purpose === 'change-address',
      });
      await deps.mailer.send(
        { to: signup.new_email ?? subscriber.email, ...content },
        `newsletter.confirmation:${signupId}`,
      );
    },

    async inspectConfirmation(token: string): Promise<ConfirmationState> {
      return (await inspect(token)).state;
    },

    /** Confirms a sign-up (or a change of address) by its token, once. */
    async confirm(token: string): Promise<{ preferencesToken: string }> {
      const { state, row } = await inspect(token);
      if (row === undefined) {
        throw new AppError(
          'not_found',
          'This confirmation link is not valid. Subscribe again to get a new one.',
        );
      }
      if (state === 'expired') {
        throw new AppError(
          'token_expired',
          'This confirmation link has expired: links work for 7 days. Subscribe again to get a new one.',
        );
      }
      const links = await deps.links();
      if (state === 'used') return { preferencesToken: links.preferences(row.subscriber_id) };
      const at = toTimestamp(clock.now());
      let subscriberId = row.subscriber_id;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.markSignupConfirmed(trx, row.id, at))) return;
        if (row.purpose === 'change-address' && row.new_email !== null) {
          subscriberId = await moveToAddress(trx, row.subscriber_id, row.new_email, at);
          return;
        }
        const ids = JSON.parse(row.newsletter_ids) as string[];
        const current = await repo.listSubscriptionsOf(trx, row.subscriber_id);
        const pending = new Set(
          current.filter((s) => s.status === 'pending').map((s) => s.newsletter_id),
        );
        const active = (await listNewsletterRows(trx))
          .map(toNewsletter)
          .filter((n) => n.status === 'active' && ids.includes(n.id) && pending.has(n.id));
        for (const newsletter of active) {
          await repo.upsertSubscription(trx, {
            subscriberId: row.subscriber_id,
            newsletterId: newsletter.id,
            status: 'confirmed',
            source: 'form',
            now: at,
          });
        }
        await repo.insertConsents(
          trx,
          active.map((n) => ({
            id: newId(),
            subscriber_id: row.subscriber_id,
            newsletter_id: n.id,
            kind: 'confirmed',
            source_page: row.source_page,
            wording: row.wording,
            client_hash: row.client_hash,
            created_at: at,
          })),
        );
        const subscriber = await repo.findSubscriberById(trx, row.subscriber_id);
        if (subscriber !== undefined) {
          await sendWelcome(trx, subscriber, active, `newsletter.welcome:${row.id}`);
        }
      });
      return { preferencesToken: links.preferences(subscriberId) };
    },

    async getPreferences(token: string): Promise<Preferences> {
      return preferencesOf(subscriberFromLink(await deps.links(), token));
    },

    /** Sets exactly which newsletters the subscriber gets; newly chosen ones start at once. */
    async updatePreferences(token: string, newsletterIds: readonly string[]): Promise<Preferences> {
      const subscriberId = subscriberFromLink(await deps.links(), token);
      const at = toTimestamp(clock.now());
      const active = await activeNewsletters();
      await db.transaction().execute(async (trx) => {
        const current = new Map(
          (await repo.listSubscriptionsOf(trx, subscriberId)).map((s) => [
            s.newsletter_id,
            s.status,
          ]),
        );
        for (const newsletter of active) {
          const on = current.get(newsletter.id) === 'confirmed';
          const wanted =
            newsletterIds.includes(newsletter.id) && canSubscribe(newsletter.audience, 'anonymous');
          if (wanted && !on) {
            await repo.upsertSubscription(trx, {
              subscriberId,
              newsletterId: newsletter.id,
              status: 'confirmed',
              source: 'preferences',
              now: at,
            });
          } else if (!newsletterIds.includes(newsletter.id) && on) {
            await repo.endSubscriptions(trx, subscriberId, 'unsubscribed', at, newsletter.id);
          }
        }
      });
      return preferencesOf(subscriberId);
    },

    async unsubscribeAllByPreferences(token: string): Promise<void> {
      const subscriberId = subscriberFromLink(await deps.links(), token);
      await repo.endSubscriptions(db, subscriberId, 'unsubscribed', toTimestamp(clock.now()));
    },

    /** One-click unsubscribe (RFC 8058): the link alone decides; no cookie, no form token. */
    async unsubscribe(token: string): Promise<{ preferencesToken: string }> {
      const links = await deps.links();
      const read = links.readUnsubscribe(token);
      if (read === null) {
        throw new AppError(
          'not_found',
          'This unsubscribe link is not valid. Use the link in your latest newsletter.',
        );
      }
      await repo.endSubscriptions(
        db,
        read.subscriberId,
        'unsubscribed',
        toTimestamp(clock.now()),
        read.newsletterId ?? undefined,
      );
      return { preferencesToken: links.preferences(read.subscriberId) };
    },

    /** A new address for every newsletter, used only once the new address confirms it. */
    async requestAddressChange(token: string, email: string, ip: string): Promise<void> {
      const links = await deps.links();
      const subscriberId = subscriberFromLink(links, token);
      const typed = normaliseEmail(email);
      if (!isEmailAddress(typed)) throw invalid([{ field: 'email', message: badAddressMessage }]);
      const now = clock.now();
      const signupId = newId();
      const expiresAt = new Date(now.getTime() + signupLifetimeMs);
      await db.transaction().execute(async (trx) => {
        await repo.insertSignup(trx, {
          id: signupId,
          subscriber_id: subscriberId,
          purpose: 'change-address',
          newsletter_ids: '[]',
          new_email: typed,
          token_hash: null,
          source_page: 'preferences',
          wording: 'Change of address from the preference centre',
          client_hash: links.clientHash(ip),
          created_at: toTimestamp(now),
          expires_at: toTimestamp(expiresAt),
          sent_at: null,
          confirmed_at: null,
        });
        await deps.jobs.enqueue(
          trx,
          'newsletters.confirmation',
          { signupId },
          {
            idempotencyKey: `newsletter-confirmation:${signupId}`,
          },
        );
        await enqueueForgetting(trx, signupId, expiresAt);
      });
    },

    /** Sign-ups never confirmed within 7 days are forgotten, with their pending subscriptions. */
    async forgetExpiredSignups(): Promise<number> {
      return repo.deleteExpiredPending(db, toTimestamp(clock.now()));
    },
  };
}

/**
 * Moves a subscriber to a confirmed new address. When another subscriber already has it,
 * its confirmed newsletters join that one and the old address is forgotten.
 */
async function moveToAddress(
  trx: Parameters<typeof repo.findSubscriberByEmail>[0],
  subscriberId: string,
  email: string,
  at: string,
): Promise<string> {
  const existing = await repo.findSubscriberByEmail(trx, email);
  if (existing === undefined) {
    await repo.updateSubscriberEmail(trx, subscriberId, email, at);
    return subscriberId;
  }
  if (existing.id === subscriberId) return subscriberId;
  for (const subscription of await repo.listSubscriptionsOf(trx, subscriberId)) {
    if (subscription.status !== 'confirmed') continue;
    await repo.upsertSubscription(trx, {
      subscriberId: existing.id,
      newsletterId: subscription.newsletter_id,
      status: 'confirmed',
      source: 'preferences',
      now: at,
    });
  }
  await repo.deleteSubscriber(trx, subscriberId);
  return existing.id;
}
