import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { Actor } from '../staff/actor.js';
import './newsletter-events.js';
import { ensureCan } from '../staff/permissions.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import type { Newsletter, NewsletterAudience, NewsletterStatus } from './newsletter.js';
import { toNewsletter } from './newsletter-mapping.js';
import * as repo from './newsletter.repository.js';
import * as subscribers from './subscriber.repository.js';
import * as lists from './subscriber-list.repository.js';
import { markBounced } from './issue.repository.js';
import {
  parseSubscriberCsv,
  toSubscriberCsv,
  type SubscriberImportProblem,
} from './subscriber-csv.js';

export interface NewsletterInput {
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly authorName?: string;
  readonly senderName?: string;
  readonly senderEmail?: string | null;
  readonly replyTo?: string | null;
  readonly cadence?: string;
  readonly audience?: NewsletterAudience;
  readonly status?: NewsletterStatus;
  readonly sortOrder?: number;
  readonly briefing?: boolean;
}

export interface SubscriberImportResult {
  readonly dryRun: boolean;
  readonly added: number;
  readonly alreadySubscribed: number;
  readonly suppressed: number;
  readonly problems: readonly SubscriberImportProblem[];
}

export const maxSubscriberImportBytes = 8 * 1024 * 1024;
const dayMs = 24 * 60 * 60 * 1000;

export type NewsletterService = ReturnType<typeof createNewsletterService>;

