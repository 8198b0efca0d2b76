import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { JobContext } from '../../platform/jobs/job-worker.js';
import type { Logger } from '../../platform/logger.js';
import type { MailTransport } from '../../platform/mail/mail-transport.js';
import { findEntitlementsByEmail } from '../members/member-entitlements.js';
import { createDeliveryRecorder } from './delivery-recorder.js';
import { toIssue } from './issue.js';
import { createIssueMessages } from './issue-bulk-mail.js';
import { createIssueRenderer, type IssueRenderDeps } from './issue-render.js';
import * as issues from './issue.repository.js';
import { toSenderAddress } from './list-headers.js';
import type { NewsletterLinks } from './newsletter-links.js';
import { toNewsletter } from './newsletter-mapping.js';
import { findNewsletterRowById } from './newsletter.repository.js';
import { decideBatchSize, type SendPace } from './send-pace.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Writes the delivery rows of a send and one batch job per few hundred recipients. */
    'newsletters.start-send': { issueId: string };
    /** Hands one batch of an issue's deliveries to the transport. */
    'newsletters.send-batch': { issueId: string; batch: number };
  }
}

export interface IssueSenderDeps extends IssueRenderDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly transport: MailTransport;
  readonly newsroomFrom: () => Promise<string>;
  readonly links: () => Promise<NewsletterLinks>;
  readonly pace: SendPace;
  /**
   * Messages of one batch in flight at once: enough to keep every pooled SMTP connection
   * busy while the others wait for answers, and to write outcomes in groups.
   */
  readonly lanes?: number;
  readonly onSubmitted?: () => void;
}

/** An SMTP reply in the 5xx range: the server will never take this message; do not retry. */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export type IssueSender = ReturnType<typeof createIssueSender>;

/**
 * Sends issues. A send is a row per recipient, written at once, and a job per batch. A
 * batch job claims its rows under its attempt number, submits them over a few lanes, and
 * each lane records its outcome (by group commit) before it sends its next message; a run that dies leaves its rows
 * `sending`, and the next attempt takes over exactly those. See docs/adr/0009.
 */
export function createIssueSender(deps: IssueSenderDeps) {
  const { db, clock } = deps;
  const lanes = deps.lanes ?? 16;
  const recorder = createDeliveryRecorder({ db, clock });

  return {
    async startSend({ issueId }: { issueId: string }): Promise<void> {
      const row = await issues.findIssue(db, issueId);
      if (row === undefined) return;
      const newsletterRow = await findNewsletterRowById(db, row.newsletter_id);
      if (newsletterRow === undefined) return;
      const newsletter = toNewsletter(newsletterRow);
      const now = toTimestamp(clock.now());
      await db.transaction().execute(async (trx) => {
        const moved = await issues.moveIssue(trx, issueId, ['draft', 'scheduled'], {
          status: 'sending',
          started_at: now,
          updated_at: now,
        });
        if (!moved) return;
        const recipients = await issues.insertDeliveries(trx, {
          issueId,
          newsletterId: newsletter.id,
          audience: newsletter.audience,
          batchSize: decideBatchSize(deps.pace.perSecond),
          now,
        });
        await issues.updateIssue(trx, issueId, { recipients });
        if (recipients === 0) {
          await issues.moveIssue(trx, issueId, ['sending'], { status: 'sent', finished_at: now });
          return;
        }
        for (const batch of await issues.listBatchNumbers(trx, issueId)) {
          await deps.jobs.enqueue(
            trx,
            'newsletters.send-batch',
            { issueId, batch },
            { idempotencyKey: `newsletter-batch:${issueId}:${batch}`, maxAttempts: 10 },
          );
        }
      });
    },

    async sendBatch(
      { issueId, batch }: { issueId: string; batch: number },
      context: Pick<JobContext, 'attempt'>,
    ): Promise<void> {
      const row = await issues.findIssue(db, issueId);
      if (row === undefined || row.status !== 'sending') return;
      const issue = toIssue(row);
      const newsletterRow = await findNewsletterRowById(db, issue.newsletterId);
      if (newsletterRow === undefined) return;
      const newsletter = toNewsletter(newsletterRow);
      const attempt = context.attempt;
      const claimed = await issues.claimBatch(db, { issueId, batch, attempt });
      if (claimed.length > 0) {
        const emails = claimed.map((r) => r.email);
        const [entitlements, suppressed, links, newsroomFrom] = await Promise.all([
          findEntitlementsByEmail(db, emails, clock.now()),
          issues.listSuppressedAmong(db, emails),
          deps.links(),
          deps.newsroomFrom(),
        ]);
        const messages = createIssueMessages({
          siteUrl: deps.siteUrl,
          transport: deps.transport,
          renderer: createIssueRenderer(deps, issue, newsletter),
          issueId,
          newsletter,
          from: toSenderAddress(newsletter, newsroomFrom),
          links,
        });
        const record = (
          subscriberId: string,
          status: 'submitted' | 'failed',
          error: string | null,
        ) => recorder.record({ issueId, attempt, subscriberId, status, error });

        const queue = [...claimed];
        let stopped = false;
        const lane = async (): Promise<void> => {
          for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
            const recipient = next;
            if (suppressed.has(recipient.email)) {
              await record(
                recipient.subscriber_id,
                'failed',
                'The address is on the suppression list.',
              );
              continue;
            }
            const send = await messages.senderFor(entitlements.get(recipient.email) ?? 'anonymous');
            await deps.pace.take();
            try {
              await send(
                messages.recipient(
                  { subscriberId: recipient.subscriber_id, email: recipient.email },
                  clock.now(),
                ),
              );
            } catch (error) {
              if (!isPermanentRefusal(error)) {
                // The other lanes stop too, so the retry is the only run sending this batch.
                stopped = true;
                throw error;
              }
              await record(recipient.subscriber_id, 'failed', describe(error));
              continue;
            }
            // Recorded before this lane goes on: a crash leaves at most this message in doubt.
            await record(recipient.subscriber_id, 'submitted', null);
            deps.onSubmitted?.();
          }
        };
        const outcomes = await Promise.allSettled(Array.from({ length: lanes }, lane));
        const failure = outcomes.find((o) => o.status === 'rejected');
        if (failure !== undefined) throw failure.reason;
      }
      if (!(await issues.hasUnfinishedDeliveries(db, issueId))) {
        const at = toTimestamp(clock.now());
        await issues.moveIssue(db, issueId, ['sending'], {
          status: 'sent',
          finished_at: at,
          updated_at: at,
        });
      }
    },
  };
}
