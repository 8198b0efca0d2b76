import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { createBodyConverter } from '../features/content/body/body-converter.js';
import { createMediaService } from '../features/content/media.service.js';
import { createPostResources } from '../features/content/post-resources.js';
import { createPublicPostResources } from '../features/content/public-post-resource.js';
import '../features/members/member-events.js';
import { createMemberSignInService } from '../features/members/member-sign-in.service.js';
import { createMemberService } from '../features/members/member.service.js';
import { createReaderAudience } from '../features/members/reader-audience.js';
import '../features/memberships/revenue-events.js';
import { createCheckoutService } from '../features/memberships/checkout.service.js';
import { createGiftService } from '../features/memberships/gift.service.js';
import { createPaymentProcessor } from '../features/memberships/payment-processor.js';
import { createRevenueEmailSender } from '../features/memberships/revenue-email.job.js';
import { createRevenueService } from '../features/memberships/revenue.service.js';
import { createTierService } from '../features/memberships/tier.service.js';
import { choosePaymentProvider } from '../platform/payments/choose-payment-provider.js';
import { createPaymentInbox } from '../platform/payments/payment-inbox.js';
import { createPostReviewService } from '../features/content/post-review.service.js';
import { createPostService } from '../features/content/post.service.js';
import { createPostBinService } from '../features/content/post-bin.service.js';
import { createPostDesk } from '../features/content/post-desk.js';
import { createPostHandoffService } from '../features/content/post-handoff.service.js';
import { createTagService } from '../features/content/tag.service.js';
import { createEditorsPicksService } from '../features/curation/editors-picks.service.js';
import { createFeedLiveHub } from '../features/live/feed-live-hub.js';
import { createFeedResources } from '../features/live/feed-resources.js';
import { createFeedService } from '../features/live/feed.service.js';
import {
  createLiveConnectionLimits,
  decideLiveConnectionLimits,
  type LiveConnectionLimitSettings,
} from '../features/live/live-connection-limits.js';
import { createRedirectService } from '../features/redirects/redirect.service.js';
import { createSearchService } from '../features/search/search.service.js';
import { createSettingsService } from '../features/settings/settings.service.js';
import { systemActor } from '../features/staff/actor.js';
import { createApiTokenService } from '../features/staff/api-token.service.js';
import { createAuditService } from '../features/staff/audit.service.js';
import { createInvitationService } from '../features/staff/invitation.service.js';
import { createPasswordResetService } from '../features/staff/password-reset.service.js';
import { createPasswordHasher, type PasswordHasher } from '../features/staff/password.js';
import { createSessionService } from '../features/staff/session.service.js';
import { createStaffService } from '../features/staff/staff.service.js';
import { defaultSessionCookieName } from '../features/staff/session-cookie.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createEventBus } from '../platform/events/event-bus.js';
import { createEventRelay } from '../platform/events/event-relay.js';
import { chooseEventWake } from '../platform/events/choose-event-wake.js';
import { countOpenJobsByKind } from '../platform/jobs/job-counts.repository.js';
import { createJobQueue } from '../platform/jobs/job-queue.js';
import { createMetrics } from '../platform/metrics/metrics.js';
import { chooseCdnPurgeApi } from '../platform/cdn/choose-cdn-purge-api.js';
import { createCdnPurgeQueue } from '../platform/cdn/cdn-purge-queue.js';
import type { Logger } from '../platform/logger.js';
import { readOpenFileLimit } from '../platform/open-file-limit.js';
import { chooseMailTransport } from '../platform/mail/choose-mail-transport.js';
import { decideFromAddress } from '../platform/mail/mail-from.js';
import { createMailer } from '../platform/mail/mailer.js';
import { chooseFileStorage } from '../platform/storage/choose-file-storage.js';
import { decideStaleTags } from '../site/cache/cache-invalidation.js';
import { createPageCache } from '../site/cache/page-cache.js';
import { createReaderDataMemo } from '../site/cache/reader-data-memo.js';
import { toLiveFrame } from '../site/live/live-frame.js';
import { newsFeedPaths } from '../site/live/news-feed-paths.js';
import { absoluteUrl, sitePaths } from '../site/site-urls.js';
import { createImageLookup } from './image-lookup.js';
import { createNarrationService } from '../features/narration/narration.service.js';
import { chooseSpeechEngine } from '../platform/tts/choose-speech-engine.js';
import { createCampaignService } from '../features/campaigns/campaign.service.js';
import { createContributionRecorder } from '../features/campaigns/campaign-contribution.js';
import { withRevenueContributions } from '../features/campaigns/revenue-contributions.js';
import { createCampaignAttributions } from '../features/campaigns/campaign-attribution.js';
import { createNewsletterFeature } from '../features/newsletters/newsletter-feature.js';

