import type { Db, Executor } from '../../db/database.js';
import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Post } from '../content/post.js';
import { systemActor } from '../staff/actor.js';
import { decideBriefingPosts, decideNextBriefing, toBriefingDraft } from './briefing.js';
import type { IssueService } from './issue.service.js';
import { findBriefingIssue } from './issue.repository.js';
import { toNewsletter } from './newsletter-mapping.js';
import { findNewsletterRowById } from './newsletter.repository.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Drafts a newsletter's daily briefing for a day, then schedules the next day's. */
    'newsletters.briefing': { newsletterId: string; day: string };
  }
}

export interface BriefingDrafterDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly issues: Pick<IssueService, 'createIssue'>;
  /** The latest published articles, newest publication first. */
  readonly listLatestPosts: (limit: number) => Promise<Post[]>;
}

export type BriefingDrafter = ReturnType<typeof createBriefingDrafter>;

/**
 * The daily briefing: each morning a job drafts the day's issue of every newsletter with
 * `briefing` on, from the articles published in the day before, for an editor to review
 * and send from the CMS. One job per newsletter and day (its idempotency key), one draft
 * per newsletter and day (a unique index), and each run schedules the next day's.
 */
export function createBriefingDrafter(deps: BriefingDrafterDeps) {
  const { db, clock } = deps;

  async function scheduleNext(executor: Executor, newsletterId: string, after: Date) {
    const next = decideNextBriefing(after);
    await deps.jobs.enqueue(
      executor,
      'newsletters.briefing',
      { newsletterId, day: next.day },
      { runAt: next.runAt, idempotencyKey: `newsletter-briefing:${newsletterId}:${next.day}` },
    );
  }

  return {
    scheduleNext,

    async draftBriefing({ newsletterId, day }: { newsletterId: string; day: string }) {
      const row = await findNewsletterRowById(db, newsletterId);
      if (row === undefined) return;
      const newsletter = toNewsletter(row);
      // Turned off or archived: the chain stops; turning it on again starts a new one.
      if (!newsletter.briefing || newsletter.status !== 'active') return;
      if ((await findBriefingIssue(db, newsletterId, day)) === undefined) {
        const posts = decideBriefingPosts(await deps.listLatestPosts(50), day);
        if (posts.length > 0) {
          const draft = toBriefingDraft(newsletter.name, day, posts);
          try {
            await deps.issues.createIssue(systemActor, {
              newsletterId,
              subject: draft.subject,
              preheader: draft.preheader,
              body: { format: 'markdown', text: draft.markdown },
              origin: 'briefing',
              briefingDay: day,
            });
          } catch (error) {
            // Another run drafted it first.
            if (decideConstraintViolation(error) !== 'unique') throw error;
          }
        }
      }
      await scheduleNext(db, newsletterId, clock.now());
    },
  };
}
