import { createServer, type IncomingHttpHeaders } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { contentApiRoutes } from '../features/content/content-api.routes.js';
import { mediaRoutes } from '../features/content/media.routes.js';
import { postReviewRoutes } from '../features/content/post-review.routes.js';
import { postBinRoutes } from '../features/content/post-bin.routes.js';
import { postDeskRoutes } from '../features/content/post-desk.routes.js';
import { postHandoffRoutes } from '../features/content/post-handoff.routes.js';
import { postCollaborationRoutes } from '../features/content/post-collaboration.routes.js';
import { createPostPresence } from '../features/content/post-presence.js';
import { postRoutes } from '../features/content/post.routes.js';
import { tagRoutes } from '../features/content/tag.routes.js';
import { editorsPicksRoutes } from '../features/curation/editors-picks.routes.js';
import { feedRoutes } from '../features/live/feed.routes.js';
import { redirectRoutes } from '../features/redirects/redirect.routes.js';
import { memberAuthPlugin } from '../features/members/member-auth.plugin.js';
import { memberRoutes } from '../features/members/member.routes.js';
import { revenueRoutes } from '../features/memberships/revenue.routes.js';
import { searchApiRoutes } from '../features/search/search-api.routes.js';
import { settingsRoutes } from '../features/settings/settings.routes.js';
import { adminWriteGuard, authPlugin, requireActor } from '../features/staff/auth.plugin.js';
import { ensureCan } from '../features/staff/permissions.js';
import { staffAccessRoutes } from '../features/staff/staff-access.routes.js';
import { staffRoutes } from '../features/staff/staff.routes.js';
import { toAuthorProfile } from '../features/staff/staff-user.js';
import { registerErrorHandler } from '../platform/http/error-handler.js';
import { nulGuard } from '../platform/http/nul-guard.js';
import { healthRoutes } from '../platform/http/health.routes.js';
import { metricsRoutes } from '../platform/metrics/metrics.routes.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import { outboxRoutes } from '../platform/mail/outbox.routes.js';
import { storedFilesRoutes } from '../platform/storage/stored-files.routes.js';
import { adminRoutes } from '../site/admin/admin.routes.js';
import { cacheTagsPlugin } from '../site/cache/cache-tags.plugin.js';
import { pageCachePlugin, tryServeFromPageCache } from '../site/cache/page-cache.plugin.js';
import { previewRoutes } from '../site/preview/preview.routes.js';
import { probeSite } from '../site/redirects/redirect-probe.js';
import {
  createOldLinkRescue,
  legacyQueryRedirects,
  type OldLinkDeps,
} from '../site/redirects/redirect-rescue.js';
import { contentSecurityDirectives } from '../site/content-security-policy.js';
import { ErrorPage } from '../site/error-page.js';
import { renderPage } from '../site/render-page.js';
import { loadSiteAssets } from '../site/site-assets.js';
import { loadSiteFrame } from '../site/site-frame.js';
import { newsFeedLiveRoutes } from '../site/live/news-feed-live.routes.js';
import { newsFeedRoutes } from '../site/live/news-feed.routes.js';
import { accountRoutes } from '../site/members/account.routes.js';
import { signInRoutes } from '../site/members/signin.routes.js';
import { giftRoutes } from '../site/revenue/gift.routes.js';
import { membershipRoutes } from '../site/revenue/membership.routes.js';
import { stripeWebhookRoutes } from '../platform/payments/stripe-webhook.routes.js';
import { testCheckoutRoutes } from '../platform/payments/test-checkout.routes.js';
import { siteRoutes } from '../site/site.routes.js';
import { isDraining } from '../platform/http/connection-drain.js';
import {
  memoisedFeedLatest,
  memoisedPicks,
  memoisedPosts,
} from '../site/cache/memoised-reader-data.js';
import { narrationRoutes } from '../features/narration/narration.routes.js';
import { audioRoutes } from '../site/narration/audio.routes.js';
import { podcastRoutes } from '../site/narration/podcast.routes.js';
import { newsletterRoutes } from '../site/newsletters/newsletter.routes.js';
import { emailLinkRoutes } from '../site/newsletters/email-links.routes.js';
import { createSignupBlock } from '../site/newsletters/signup-block.js';
import { newsletterAdminRoutes } from '../features/newsletters/newsletter.routes.js';
import { emailWebhookRoutes } from '../features/newsletters/webhooks/email-webhook.routes.js';
import { feedRoutes as syndicationFeedRoutes } from '../site/feeds/feed.routes.js';
import { searchRoutes } from '../site/search/search.routes.js';
import { seoRoutes } from '../site/seo/seo.routes.js';
import type { TrustProxy } from '../config/config.js';
import type { Services } from './services.js';
import { maxEncodedSlugLength } from '../features/content/slug.js';
import { campaignAdminRoutes } from '../features/campaigns/campaign.routes.js';
import { loadCampaignAssets } from '../site/campaigns/campaign-assets.js';
import { campaignRoutes } from '../site/campaigns/campaign.routes.js';
import { previewPlacements } from '../site/campaigns/campaign-preview.js';

