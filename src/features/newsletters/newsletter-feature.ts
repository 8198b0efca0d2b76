import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { newSecret } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Logger } from '../../platform/logger.js';
import type { MailTransport } from '../../platform/mail/mail-transport.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { BodyConverter } from '../content/body/body-converter.js';
import type { ImageLookup } from '../content/image-lookup.js';
import type { Post } from '../content/post.js';
import type { FeedEntry } from '../live/feed-entry.js';
import { createBriefingDrafter } from './briefing-drafter.js';
import { createIssueSender } from './issue-sender.js';
import { createIssueService } from './issue.service.js';
import { createNewsletterLinks, type NewsletterLinks } from './newsletter-links.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { createNewsletterService } from './newsletter.service.js';
import { createSendPace } from './send-pace.js';
import { getNewsletterKey } from './subscriber.repository.js';
import { createSnsVerifier } from './webhooks/email-webhook.routes.js';
import { createSubscriptionService } from './subscription.service.js';

export interface NewsletterFeatureDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly jobs: Pick<JobQueue, 'enqueue' | 'cancel'>;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly transport: MailTransport;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
  readonly newsroomFrom: () => Promise<string>;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
  /** The latest published articles, newest publication first (for the daily briefing). */
  readonly listLatestPosts?: (limit: number) => Promise<Post[]>;
  /** Key feed entries published in `[from, to)`, oldest first (for the daily briefing). */
  readonly listKeyEntries: (range: { from: Date; to: Date; limit: number }) => Promise<FeedEntry[]>;
  /** The reader-site path of a feed entry. */
  readonly entryPath: (slug: string) => string;
  /** The newsroom's IANA time zone, which sets when its briefing is drafted and which day it covers. */
  readonly timeZone: () => Promise<string>;
  readonly images: ImageLookup;
  readonly bodyConverter: Pick<BodyConverter, 'convert'>;
  /** Messages per second a process sends at most; 0 for no limit. */
  readonly rate: number;
  readonly onSubmitted?: () => void;
  /** Domain events, recorded in a change's transaction. */
  readonly events?: Pick<EventOutbox, 'record' | 'deliver'>;
}

/** The newsletters feature wired from its dependencies: one place, used by services.ts. */
export function createNewsletterFeature(deps: NewsletterFeatureDeps) {
  // The signing key is made once, in the database, so every process signs alike.
  let links: Promise<NewsletterLinks> | undefined;
  const loadLinks = (): Promise<NewsletterLinks> => {
    links ??= getNewsletterKey(deps.db, 'links', () => newSecret(32), toTimestamp(deps.clock.now()))
      .then(createNewsletterLinks)
      .catch((error: unknown) => {
        links = undefined;
        throw error;
      });
    return links;
  };
  const renderDeps = {
    siteUrl: deps.siteUrl,
    siteTitle: deps.siteTitle,
    findPostsByIds: deps.findPostsByIds,
    images: deps.images,
  };
  const issues = createIssueService({ ...deps, ...renderDeps });
  const briefing = createBriefingDrafter({
    ...deps,
    issues,
    listLatestPosts: deps.listLatestPosts ?? (() => Promise.resolve([])),
  });
  return {
    links: loadLinks,
    briefing,
    /** Verifies SES notifications' SNS signatures; its certificate cache lives with the process. */
    sns: createSnsVerifier(),
    newsletters: createNewsletterService({
      db: deps.db,
      clock: deps.clock,
      planBriefing: () => briefing.planNext(deps.clock.now()),
      events: deps.events,
    }),
    subscriptions: createSubscriptionService({ ...deps, links: loadLinks }),
    issues,
    sender: createIssueSender({
      ...deps,
      ...renderDeps,
      links: loadLinks,
      pace: createSendPace(deps.rate),
    }),
  };
}

export type NewsletterFeature = ReturnType<typeof createNewsletterFeature>;
