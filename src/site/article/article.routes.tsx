import { Type } from 'typebox';
import { sectionOf } from '../../features/content/post.js';
import type { EditorsPicksService } from '../../features/curation/editors-picks.service.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import { readerEntitlement } from '../../features/members/member-auth.plugin.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags } from '../cache/cache-tags.js';
import { toCompactItems } from '../listing/compact-items.js';
import { CompactList } from '../listing/compact-list.js';
import { renderPage } from '../render-page.js';
import { findLivePosts, loadFrame, sendPage, type SitePagesDeps } from '../site-pages.js';
import { sitePaths } from '../site-urls.js';
import { NewsFeedWidget } from '../live/news-feed-widget.js';
import { loadNewsFeedWidget, type NewsFeedWidgetDeps } from '../live/news-feed-widget-data.js';
import { ArticlePage } from './article-page.js';
import { toArticleView } from './article-view.js';
import { loadArticleAudio, type ArticleAudioDeps } from '../narration/article-audio.js';
import type { SignupBlock } from '../newsletters/signup-block.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const articleRoute = { config: cacheablePage(), schema: { hide: true, params: Params } };
const moreOnSectionCount = 4;

/** `/{slug}`: one article, with "More on {section}" and Editors' Picks beside it. */
export function articleRoutes(
  deps: SitePagesDeps & {
    picks: Pick<EditorsPicksService, 'listLivePicks'>;
    newsFeed?: NewsFeedWidgetDeps | undefined;
    narration?: ArticleAudioDeps | undefined;
    signupBlock?: SignupBlock | undefined;
  },
) {
  return async (app: AppInstance): Promise<void> => {
    app.get('/:slug', articleRoute, async (request, reply) => {
      const slug = request.params.slug;
      const post = await deps.posts.findPostBySlug(slug);
      if (post === undefined) {
        const moved = await deps.posts.findRedirect(slug);
        if (moved !== undefined) return reply.redirect(sitePaths.article(moved), 301);
        throw new AppError('not_found', 'There is no article at this address. It may have moved.');
      }
      if (post.status !== 'published') {
        // Withdrawn: readers knew this address. A slug never public stays a plain 404.
        if (post.status === 'draft' && post.publicSlug === post.slug) {
          throw new AppError('gone', 'This article has been withdrawn by the newsroom.');
        }
        throw new AppError('not_found', 'There is no article at this address. It may have moved.');
      }
      const section = sectionOf(post);
      const entitlement = readerEntitlement(request);
      const [frame, sameSection, picks, newsFeed, audio, signup] = await Promise.all([
        loadFrame(deps),
        section === null
          ? Promise.resolve([])
          : deps.posts.listPublished({ tag: section.slug, limit: moreOnSectionCount + 1 }),
        deps.picks.listLivePicks(6),
        deps.newsFeed === undefined ? null : loadNewsFeedWidget(deps.newsFeed, 4),
        deps.narration === undefined ? null : loadArticleAudio(deps.narration, post, entitlement),
        deps.signupBlock?.(sitePaths.article(post.slug), 'article-signup') ?? null,
      ]);
      const { article, head } = await toArticleView(
        post,
        {
          siteUrl: deps.siteUrl,
          site: frame.site,
          images: deps.images,
          findLivePosts: (ids) => findLivePosts(deps, ids),
        },
        entitlement,
      );
      const more = sameSection.filter((p) => p.id !== post.id).slice(0, moreOnSectionCount);
      const otherPicks = picks.filter((p) => p.id !== post.id);
      const html = renderPage({
        ...frame.layout(request, head, {
          editUrl: sitePaths.editPost(post.id),
          section: section?.slug ?? null,
        }),
        children: (
          <div class="article-layout">
            <div class="article-main">
              <ArticlePage article={{ ...article, audio }} />
              {frame.appeal(request, section?.slug ?? null)}
              {signup}
            </div>
            <aside class="article-aside" aria-label="More to read">
              {section !== null && (
                <CompactList
                  id="more-on-section"
                  title={`More on ${section.name}`}
                  items={toCompactItems(more)}
                />
              )}
              {newsFeed !== null && <NewsFeedWidget {...newsFeed} />}
              <CompactList
                id="editors-picks"
                title="Editors’ Picks"
                items={toCompactItems(otherPicks)}
              />
            </aside>
          </div>
        ),
      });
      // "More on {section}" needs no tags of its own: a change to any live post in the
      // section purges the section's tag, which this page carries.
      const tags = [
        cacheTags.post(post.id),
        cacheTags.editorsPicks,
        ...(newsFeed === null ? [] : [cacheTags.newsFeed]),
        ...post.tags.map((t) => cacheTags.tag(t.slug)),
        ...post.authors.map((a) => cacheTags.author(a.slug)),
        ...article.relatedPostIds.map((id) => cacheTags.post(id)),
      ];
      // A gated article differs by audience; a public one is the same page for everyone.
      return sendPage(request, reply, html, tags, {
        variesByAudience: post.visibility !== 'public',
      });
    });
  };
}
