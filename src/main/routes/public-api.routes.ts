import { contentApiRoutes } from '../../features/content/content-api.routes.js';
import { searchApiRoutes } from '../../features/search/search-api.routes.js';
import { toAuthorProfile } from '../../features/staff/staff-user.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { RouteContext } from './route-context.js';

/** The public, read-only Content API under `/api/content`. */
export async function registerPublicApi(
  app: AppInstance,
  { services }: RouteContext,
): Promise<void> {
  await app.register(
    contentApiRoutes({
      siteUrl: services.config.siteUrl,
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
}
