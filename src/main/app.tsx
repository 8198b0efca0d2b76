import { createServer, type IncomingHttpHeaders } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { memberAuthPlugin } from '../features/members/member-auth.plugin.js';
import { authPlugin } from '../features/staff/auth.plugin.js';
import { registerErrorHandler } from '../platform/http/error-handler.js';
import { nulGuard } from '../platform/http/nul-guard.js';
import { healthRoutes } from '../platform/http/health.routes.js';
import { metricsRoutes } from '../platform/metrics/metrics.routes.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import { storedFilesRoutes } from '../platform/storage/stored-files.routes.js';
import { adminRoutes } from '../site/admin/admin.routes.js';
import { cacheTagsPlugin } from '../site/cache/cache-tags.plugin.js';
import { pageCachePlugin, tryServeFromPageCache } from '../site/cache/page-cache.plugin.js';
import {
  createOldLinkRescue,
  legacyQueryRedirects,
  type OldLinkDeps,
} from '../site/redirects/redirect-rescue.js';
import { contentSecurityDirectives } from '../site/content-security-policy.js';
import { ErrorPage } from '../site/error-page.js';
import { renderPage } from '../site/render-page.js';
import { loadSiteFrame } from '../site/site-frame.js';
import { isDraining, lingerOnClose } from '../platform/http/connection-drain.js';
import { installConnectionFront } from '../platform/http/connection-front.js';
import { cachedPageBytes } from '../site/cache/cached-page-bytes.js';
import type { TrustProxy } from '../config/config.js';
import type { Services } from './services.js';
import { maxEncodedSlugLength } from '../features/content/slug.js';
import { registerAdminApi } from './routes/admin-api.routes.js';
import { registerNarration } from './routes/narration.routes.js';
import { registerNewsletters } from './routes/newsletter.routes.js';
import { registerPublicApi } from './routes/public-api.routes.js';
import { registerReaderRevenue } from './routes/reader-revenue.routes.js';
import { registerReaderSite } from './routes/reader-site.routes.js';
import { createRouteContext } from './routes/route-context.js';

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
        if (isDraining(server)) {
          response.shouldKeepAlive = false;
          lingerOnClose(request.socket);
        }
        if (!tryServeFromPageCache(services.pageCache, audienceOf, request, response)) {
          handler(request, response);
        }
      });
      // Most cached pages go out before node:http parses the request at all (ADR 0016).
      if (config.connectionFront) {
        installConnectionFront(server, (head) =>
          cachedPageBytes(
            services.pageCache,
            audienceOf,
            Math.floor(server.keepAliveTimeout / 1000),
            head,
          ),
        );
      }
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

  const routes = createRouteContext(services);
  const { secureCookies, assets } = routes;

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

  await registerAdminApi(app, routes);
  await registerPublicApi(app, routes);
  await app.register(storedFilesRoutes({ storage: services.storage }));
  await registerNarration(app, routes);
  await app.register(adminRoutes());
  await registerReaderRevenue(app, routes);
  await registerNewsletters(app, routes);
  await registerReaderSite(app, routes);
  return app;
}