/** The config's proxy setting as Fastify takes it; a hop count becomes a test per hop. */
function toTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** Builds the web application without listening, so tests can call `app.inject()`. */
export async function buildApp(services: Services): Promise<AppInstance> {
  const { config, logger } = services;
  // Typed as Fastify's logger so the instance's type matches the route modules' AppInstance.
  const loggerInstance: FastifyBaseLogger = logger;
  // The audience of a request for the page cache: a signed cookie, checked without the database.
  await services.readerAudience.load();
  const audienceOf = (headers: IncomingHttpHeaders) =>
    services.readerAudience.audienceOfHeaders(headers);
  const app = Fastify({
    loggerInstance,
    // Cached reader pages are answered by the bare HTTP server; everything else goes to Fastify.
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        // Stopping: the reader's next request opens a connection to a process still running.
        if (isDraining(server)) response.shouldKeepAlive = false;
        if (!tryServeFromPageCache(services.pageCache, audienceOf, request, response)) {
          handler(request, response);
        }
      });
      return server;
    },
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    bodyLimit: 1024 * 1024,
    // Every slug a post can have fits in one path parameter, percent-encoded.
    routerOptions: { maxParamLength: maxEncodedSlugLength },
    // Believe X-Forwarded-* only from the proxies the operator named (none by default).
    trustProxy: toTrustProxy(config.trustProxy),
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    // A request on a connection that was open when closing began is still answered in full.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Idempotent: the server started it already; a test's app starts it here.
  await services.eventRelay.start();
  app.addHook('onClose', () => services.eventRelay.stop());

  const secureCookies = config.siteUrl.startsWith('https:');
  const assets = loadSiteAssets();
  const newsFeedIsland = assets.islands['news-feed'];
  const audioPlayerIsland = assets.islands['audio-player'];
  const campaignAssets = loadCampaignAssets();
  const newsletterIsland = assets.islands.newsletter;

  // Before the page cache: `/?p=123` would otherwise find the cached front page.
  await app.register(legacyQueryRedirects, { redirects: services.redirects });
  // First, so a cached page is answered before any other work.
  await app.register(pageCachePlugin, {
    cache: services.pageCache,
    audienceOf,
  });
  await app.register(cacheTagsPlugin, { cdn: config.cdn?.provider ?? null });
  // Every cached page carries these headers, so each one earns its bytes.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityDirectives(secureCookies),
    },
    crossOriginEmbedderPolicy: false,
    hsts: secureCookies,
    // Browsers today ignore these: X-Frame-Options yields to `frame-ancestors`, and
    // Chromium keys agent clusters by origin without being asked.
    originAgentCluster: false,
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
    xFrameOptions: false,
  });
  await app.register(nulGuard);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Masthead API',
        version: '1',
        description:
          'Admin API (staff session cookie with X-CSRF-Token, or `Authorization: Bearer <token>`) and the public, read-only Content API.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(
    authPlugin({ sessions: services.sessions, tokens: services.tokens, secureCookies }),
  );
  await app.register(
    memberAuthPlugin({
      signIn: services.memberSignIn,
      audience: services.readerAudience,
      secureCookies,
      clock: services.clock,
    }),
  );

  const oldLinks: OldLinkDeps = {
    redirects: services.redirects,
    findLivePost: async (slug) => {
      const current = await services.posts.findPostBySlug(slug);
      if (current?.status === 'published') return current;
      const moved = await services.posts.findRedirect(slug);
      const post = moved === undefined ? undefined : await services.posts.findPostBySlug(moved);
      return post?.status === 'published' ? post : null;
    },
  };

  registerErrorHandler(
    app,
    async (error, request) => {
      const frame = await loadSiteFrame({
        assets,
        getSiteSettings: () => services.settings.getSiteSettings(),
        listSections: () => services.posts.listSections(),
      });
      return renderPage({
        ...frame.layout(request, {
          title: error.status === 404 ? 'Page not found' : 'Error',
          description: error.message,
          canonical: `${config.siteUrl}${request.url}`,
          ogType: 'website',
          image: null,
          jsonLd: [],
          robots: 'noindex',
        }),
        children: <ErrorPage error={error} />,
      });
    },
    createOldLinkRescue(oldLinks),
  );

  await app.register(metricsRoutes({ metrics: services.metrics, token: config.metricsToken }));
  await app.register(healthRoutes({ db: services.database.db }));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const adminApi = async (api: AppInstance): Promise<void> => {
    // In this scope, the guard runs for every Admin API route however its path was spelled.
    const guardWrite = adminWriteGuard({ siteUrl: config.siteUrl });
    api.addHook('onRequest', async (request) => guardWrite(request));
    api.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    await api.register(
      staffRoutes({
        staff: services.staff,
        sessions: services.sessions,
        tokens: services.tokens,
        audit: services.audit,
        secureCookies,
      }),
    );
    await api.register(
      postRoutes({
        posts: services.posts,
        toResources: services.postResources,
        requireActor,
        findAuthorId: services.findAuthorId,
        bin: services.bin,
      }),
    );
    await api.register(tagRoutes({ tags: services.tags, requireActor }));
    await api.register(memberRoutes({ members: services.members, requireActor }));
    await api.register(
      revenueRoutes({ revenue: services.revenue, tiers: services.tiers, requireActor }),
    );
    await api.register(editorsPicksRoutes({ picks: services.picks, requireActor }));
    await api.register(
      feedRoutes({
        feed: services.feed,
        toResources: services.feedResources,
        requireActor,
        liveStats: () => services.feedLive.stats(),
      }),
    );
    await api.register(mediaRoutes({ media: services.media, requireActor }));
    await api.register(
      staffAccessRoutes({
        passwordResets: services.passwordResets,
        invitations: services.invitations,
        sessions: services.sessions,
        requireActor,
        secureCookies,
      }),
    );
    await api.register(
      postCollaborationRoutes({
        posts: services.posts,
        presence: createPostPresence({ db: services.database.db, clock: services.clock }),
        requireActor,
      }),
    );
    await api.register(
      postReviewRoutes({
        reviews: services.reviews,
        toResources: services.postResources,
        requireActor,
      }),
    );
    await api.register(postHandoffRoutes({ handoffs: services.handoffs, requireActor }));
    await api.register(
      postBinRoutes({ bin: services.bin, toResources: services.postResources, requireActor }),
    );
    await api.register(
      postDeskRoutes({
        desk: services.desk,
        timeZone: async () => (await services.settings.getSiteSettings()).timezone,
        requireActor,
      }),
    );
    await api.register(
      settingsRoutes({
        settings: services.settings,
        hasMedia: async (id) => (await services.media.findMedia(id)) !== null,
        requireActor,
      }),
    );
    await api.register(
      redirectRoutes({
        redirects: services.redirects,
        requireActor,
        probe: (path) =>
          probeSite((url) => app.inject({ method: 'GET', url }), config.siteUrl, path),
      }),
    );
    await api.register(
      campaignAdminRoutes({
        campaigns: services.campaigns,
        requireActor,
        preview: async (live, body) =>
          previewPlacements(live, body, {
            assets: campaignAssets,
            cssUrl: assets.css.url,
            siteUrl: config.siteUrl,
            locale: (await services.settings.getSiteSettings()).locale,
          }),
      }),
    );
    await api.register(
      newsletterAdminRoutes({
        newsletters: services.newsletters.newsletters,
        issues: services.newsletters.issues,
        requireActor,
      }),
    );
    await api.register(
      outboxRoutes({
        outbox: services.outbox,
        transportKind: services.mailer.transportKind,
        authorize: (request) => ensureCan(requireActor(request), 'outbox.read', 'read the outbox'),
      }),
    );
    await api.register(
      narrationRoutes({
        narration: services.narration,
        requireActor,
        disclosure: config.tts.disclosure,
      }),
    );
  };
  await app.register(adminApi, { prefix: '/api/admin' });
  await app.register(
    contentApiRoutes({
      siteUrl: config.siteUrl,
      posts: services.posts,
      tags: services.tags,
      toResources: services.publicPostResources,
      findAuthorId: services.findAuthorId,
      listAuthors: async () => {
        const slugs = await services.posts.listAuthorSlugsWithPosts();
        const found = await Promise.all(slugs.map((slug) => services.staff.findStaffBySlug(slug)));
        return found.flatMap((user) => (user === null ? [] : [toAuthorProfile(user)]));
      },
    }),
    { prefix: '/api/content' },
  );
  await app.register(
    searchApiRoutes({ search: services.search, toResources: services.publicPostResources }),
    { prefix: '/api/content' },
  );
  await app.register(storedFilesRoutes({ storage: services.storage }));
  await app.register(
    audioRoutes({
      storage: services.storage,
      findPostsByIds: (ids) => services.posts.findPostsByIds(ids),
      findNarrations: (ids) => services.narration.findRows(ids),
    }),
  );
  await app.register(adminRoutes());
  /** What every reader page needs; the page families add their own. */
  const sitePages = {
    siteUrl: config.siteUrl,
    assets,
    posts: memoisedPosts(services.posts, services.readerData),
    tags: services.tags,
    staff: services.staff,
    settings: services.settings,
    images: services.images,
    campaigns: {
      campaigns: services.campaigns,
      assets: campaignAssets,
      islandUrl: assets.islands.campaign.url,
    },
  };
  await app.register(previewRoutes(sitePages));
  await app.register(
    campaignRoutes({ ...sitePages, campaignService: services.campaigns, campaignAssets }),
  );
  const memberPages = {
    ...sitePages,
    signIn: services.memberSignIn,
    clock: services.clock,
    secureCookies,
  };
  await app.register(signInRoutes({ ...memberPages, audience: services.readerAudience }));
  await app.register(accountRoutes({ ...memberPages, members: services.members }));
  const revenuePages = {
    ...memberPages,
    checkouts: services.checkouts,
    gifts: services.gifts,
    tiers: services.tiers,
    audience: services.readerAudience,
    paymentMethods: config.paymentMethods,
    testMode: services.payments.testPayments !== null,
    checkoutOrigins:
      services.payments.testPayments === null
        ? ['https://checkout.stripe.com', 'https://billing.stripe.com']
        : [],
  };
  await app.register(membershipRoutes(revenuePages));
  await app.register(giftRoutes(revenuePages));
  await app.register(
    stripeWebhookRoutes({ provider: services.payments.provider, inbox: services.paymentInbox }),
  );
  if (services.payments.testPayments !== null) {
    await app.register(
      testCheckoutRoutes({ payments: services.payments.testPayments, siteUrl: config.siteUrl }),
    );
  }
  await app.register(
    newsletterRoutes({
      ...sitePages,
      newsletters: services.newsletters.newsletters,
      subscriptions: services.newsletters.subscriptions,
      island: newsletterIsland,
    }),
  );
  await app.register(
    emailLinkRoutes({ ...sitePages, subscriptions: services.newsletters.subscriptions }),
  );
  await app.register(
    emailWebhookRoutes({
      newsletters: services.newsletters.newsletters,
      postmarkAuth: config.postmarkWebhookAuth,
      sesTopicArns: config.sesTopicArns,
      logger,
      sns: services.newsletters.sns,
    }),
  );
  await app.register(newsFeedLiveRoutes({ hub: services.feedLive, limits: services.liveLimits }));
  await app.register(
    newsFeedRoutes({
      ...sitePages,
      feed: services.feed,
      island: newsFeedIsland,
      clock: services.clock,
    }),
  );
  await app.register(
    siteRoutes({
      ...sitePages,
      picks: memoisedPicks(services.picks, services.readerData),
      newsFeed: {
        feed: memoisedFeedLatest(services.feed, services.readerData),
        getSiteSettings: () => services.settings.getSiteSettings(),
        clock: services.clock,
        islandUrl: newsFeedIsland.url,
      },
      narration: {
        readerAudio: (post, entitlement) => services.narration.readerAudio(post, entitlement),
        disclosure: config.tts.disclosure,
        islandUrl: audioPlayerIsland.url,
      },
      signupBlock: createSignupBlock({
        newsletters: services.newsletters.newsletters,
        islandUrl: newsletterIsland.url,
      }),
    }),
  );
  await app.register(
    searchRoutes({
      ...sitePages,
      search: services.search,
    }),
  );
  await app.register(
    syndicationFeedRoutes({
      siteUrl: config.siteUrl,
      posts: services.posts,
      tags: services.tags,
      staff: services.staff,
      settings: services.settings,
      images: services.images,
      media: services.media,
    }),
  );
  await app.register(
    podcastRoutes({
      siteUrl: config.siteUrl,
      disclosure: config.tts.disclosure,
      listReady: (limit) => services.narration.listReady(limit),
      findPostsByIds: (ids) => services.posts.findPostsByIds(ids),
      tags: services.tags,
      settings: services.settings,
    }),
  );
  await app.register(
    seoRoutes({
      siteUrl: config.siteUrl,
      clock: services.clock,
      posts: services.posts,
      settings: services.settings,
    }),
  );
  return app;
}