/** Newsletters, their subscribers and the suppression list, as staff manage them. */
export function createNewsletterService(deps: {
  db: Db;
  clock: Clock;
  /**
   * Plans the next daily briefing (reading what it needs before a transaction) and returns
   * the step that schedules it for a newsletter, in the caller's transaction.
   */
  planBriefing?: () => Promise<(executor: Executor, newsletterId: string) => Promise<unknown>>;
  /** Tells reader pages (their sign-up blocks) of the change, in its transaction. */
  events?: Pick<EventOutbox, 'record' | 'deliver'>;
}) {
  const { db, clock } = deps;

  async function get(id: string): Promise<Newsletter> {
    const row = await repo.findNewsletterRowById(db, id);
    if (row === undefined) throw notFound('The newsletter');
    return toNewsletter(row);
  }

  function checkAddress(field: string, value: string | null | undefined): void {
    if (value === null || value === undefined || value === '') return;
    if (!isEmailAddress(value)) {
      throw new AppError('validation_failed', `Please check these fields: ${field}.`, [
        { field, message: 'is not an e-mail address' },
      ]);
    }
  }

  return {
    async listNewsletters(): Promise<{ newsletter: Newsletter; subscribers: number }[]> {
      const [rows, counts] = await Promise.all([
        repo.listNewsletterRows(db),
        repo.countConfirmedByNewsletter(db),
      ]);
      return rows.map((row) => ({
        newsletter: toNewsletter(row),
        subscribers: counts.get(row.id) ?? 0,
      }));
    },

    async findNewsletterBySlug(slug: string): Promise<Newsletter | null> {
      const row = await repo.findNewsletterRowBySlug(db, slug);
      return row === undefined ? null : toNewsletter(row);
    },

    getNewsletter: get,

    async createNewsletter(actor: Actor, input: NewsletterInput): Promise<Newsletter> {
      ensureCan(actor, 'newsletters.manage', 'create newsletters');
      checkAddress('sender_email', input.senderEmail);
      checkAddress('reply_to', input.replyTo);
      const id = newId();
      const now = toTimestamp(clock.now());
      const scheduleBriefing = input.briefing === true ? await deps.planBriefing?.() : undefined;
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertNewsletterRow(trx, {
            id,
            slug: input.slug,
            name: input.name,
            description: input.description ?? '',
            author_name: input.authorName ?? '',
            sender_name: input.senderName ?? '',
            sender_email: input.senderEmail ?? null,
            reply_to: input.replyTo ?? null,
            cadence: input.cadence ?? '',
            audience: input.audience ?? 'everyone',
            status: input.status ?? 'active',
            sort_order: input.sortOrder ?? 0,
            briefing: input.briefing === true ? 1 : 0,
            created_at: now,
            updated_at: now,
          });
          await scheduleBriefing?.(trx, id);
          await deps.events?.record(trx, 'newsletter.changed', { newsletterId: id });
        });
        await deps.events?.deliver();
      } catch (error) {
        if (decideConstraintViolation(error) === 'unique') {
          throw new AppError(
            'slug_taken',
            `Another newsletter already uses the address "${input.slug}".`,
          );
        }
        throw error;
      }
      return get(id);
    },

    async updateNewsletter(
      actor: Actor,
      id: string,
      input: Partial<NewsletterInput>,
    ): Promise<Newsletter> {
      ensureCan(actor, 'newsletters.manage', 'change newsletters');
      await get(id);
      checkAddress('sender_email', input.senderEmail);
      checkAddress('reply_to', input.replyTo);
      const scheduleBriefing = input.briefing === true ? await deps.planBriefing?.() : undefined;
      try {
        await db.transaction().execute(async (trx) => {
          await repo.updateNewsletterRow(trx, id, {
            ...(input.slug === undefined ? {} : { slug: input.slug }),
            ...(input.name === undefined ? {} : { name: input.name }),
            ...(input.description === undefined ? {} : { description: input.description }),
            ...(input.authorName === undefined ? {} : { author_name: input.authorName }),
            ...(input.senderName === undefined ? {} : { sender_name: input.senderName }),
            ...(input.senderEmail === undefined ? {} : { sender_email: input.senderEmail }),
            ...(input.replyTo === undefined ? {} : { reply_to: input.replyTo }),
            ...(input.cadence === undefined ? {} : { cadence: input.cadence }),
            ...(input.audience === undefined ? {} : { audience: input.audience }),
            ...(input.status === undefined ? {} : { status: input.status }),
            ...(input.sortOrder === undefined ? {} : { sort_order: input.sortOrder }),
            ...(input.briefing === undefined ? {} : { briefing: input.briefing ? 1 : 0 }),
            updated_at: toTimestamp(clock.now()),
          });
          await scheduleBriefing?.(trx, id);
          await deps.events?.record(trx, 'newsletter.changed', { newsletterId: id });
        });
        await deps.events?.deliver();
      } catch (error) {
        if (decideConstraintViolation(error) === 'unique') {
          throw new AppError('slug_taken', `Another newsletter already uses that address.`);
        }
        throw error;
      }
      return get(id);
    },

    async listSubscribers(
      actor: Actor,
      query: { newsletterId: string; status?: string; q?: string; limit: number; page: number },
    ) {
      ensureCan(actor, 'newsletters.manage', 'see subscribers');
      await get(query.newsletterId);
      const [rows, counts] = await Promise.all([
        lists.listSubscribersOf(db, { ...query, offset: (query.page - 1) * query.limit }),
        lists.countSubscriptionsByStatus(db, query.newsletterId),
      ]);
      return { rows, counts };
    },

    /** Confirmations per day over the last `days` days, every day present (zero or more). */
    async growth(actor: Actor, newsletterId: string, days: number) {
      ensureCan(actor, 'newsletters.manage', 'see subscriber growth');
      const today = new Date(`${clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
      const from = new Date(today.getTime() - (days - 1) * dayMs);
      const found = new Map(
        (await lists.countConfirmationsByDay(db, newsletterId, toTimestamp(from))).map((r) => [
          r.day,
          r.count,
        ]),
      );
      return Array.from({ length: days }, (_, i) => {
        const day = new Date(from.getTime() + i * dayMs).toISOString().slice(0, 10);
        return { day, count: found.get(day) ?? 0 };
      });
    },

    async exportSubscribers(actor: Actor, newsletterId: string): Promise<string> {
      ensureCan(actor, 'newsletters.subscribers', 'export subscribers');
      const rows = await lists.listSubscribersOf(db, { newsletterId, limit: 1_000_000, offset: 0 });
      return toSubscriberCsv(rows);
    },

    /**
     * Imports confirmed subscribers from another system, each with the consent it recorded.
     * Suppressed addresses are skipped; a dry run reports and writes nothing.
     */
    async importSubscribers(
      actor: Actor,
      newsletterId: string,
      csv: string,
      dryRun: boolean,
    ): Promise<SubscriberImportResult> {
      ensureCan(actor, 'newsletters.subscribers', 'import subscribers');
      await get(newsletterId);
      const parsed = parseSubscriberCsv(csv);
      let added = 0;
      let alreadySubscribed = 0;
      let suppressed = 0;
      const now = toTimestamp(clock.now());
      await db.transaction().execute(async (trx) => {
        for (const row of parsed.rows) {
          if (await subscribers.isSuppressed(trx, row.email)) {
            suppressed += 1;
            continue;
          }
          const existing = await subscribers.findSubscriberByEmail(trx, row.email);
          const current =
            existing === undefined ? [] : await subscribers.listSubscriptionsOf(trx, existing.id);
          if (current.some((s) => s.newsletter_id === newsletterId && s.status === 'confirmed')) {
            alreadySubscribed += 1;
            continue;
          }
          added += 1;
          if (dryRun) continue;
          const subscriber = await subscribers.ensureSubscriber(trx, {
            id: newId(),
            email: row.email,
            now,
          });
          await subscribers.upsertSubscription(trx, {
            subscriberId: subscriber.id,
            newsletterId,
            status: 'confirmed',
            source: 'import',
            now,
          });
          await subscribers.insertConsents(trx, [
            {
              id: newId(),
              subscriber_id: subscriber.id,
              newsletter_id: newsletterId,
              kind: 'imported',
              source_page: `import by ${actor.name}`,
              wording: row.consent,
              client_hash: '',
              created_at: now,
            },
          ]);
        }
      });
      return { dryRun, added, alreadySubscribed, suppressed, problems: parsed.problems };
    },

    async listSuppressions(actor: Actor, limit: number) {
      ensureCan(actor, 'newsletters.manage', 'see the suppression list');
      return subscribers.listSuppressions(db, limit);
    },

    async addSuppression(actor: Actor, email: string, detail: string): Promise<void> {
      ensureCan(actor, 'newsletters.subscribers', 'change the suppression list');
      await suppress({ email, reason: 'manual', source: 'staff', detail });
    },

    async removeSuppression(actor: Actor, email: string): Promise<boolean> {
      ensureCan(actor, 'newsletters.subscribers', 'change the suppression list');
      return subscribers.deleteSuppression(db, normaliseEmail(email));
    },

    /** A provider reported a hard bounce or complaint: the address is never mailed again. */
    suppress,
  };

  async function suppress(input: {
    email: string;
    reason: 'bounce' | 'complaint' | 'manual';
    source: string;
    detail: string;
  }): Promise<void> {
    const email = normaliseEmail(input.email);
    if (!isEmailAddress(email)) return;
    const now = toTimestamp(clock.now());
    await db.transaction().execute(async (trx) => {
      await subscribers.insertSuppression(trx, {
        ...input,
        email,
        detail: input.detail.slice(0, 500),
        now,
      });
      const subscriber = await subscribers.findSubscriberByEmail(trx, email);
      if (subscriber !== undefined)
        await subscribers.endSubscriptions(trx, subscriber.id, 'bounced', now);
      if (input.reason !== 'manual') await markBounced(trx, email);
    });
  }
}
