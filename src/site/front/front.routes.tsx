import type { EditorsPicksService } from '../../features/curation/editors-picks.service.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags } from '../cache/cache-tags.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { toCompactItems } from '../listing/compact-items.js';
import { toStoryCards } from '../listing/story-cards.js';
import { renderPage } from '../render-page.js';
import { loadFrame, sendPage, type SitePagesDeps } from '../site-pages.js';
import { NewsFeedWidget } from '../live/news-feed-widget.js';
import { loadNewsFeedWidget, type NewsFeedWidgetDeps } from '../live/news-feed-widget-data.js';
import { FrontPage } from './front-page.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import type { SignupBlock } from '../newsletters/signup-block.js';

const topCount = 4;
const perSection = 3;
const sectionRows = 4;

/** `/`: what a reader sees first. Every article is reachable from here or a section. */
export function frontRoutes(
  deps: SitePagesDeps & {
    picks: Pick<EditorsPicksService, 'listLivePicks'>;
    newsFeed?: NewsFeedWidgetDeps;
    signupBlock?: SignupBlock | undefined;
  },
) {
  return async (app: AppInstance): Promise<void> => {
    app.get('/', { config: cacheablePage(), schema: { hide: true } }, async (request, reply) => {
      const [frame, latest, picks, sections] = await Promise.all([
        loadFrame(deps),
        deps.posts.listPublished({ limit: 1 + topCount }),
        deps.picks.listLivePicks(6),
        deps.posts.listSections(),
      ]);
      const rows = await Promise.all(
        sections.slice(0, sectionRows).map(async (tag) => ({
          tag,
          posts: await deps.posts.listPublished({ tag: tag.slug, limit: perSection }),
        })),
      );
      const [lead, ...top] = await toStoryCards(latest, frame.site, deps.images);
      const newsFeed =
        deps.newsFeed === undefined ? null : await loadNewsFeedWidget(deps.newsFeed, 6);
      const signUp = (await deps.signupBlock?.('/', 'front-signup')) ?? null;
      const sectionViews = await Promise.all(
        rows.map(async ({ tag, posts }) => ({
          name: tag.name,
          url: sitePaths.tag(tag.slug),
          stories: await toStoryCards(posts, frame.site, deps.images),
        })),
      );
      const head = {
        title: frame.site.title,
        description: frame.site.description,
        canonical: absoluteUrl(deps.siteUrl, '/'),
        ogType: 'website' as const,
        image: null,
        jsonLd: [],
      };
      const html = renderPage({
        ...frame.layout(request, head),
        children: (
          <FrontPage
            view={{
              siteTitle: frame.site.title,
              lead: lead ?? null,
              top,
              picks: toCompactItems(picks),
              sections: sectionViews,
              slots: {
                newsFeed: newsFeed === null ? null : <NewsFeedWidget {...newsFeed} />,
                signUp,
              },
            }}
          />
        ),
      });
      return sendPage(request, reply, html, [
        cacheTags.postLists,
        cacheTags.editorsPicks,
        cacheTags.newsFeed,
      ]);
    });
  };
}
