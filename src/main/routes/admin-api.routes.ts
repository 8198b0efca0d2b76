import { campaignAdminRoutes } from '../../features/campaigns/campaign.routes.js';
import { mediaRoutes } from '../../features/content/media.routes.js';
import { postBinRoutes } from '../../features/content/post-bin.routes.js';
import { postCollaborationRoutes } from '../../features/content/post-collaboration.routes.js';
import { postDeskRoutes } from '../../features/content/post-desk.routes.js';
import { postHandoffRoutes } from '../../features/content/post-handoff.routes.js';
import { createPostPresence } from '../../features/content/post-presence.js';
import { postReviewRoutes } from '../../features/content/post-review.routes.js';
import { postRoutes } from '../../features/content/post.routes.js';
import { tagRoutes } from '../../features/content/tag.routes.js';
import { editorsPicksRoutes } from '../../features/curation/editors-picks.routes.js';
import { feedRoutes } from '../../features/live/feed.routes.js';
import { memberRoutes } from '../../features/members/member.routes.js';
import { revenueRoutes } from '../../features/memberships/revenue.routes.js';
import { narrationRoutes } from '../../features/narration/narration.routes.js';
import { newsletterAdminRoutes } from '../../features/newsletters/newsletter.routes.js';
import { redirectRoutes } from '../../features/redirects/redirect.routes.js';
import { settingsRoutes } from '../../features/settings/settings.routes.js';
import { adminWriteGuard, requireActor } from '../../features/staff/auth.plugin.js';
import { ensureCan } from '../../features/staff/permissions.js';
import { staffAccessRoutes } from '../../features/staff/staff-access.routes.js';
import { staffRoutes } from '../../features/staff/staff.routes.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { outboxRoutes } from '../../platform/mail/outbox.routes.js';
import { previewPlacements } from '../../site/campaigns/campaign-preview.js';
import { probeSite } from '../../site/redirects/redirect-probe.js';
import type { RouteContext } from './route-context.js';

/** The Admin API under `/api/admin`: every route behind the write guard, none cached. */
export async function registerAdminApi(app: AppInstance, context: RouteContext): Promise<void> {
  const { services, secureCookies } = context;
  const { config } = services;
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
      staffAccessRoutes({
        passwordResets: services.passwordResets,
        invitations: services.invitations,
        sessions: services.sessions,
        requireActor,
        secureCookies,
      }),
    );
    await registerNewsroomApi(api, context);
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
    await registerReaderRevenueApi(api, context);
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
}

/** Posts, tags, media, picks and the news feed: the newsroom's own work. */
async function registerNewsroomApi(api: AppInstance, { services }: RouteContext): Promise<void> {
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
}

/** Members, revenue, campaigns and newsletters: the staff side of reader revenue. */
async function registerReaderRevenueApi(
  api: AppInstance,
  { services, assets, campaignAssets }: RouteContext,
): Promise<void> {
  await api.register(memberRoutes({ members: services.members, requireActor }));
  await api.register(
    revenueRoutes({ revenue: services.revenue, tiers: services.tiers, requireActor }),
  );
  await api.register(
    campaignAdminRoutes({
      campaigns: services.campaigns,
      requireActor,
      preview: async (live, body) =>
        previewPlacements(live, body, {
          assets: campaignAssets,
          cssUrl: assets.css.url,
          siteUrl: services.config.siteUrl,
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
}
