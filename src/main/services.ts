import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { createMediaService } from '../features/content/media.service.js';
import { createPostResources } from '../features/content/post-resources.js';
import { createPublicPostResources } from '../features/content/public-post-resource.js';
import '../features/members/member-events.js';
import { createMemberSignInService } from '../features/members/member-sign-in.service.js';
import { createMemberService } from '../features/members/member.service.js';
import { createReaderAudience } from '../features/members/reader-audience.js';
import { createPostReviewService } from '../features/content/post-review.service.js';
import { createPostService } from '../features/content/post.service.js';
import { createTagService } from '../features/content/tag.service.js';
import { createEditorsPicksService } from '../features/curation/editors-picks.service.js';
import { createFeedLiveHub } from '../features/live/feed-live-hub.js';
import { createFeedResources } from '../features/live/feed-resources.js';
import { createFeedService } from '../features/live/feed.service.js';
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
import { createJobQueue } from '../platform/jobs/job-queue.js';
import type { Logger } from '../platform/logger.js';
import { chooseMailTransport } from '../platform/mail/choose-mail-transport.js';
import { decideFromAddress } from '../platform/mail/mail-from.js';
import { createMailer } from '../platform/mail/mailer.js';
import { createLocalDiskStorage } from '../platform/storage/local-disk-storage.js';
import { decideStaleTags } from '../site/cache/cache-invalidation.js';
import { createPageCache } from '../site/cache/page-cache.js';
import { toLiveFrame } from '../site/live/live-frame.js';
import { newsFeedPaths } from '../site/live/news-feed-paths.js';
import { absoluteUrl, sitePaths } from '../site/site-urls.js';
import { createImageLookup } from './image-lookup.js';

export interface ServiceOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** An open database; opened from the config when left out. */
  readonly database?: DatabaseHandle;
  /** Cheaper password hashing for tests. */
  readonly passwords?: PasswordHasher;
}

/** Every service of Masthead, wired once. The only place objects are made. */
export function createServices(options: ServiceOptions) {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database = options.database ?? openDatabase(config.databaseUrl);
  const { db, engine } = database;

  const events = createEventBus(logger);
  const pageCache = createPageCache();
  events.subscribeAll((event) => {
    const stale = decideStaleTags(event);
    if (stale.length > 0) pageCache.purge(stale);
  });
  const jobs = createJobQueue({ db, engine, clock, logger });
  const storage = createLocalDiskStorage({ dataDir: config.dataDir });
  const audit = createAuditService({ db, clock });
  const passwords = options.passwords ?? createPasswordHasher();
  const staff = createStaffService({
    db,
    clock,
    audit,
    passwords,
    onProfileChanged: (slug) => events.publish('staff.profile-changed', { slug }),
  });
  const sessions = createSessionService({ db, clock, audit, passwords });
  const tokens = createApiTokenService({ db, clock, audit });
  const settings = createSettingsService({
    db,
    clock,
    audit,
    events,
    timezoneOverride: config.timezone,
  });
  const media = createMediaService({ db, storage, clock });
  const tags = createTagService({ db, clock, audit, events });

  const findAuthorId = async (ref: string): Promise<string | undefined> => {
    const user =
      (await staff.findStaffBySlug(ref)) ??
      (ref.includes('@') ? await staff.findStaffByEmail(ref) : null) ??
      (await staff.getStaff(ref).catch(() => null));
    return user?.id;
  };
  const posts = createPostService({ db, clock, audit, tags, jobs, events, findAuthorId });
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
    events,
    logger,
    toFrame: (change) =>
      toLiveFrame(change, {
        images,
        findLivePosts,
        getSiteSettings: () => settings.getSiteSettings(),
        clock,
      }),
  });

  const siteTitle = async (): Promise<string> => (await settings.getSiteSettings()).title;
  const mail = chooseMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir });
  const mailer = createMailer({
    transport: mail.transport,
    clock,
    siteUrl: config.siteUrl,
    from: async () => decideFromAddress(config.mailFrom, await siteTitle(), config.siteUrl),
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
  // Members: the one place an entitlement change is announced to caches and audiences.
  const readerAudience = createReaderAudience({
    db,
    clock,
    staffCookieName: defaultSessionCookieName,
  });
  events.subscribe('member.entitlement-changed', ({ memberId, at }) =>
    readerAudience.noteChange(memberId, new Date(at)),
  );
  const onEntitlementChanged = (memberId: string): void =>
    events.publish('member.entitlement-changed', { memberId, at: clock.now().toISOString() });
  const members = createMemberService({ db, clock, audit, onEntitlementChanged });
  const memberSignIn = createMemberSignInService({
    db,
    clock,
    jobs,
    mailer,
    siteUrl: config.siteUrl,
    siteTitle,
    allowsSignups: async () => (await settings.getSiteSettings()).allowMemberSignups,
    onEntitlementChanged,
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

  return {
    config,
    logger,
    clock,
    database,
    events,
    pageCache,
    jobs,
    storage,
    audit,
    staff,
    sessions,
    tokens,
    settings,
    media,
    tags,
    posts,
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
    mailer,
    outbox: mail.outbox,
    passwordResets,
    invitations,
    reviews,
    readerAudience,
    members,
    memberSignIn,
    close: async () => {
      await mail.transport.close();
      await database.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
