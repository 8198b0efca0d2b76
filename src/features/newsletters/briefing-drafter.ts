import type { Db, Executor } from '../../db/database.js';
import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Post } from '../content/post.js';
import type { FeedEntry } from '../live/feed-entry.js';
import { systemActor } from '../staff/actor.js';
import {
  briefingKeyEntries,
  decideBriefingEntries,
  decideBriefingPosts,
  decideBriefingWindow,
  decideNextBriefing,
  toBriefingDraft,
} from './briefing.js';
import type { IssueService } from './issue.service.js';
import { findBriefingIssue } from './issue.repository.js';
import { toNewsletter } from './newsletter-mapping.js';
import { findNewsletterRowById } from './newsletter.repository.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Drafts a newsletter's daily briefing for a local day, then schedules the next day's. */
    'newsletters.briefing': { newsletterId: string; day: string };
  }
}

export interface BriefingDrafterDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly issues: Pick<IssueService, 'createIssue'>;
  /** The newsroom's IANA time zone: its mornings and its days. */
  readonly timeZone: () => Promise<string>;
  /** The latest published articles, newest publication first. */
  readonly listLatestPosts: (limit: number) => Promise<Post[]>;
  /** Key feed entries published in `[from, to)`, oldest first. */
  readonly listKeyEntries: (range: { from: Date; to: Date; limit: number }) => Promise<FeedEntry[]>;
  /** The reader-site path of a feed entry. */
  readonly entryPath: (slug: string) => string;
}

export type BriefingDrafter = ReturnType<typeof createBriefingDrafter>;

/**
 * The daily briefing: each morning, at a local hour in the newsroom's time zone, a job
 * drafts the day's issue of every newsletter with `briefing` on, from the articles and key
 * feed entries of the local day before, for an editor to review and send from the CMS. One
 * job per newsletter and day (its idempotency key), one draft per newsletter and day (a
 * unique index), and each run schedules the next day's.
 */
export function createBriefingDrafter(deps: BriefingDrafterDeps) {
  const { db, clock } = deps;

  /**
   * Reads the time zone first, so that the returned step, which only writes the job, can
   * run inside a caller's transaction.
   */
  async function planNext(after: Date) {
    const next = decideNextBriefing(after, await deps.timeZone());
    return (executor: Executor, newsletterId: string) =>
      deps.jobs.enqueue(
        executor,
        'newsletters.briefing',
        { newsletterId, day: next.day },
        { runAt: next.runAt, idempotencyKey: `newsletter-briefing:${newsletterId}:${next.day}` },
      );
  }

  async function draft(newsletterId: string, name: string, day: string) {
    const timeZone = await deps.timeZone();
    const window = decideBriefingWindow(day, timeZone);
    const [posts, entries] = await Promise.all([
      deps.listLatestPosts(50).then((latest) => decideBriefingPosts(latest, window)),
      deps
        .listKeyEntries({ ...window, limit: briefingKeyEntries })
        .then((found) => decideBriefingEntries(found, window)),
    ]);
    if (posts.length === 0 && entries.length === 0) return;
    const content = toBriefingDraft({
      newsletterName: name,
      day,
      timeZone,
      posts,
      entries,
      entryPath: deps.entryPath,
    });
    try {
      await deps.issues.createIssue(systemActor, {
        newsletterId,
        subject: content.subject,
        preheader: content.preheader,
        body: { format: 'markdown', text: content.markdown },
        origin: 'briefing',
        briefingDay: day,
      });
    } catch (error) {
      // Another run drafted it first.
      if (decideConstraintViolation(error) !== 'unique') throw error;
    }
  }

  return {
    planNext,

    async draftBriefing({ newsletterId, day }: { newsletterId: string; day: string }) {
      const row = await findNewsletterRowById(db, newsletterId);
      if (row === undefined) return;
      const newsletter = toNewsletter(row);
      // Turned off or archived: the chain stops; turning it on again starts a new one.
      if (!newsletter.briefing || newsletter.status !== 'active') return;
      if ((await findBriefingIssue(db, newsletterId, day)) === undefined) {
        await draft(newsletterId, newsletter.name, day);
      }
      const scheduleNext = await planNext(clock.now());
      await scheduleNext(db, newsletterId);
    },
  };
}
