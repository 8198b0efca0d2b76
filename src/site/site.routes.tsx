import type { EditorsPicksService } from '../features/curation/editors-picks.service.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import { articleRoutes } from './article/article.routes.js';
import { assetRoutes } from './assets.routes.js';
import { authorRoutes } from './author/author.routes.js';
import { frontRoutes } from './front/front.routes.js';
import { sectionRoutes } from './section/section.routes.js';
import type { NewsFeedWidgetDeps } from './live/news-feed-widget-data.js';
import type { SitePagesDeps } from './site-pages.js';
import type { ArticleAudioDeps } from './narration/article-audio.js';
import type { SignupBlock } from './newsletters/signup-block.js';

export interface SiteRoutesDeps extends SitePagesDeps {
  readonly picks: Pick<EditorsPicksService, 'listLivePicks'>;
  /** The news feed widget's data; the front page shows the widget when given. */
  readonly newsFeed?: NewsFeedWidgetDeps;
  /** Narrations: the article page shows a player when audio is ready. */
  readonly narration?: ArticleAudioDeps;
  /** The newsletter sign-up block on the front page and after each article's body. */
  readonly signupBlock?: SignupBlock;
}

/** The reader site: front page, sections, authors, articles, and their assets. */
export function siteRoutes(deps: SiteRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    await app.register(assetRoutes(deps.assets));
    await app.register(frontRoutes(deps));
    await app.register(sectionRoutes(deps));
    await app.register(authorRoutes(deps));
    await app.register(articleRoutes(deps));
  };
}
