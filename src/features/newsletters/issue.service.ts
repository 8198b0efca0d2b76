import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { enqueueMail } from '../../platform/mail/mail-jobs.js';
import type { BodyConverter } from '../content/body/body-converter.js';
import type { BodySource } from '../content/body/body-source.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { toIssue, toProgress, type Issue, type SendProgress } from './issue.js';
import { personalise, type RenderedIssue } from './issue-email.js';
import { createIssueRenderer, type IssueRenderDeps } from './issue-render.js';
import * as repo from './issue.repository.js';
import { toListHeaders, toSenderAddress } from './list-headers.js';
import type { IssueOrigin } from './newsletter.js';
import { toNewsletter } from './newsletter-mapping.js';
import { findNewsletterRowById } from './newsletter.repository.js';

export interface IssueServiceDeps extends IssueRenderDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue' | 'cancel'>;
  readonly bodyConverter: Pick<BodyConverter, 'convert'>;
  readonly newsroomFrom: () => Promise<string>;
}

export interface IssueInput {
  readonly newsletterId: string;
  readonly subject: string;
  readonly preheader?: string;
  /** Send this published article as the issue… */
  readonly postId?: string | null;
  /** …or this written body (a body document, Markdown or HTML). */
  readonly body?: BodySource;
  readonly origin?: IssueOrigin;
  /** For a drafted daily briefing: the day it is for (`YYYY-MM-DD`). */
  readonly briefingDay?: string;
}

export type IssueService = ReturnType<typeof createIssueService>;