export interface ServiceOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** An open database; opened from the config when left out. */
  readonly database?: DatabaseHandle;
  /** Cheaper password hashing for tests. */
  readonly passwords?: PasswordHasher;
  /** Live stream limits; by default decided from the process's open-file limit. */
  readonly liveConnectionLimits?: LiveConnectionLimitSettings;
}

/** Every service of Masthead, wired once. The only place objects are made. */
export function createServices(options: ServiceOptions) {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database = options.database ?? openDatabase(config.databaseUrl);
  const { db, engine } = database;

  // Subscribers listen on the bus; services record events through the relay, which
  // delivers each committed event to the bus of every process (started after migrations).
  const bus = createEventBus(logger);
  // Bounds and the five-minute safety lifetime are in page-cache.ts.
  const pageCache = createPageCache({
    now: () => clock.now().getTime(),
    maxBytes: config.pageCacheMegabytes * 1024 * 1024,
  });
  // What reader pages share (navigation, lists), kept between the changes that alter it.
  const readerData = createReaderDataMemo({ now: () => clock.now().getTime() });
  const jobs = createJobQueue({ db, engine, clock, logger });
  const cdnPurgeApi = chooseCdnPurgeApi(config.cdn);
  const cdnPurges = cdnPurgeApi === null ? null : createCdnPurgeQueue({ db, jobs, clock });
  // The CDN's copies go stale with the page cache's. Every process hears every event, so
  // each one records the same keys; the purge queue merges them into one purge.
  bus.subscribeAll((event) => {
    const stale = decideStaleTags(event);
    if (stale.length === 0) return;
    readerData.purge(stale);
    pageCache.purge(stale);
    return cdnPurges?.requestPurge(stale);
  });
  const events = createEventRelay({
    db,
    engine,
    bus,
    clock,
    logger,
    // NOTIFY on PostgreSQL, the primary's IPC between SQLite web processes, or a poll alone.
    ...chooseEventWake({ engine, url: database.url, logger }),
    // Events pruned before this process read them: what they named is unknown.
    onMissed: () => {
      readerData.purge(['site']);
      pageCache.purge(['site']);
    },
  });
  const files = chooseFileStorage({
    storage: config.storage,
    dataDir: config.dataDir,
    mediaUrl: config.mediaUrl,
  });
  const storage = files.storage;
  const audit = createAuditService({ db, clock });
  const passwords = options.passwords ?? createPasswordHasher();
  const staff = createStaffService({
    db,
    clock,
    audit,
    passwords,
    events,
    jobs,
    siteTitle: () => siteTitle(),
  });
  const sessions = createSessionService({ db, clock, audit, passwords });
  const tokens = createApiTokenService({ db, clock, audit });
  const settings = createSettingsService({
    db,
    clock,
    audit,
    events,
    bus,
    timezoneOverride: config.timezone,
  });
  const media = createMediaService({ db, storage, clock, events });
  const tags = createTagService({ db, clock, audit, events });

  const findAuthorId = async (ref: string): Promise<string | undefined> => {
    const user =
      (await staff.findStaffBySlug(ref)) ??
      (ref.includes('@') ? await staff.findStaffByEmail(ref) : null) ??
      (await staff.getStaff(ref).catch(() => null));
    return user?.id;
  };
  const bodyConverter = createBodyConverter();
  const handoffs = createPostHandoffService({
    db,
    clock,
    audit,
    jobs,
    listStaff: () => staff.listStaff(systemActor),
    siteTitle: () => siteTitle(),
    editUrl: (id) => absoluteUrl(config.siteUrl, sitePaths.editPost(id)),
    articleUrl: (slug) => absoluteUrl(config.siteUrl, sitePaths.article(slug)),
  });
  const posts = createPostService({
    db,
    clock,
    audit,
    tags,
    jobs,
    events,
    findAuthorId,
    bodyConverter,
    afterChange: (trx, notice) => handoffs.recordChange(trx, notice),
  });
  const bin = createPostBinService({ db, clock, audit, jobs, events });
  const desk = createPostDesk({ db, clock });
  const redirects = createRedirectService({ db, clock, audit, events, siteUrl: config.siteUrl });
  const images = createImageLookup(media);
  const findLivePosts = async (ids: readonly string[]) =>
    (await posts.findPostsByIds(ids)).filter((post) => post.status === 'published');
  const picks = createEditorsPicksService({
    db,
    clock,
    audit,
    events,
    findPostsByIds: (ids) => posts.findPostsByIds(ids),
  });
  const search = createSearchService({
    db,
    engine,
    findPostsByIds: (ids) => posts.findPostsByIds(ids),
  });
  const postResources = createPostResources({
    siteUrl: config.siteUrl,
    images,
    findLivePosts,
    articlePath: sitePaths.article,
  });

  const publicPostResources = createPublicPostResources({
    siteUrl: config.siteUrl,
    images,
    findLivePosts,
    articlePath: sitePaths.article,
  });

  const feed = createFeedService({
    db,
    engine,
    clock,
    audit,
    events,
    listTags: () => tags.listTags(),
    findAuthorId,
    hasPost: async (id) => (await posts.findPostsByIds([id])).length > 0,
    bodyConverter,
  });
  const feedResources = createFeedResources({
    siteUrl: config.siteUrl,
    entryPath: newsFeedPaths.entry,
    articlePath: sitePaths.article,
    images,
    findPostsByIds: (ids) => posts.findPostsByIds(ids),
  });
  // Live connections of this process; it starts with the first reader who connects.
  const feedLive = createFeedLiveHub({
    feed,
    events: bus,
    logger,
    toFrame: (change) =>
      toLiveFrame(change, {
        images,
        findLivePosts,
        getSiteSettings: () => settings.getSiteSettings(),
        clock,
      }),
  });

  // Read once at start: the open-file limit does not change while the process runs.
  const liveLimits = createLiveConnectionLimits(
    options.liveConnectionLimits ?? decideLiveConnectionLimits(readOpenFileLimit()),
  );
  const metrics = createMetrics({
    pageCache: () => pageCache.stats(),
    liveConnections: () => feedLive.stats().connections,
    openJobs: () => countOpenJobsByKind(db),
    databasePool: () => database.poolStats?.() ?? null,
  });

  const siteTitle = async (): Promise<string> => (await settings.getSiteSettings()).title;
  const mail = chooseMailTransport({
    smtpUrl: config.smtpUrl,
    dataDir: config.dataDir,
    smtpPool: config.smtpPool,
  });
  const mailer = createMailer({
    transport: mail.transport,
    clock,
    siteUrl: config.siteUrl,
    from: async () => decideFromAddress(config.mailFrom, await siteTitle(), config.siteUrl),
    onSent: () => metrics.countEmailSent(),
  });
  const linkDeps = {
    db,
    clock,
    audit,
    jobs,
    passwords,
    mailer,
    siteUrl: config.siteUrl,
    siteTitle,
  };
  const passwordResets = createPasswordResetService(linkDeps);
  const invitations = createInvitationService(linkDeps);
  // Members: entitlement changes reach every process, which stops trusting older cookies.
  const readerAudience = createReaderAudience({
    db,
    clock,
    staffCookieName: defaultSessionCookieName,
  });
  bus.subscribe('member.entitlement-changed', ({ memberId, at }) =>
    readerAudience.noteChange(memberId, new Date(at)),
  );
  const members = createMemberService({ db, clock, audit, events });
  const memberSignIn = createMemberSignInService({
    db,
    clock,
    jobs,
    mailer,
    siteUrl: config.siteUrl,
    siteTitle,
    allowsSignups: async () => (await settings.getSiteSettings()).allowMemberSignups,
    events,
  });

  // Reader revenue: provider events land in the inbox and are applied by jobs.
  const paymentInbox = createPaymentInbox({ db, clock, jobs });
  const payments = choosePaymentProvider({
    stripe: config.stripe,
    db,
    clock,
    siteUrl: config.siteUrl,
    record: (trx, event) => paymentInbox.recordIn(trx, event),
    jobs,
  });
  const graceMs = config.paymentGraceDays * 24 * 60 * 60 * 1000;
  // Memberships, gifts and donations count toward campaigns in their own transaction.
  const campaignContributions = createContributionRecorder({ clock, events });
  const revenueEvents = withRevenueContributions(events, campaignContributions);
  const tiers = createTierService({ db, clock, audit });
  const paymentProcessor = createPaymentProcessor({
    db,
    engine,
    clock,
    events: revenueEvents,
    jobs,
    inbox: paymentInbox,
    graceMs,
  });
  const checkouts = createCheckoutService({
    db,
    clock,
    provider: payments.provider,
    siteUrl: config.siteUrl,
    tiers,
    processor: paymentProcessor,
    inbox: paymentInbox,
    attributions: createCampaignAttributions({ db }),
  });
  const gifts = createGiftService({ db, clock, jobs, events: revenueEvents });
  const revenue = createRevenueService({
    db,
    clock,
    audit,
    provider: payments.provider,
    inbox: paymentInbox,
    processor: paymentProcessor,
  });
  const revenueEmails = createRevenueEmailSender({
    db,
    mailer,
    siteUrl: config.siteUrl,
    siteTitle,
    findMember: (id) => members.findMember(id),
    formatDate: async (at) => {
      const site = await settings.getSiteSettings();
      return new Intl.DateTimeFormat(site.locale, {
        dateStyle: 'long',
        timeZone: site.timezone,
      }).format(at);
    },
    graceMs,
  });

  const newsletters = createNewsletterFeature({
    db,
    clock,
    logger,
    jobs,
    mailer,
    transport: mail.transport,
    siteUrl: config.siteUrl,
    siteTitle,
    newsroomFrom: async () => decideFromAddress(config.mailFrom, await siteTitle(), config.siteUrl),
    findPostsByIds: (ids) => posts.findPostsByIds(ids),
    listLatestPosts: (limit) =>
      posts.listPosts(systemActor, { status: 'published', sort: 'published', limit }),
    listKeyEntries: (range) => feed.listKeyEntries(range),
    entryPath: newsFeedPaths.entry,
    timeZone: async () => (await settings.getSiteSettings()).timezone,
    images,
    bodyConverter,
    rate: config.newsletterRate,
    onSubmitted: () => metrics.countEmailSent(),
    events,
  });

  const reviews = createPostReviewService({
    db,
    clock,
    audit,
    jobs,
    listStaff: () => staff.listStaff(systemActor),
    siteTitle,
    editUrl: (id) => absoluteUrl(config.siteUrl, sitePaths.editPost(id)),
    previewUrl: (id) => absoluteUrl(config.siteUrl, sitePaths.preview(id)),
  });

  // Narration: the engine from MASTHEAD_TTS_*; a live post's save asks for audio.
  const speech = chooseSpeechEngine(config.tts);
  const narration = createNarrationService({
    db,
    clock,
    logger,
    jobs,
    events,
    engine: speech,
    storage,
    findPostsByIds: (ids) => posts.findPostsByIds(ids),
    listPublished: (page) => posts.listPublished({ page, limit: 100 }),
  });
  bus.subscribe('post.changed', (event) => narration.onPostChanged(event));
  // Campaigns: live figures are remembered briefly and forgotten on every campaign event.
  const campaigns = createCampaignService({ db, clock, audit, events });
  bus.subscribe('campaign.changed', () => campaigns.forget());
  bus.subscribe('campaign.contribution-recorded', () => campaigns.forget());

  return {
    config,
    logger,
    clock,
    database,
    /** Where to subscribe to domain events (every process's, once each). */
    events: bus,
    eventRelay: events,
    pageCache,
    readerData,
    jobs,
    cdnPurgeApi,
    storage,
    audit,
    staff,
    sessions,
    tokens,
    settings,
    media,
    tags,
    posts,
    redirects,
    picks,
    search,
    images,
    findAuthorId,
    findLivePosts,
    postResources,
    publicPostResources,
    feed,
    feedResources,
    feedLive,
    liveLimits,
    mailer,
    metrics,
    outbox: mail.outbox,
    passwordResets,
    invitations,
    reviews,
    handoffs,
    bin,
    desk,
    bodyConverter,
    readerAudience,
    members,
    memberSignIn,
    narration,
    paymentInbox,
    payments,
    tiers,
    paymentProcessor,
    checkouts,
    gifts,
    revenueEmails,
    revenue,
    campaigns,
    /** The seam payments calls inside its own transaction (`recordContribution(trx, …)`). */
    campaignContributions,
    newsletters,
    close: async () => {
      await speech?.close();
      await events.stop();
      await bodyConverter.close();
      await mail.transport.close();
      files.close();
      await database.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
