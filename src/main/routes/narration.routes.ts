import type { AppInstance } from '../../platform/http/app-instance.js';
import { audioRoutes } from '../../site/narration/audio.routes.js';
import { podcastRoutes } from '../../site/narration/podcast.routes.js';
import type { RouteContext } from './route-context.js';

/** Narrated audio files and the podcast feed. */
export async function registerNarration(
  app: AppInstance,
  { services }: RouteContext,
): Promise<void> {
  await app.register(
    audioRoutes({
      storage: services.storage,
      findPostsByIds: (ids) => services.posts.findPostsByIds(ids),
      findNarrations: (ids) => services.narration.findRows(ids),
    }),
  );
  await app.register(
    podcastRoutes({
      siteUrl: services.config.siteUrl,
      disclosure: services.config.tts.disclosure,
      listReady: (limit) => services.narration.listReady(limit),
      findPostsByIds: (ids) => services.posts.findPostsByIds(ids),
      tags: services.tags,
      settings: services.settings,
    }),
  );
}