/** What staff do with issues: write, preview, test, schedule and send them. */
export function createIssueService(deps: IssueServiceDeps) {
  const { db, clock } = deps;

  async function getIssueRow(id: string) {
    const row = await repo.findIssue(db, id);
    if (row === undefined) throw notFound('The issue');
    return row;
  }

  async function getNewsletter(id: string) {
    const row = await findNewsletterRowById(db, id);
    if (row === undefined) throw notFound('The newsletter');
    return toNewsletter(row);
  }

  async function checkPost(postId: string | null | undefined): Promise<void> {
    if (postId === null || postId === undefined) return;
    const [post] = await deps.findPostsByIds([postId]);
    if (post?.status !== 'published') {
      throw new AppError('validation_failed', 'Only a published article can be sent as an issue.', [
        { field: 'post_id', message: 'is not a published article' },
      ]);
    }
  }

  async function render(issue: Issue): Promise<RenderedIssue> {
    const newsletter = await getNewsletter(issue.newsletterId);
    return createIssueRenderer(deps, issue, newsletter).forEntitlement('paying');
  }

  return {
    async createIssue(actor: Actor, input: IssueInput): Promise<Issue> {
      ensureCan(actor, 'newsletters.manage', 'write newsletter issues');
      await getNewsletter(input.newsletterId);
      await checkPost(input.postId);
      const body =
        input.body === undefined
          ? { version: 1, blocks: [] }
          : await deps.bodyConverter.convert(input.body);
      const now = toTimestamp(clock.now());
      const id = newId();
      await repo.insertIssue(db, {
        id,
        newsletter_id: input.newsletterId,
        subject: input.subject,
        preheader: input.preheader ?? '',
        post_id: input.postId ?? null,
        body: JSON.stringify(body),
        origin: input.origin ?? (input.postId ? 'article' : 'written'),
        briefing_day: input.briefingDay ?? null,
        status: 'draft',
        scheduled_at: null,
        started_at: null,
        finished_at: null,
        recipients: 0,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      return toIssue(await getIssueRow(id));
    },

    async updateIssue(
      actor: Actor,
      id: string,
      input: Partial<Omit<IssueInput, 'newsletterId' | 'origin' | 'briefingDay'>>,
    ): Promise<Issue> {
      ensureCan(actor, 'newsletters.manage', 'edit newsletter issues');
      const row = await getIssueRow(id);
      if (row.status !== 'draft') {
        throw new AppError(
          'conflict',
          'Only a draft issue can be changed. Cancel its schedule first.',
        );
      }
      await checkPost(input.postId);
      const body =
        input.body === undefined ? undefined : await deps.bodyConverter.convert(input.body);
      await repo.updateIssue(db, id, {
        ...(input.subject === undefined ? {} : { subject: input.subject }),
        ...(input.preheader === undefined ? {} : { preheader: input.preheader }),
        ...(input.postId === undefined ? {} : { post_id: input.postId }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        updated_at: toTimestamp(clock.now()),
      });
      return toIssue(await getIssueRow(id));
    },

    async listIssues(
      actor: Actor,
      query: { newsletterId?: string; limit: number },
    ): Promise<Issue[]> {
      ensureCan(actor, 'newsletters.manage', 'see newsletter issues');
      return (await repo.listIssues(db, query)).map(toIssue);
    },

    async getIssue(actor: Actor, id: string): Promise<{ issue: Issue; progress: SendProgress }> {
      ensureCan(actor, 'newsletters.manage', 'see newsletter issues');
      const issue = toIssue(await getIssueRow(id));
      return { issue, progress: toProgress(issue.recipients, await repo.countDeliveries(db, id)) };
    },

    /** The issue as a paying member receives it, with links that lead nowhere. */
    async previewIssue(actor: Actor, id: string): Promise<RenderedIssue> {
      ensureCan(actor, 'newsletters.manage', 'preview newsletter issues');
      const rendered = await render(toIssue(await getIssueRow(id)));
      return personalise(rendered, {
        preferencesUrl: '#preferences',
        unsubscribeUrl: '#unsubscribe',
      });
    },

    /** Mails the issue to one address (usually one's own), marked as a test. */
    async testSend(actor: Actor, id: string, to: string): Promise<void> {
      ensureCan(actor, 'newsletters.manage', 'send test issues');
      const address = normaliseEmail(to);
      if (!isEmailAddress(address)) {
        throw new AppError('validation_failed', 'Enter the e-mail address to send the test to.', [
          { field: 'to', message: 'is not an e-mail address' },
        ]);
      }
      const issue = toIssue(await getIssueRow(id));
      const newsletter = await getNewsletter(issue.newsletterId);
      const rendered = personalise(await render(issue), {
        preferencesUrl: `${deps.siteUrl}/newsletters`,
        unsubscribeUrl: `${deps.siteUrl}/newsletters`,
      });
      const now = clock.now();
      await enqueueMail(
        deps.jobs,
        db,
        {
          to: address,
          subject: `[Test] ${rendered.subject}`,
          html: rendered.html,
          text: rendered.text,
          from: toSenderAddress(newsletter, await deps.newsroomFrom()),
          headers: toListHeaders({ siteUrl: deps.siteUrl, unsubscribeToken: 'test', newsletter }),
        },
        `newsletter.test:${id}:${address}:${now.toISOString()}`,
      );
    },

    /** Sends now, or at `at`; the send starts as a job, so it survives a restart. */
    async sendIssue(actor: Actor, id: string, at: Date | null): Promise<Issue> {
      ensureCan(actor, 'newsletters.manage', 'send newsletter issues');
      const row = await getIssueRow(id);
      if (row.status !== 'draft' && row.status !== 'scheduled') {
        throw new AppError('conflict', 'This issue has been sent already.');
      }
      const newsletter = await getNewsletter(row.newsletter_id);
      if (newsletter.status !== 'active') {
        throw new AppError(
          'conflict',
          'This newsletter is archived. Make it active to send issues.',
        );
      }
      const now = clock.now();
      const runAt = at === null || at.getTime() <= now.getTime() ? now : at;
      await db.transaction().execute(async (trx) => {
        if (row.scheduled_at !== null)
          await deps.jobs.cancel(trx, `newsletter-start:${id}:${row.scheduled_at}`);
        await repo.updateIssue(trx, id, {
          status: runAt === now ? 'draft' : 'scheduled',
          scheduled_at: toTimestamp(runAt),
          updated_at: toTimestamp(now),
        });
        await deps.jobs.enqueue(
          trx,
          'newsletters.start-send',
          { issueId: id },
          { runAt, idempotencyKey: `newsletter-start:${id}:${toTimestamp(runAt)}` },
        );
      });
      return toIssue(await getIssueRow(id));
    },
  };
}
