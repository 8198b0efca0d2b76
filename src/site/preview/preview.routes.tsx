import { Type } from 'typebox';
import { withPendingChanges } from '../../features/content/pending-changes.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { ArticlePage } from '../article/article-page.js';
import { toArticleView } from '../article/article-view.js';
import { allowEmbedFrames, hasEmbedFrame } from '../content-security-policy.js';
import { toDisplayTime } from '../format-date.js';
import { renderPage } from '../render-page.js';
import { findLivePosts, loadFrame, type SitePagesDeps } from '../site-pages.js';
import { sitePaths } from '../site-urls.js';
import { PreviewBanner } from './preview-banner.js';

const Params = Type.Object({ postId: Type.String({ minLength: 1, maxLength: 64 }) });

const nothingHere = (): AppError =>
  new AppError('not_found', 'There is no article at this address. It may have moved.');

/**
 * `/preview/{postId}`: a post in any status, exactly as the article page will show it,
 * under a banner saying it is a preview. Only staff who may open the post see it; to
 * readers the address does not exist. Never cached, never indexed.
 */
export function previewRoutes(deps: SitePagesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/preview/:postId',
      { schema: { hide: true, params: Params } },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        reply.header('x-robots-tag', 'noindex');
        const actor = request.actor;
        if (actor === null) throw nothingHere();
        const stored = await deps.posts
          .getPostFor(actor, request.params.postId)
          .catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'not_found') throw nothingHere();
            throw error;
          });
        const post = withPendingChanges(stored);
        const pending = stored.pendingChanges !== null && stored.pendingChanges !== undefined;
        const frame = await loadFrame(deps);
        const { article, head } = await toArticleView(
          post,
          {
            siteUrl: deps.siteUrl,
            site: frame.site,
            images: deps.images,
            findLivePosts: (ids) => findLivePosts(deps, ids),
          },
          'staff',
        );
        const editUrl = sitePaths.editPost(post.id);
        const scheduledFor =
          post.status === 'scheduled' && post.publishedAt !== null
            ? toDisplayTime(post.publishedAt, frame.site.locale, frame.site.timezone)
            : null;
        const html = renderPage({
          ...frame.layout(
            request,
            { ...head, title: `Preview: ${head.title}`, robots: 'noindex' },
            { editUrl },
          ),
          children: (
            <>
              <PreviewBanner
                status={post.status}
                scheduledFor={scheduledFor}
                editUrl={editUrl}
                pending={pending}
              />
              <ArticlePage article={article} />
            </>
          ),
        });
        if (hasEmbedFrame(html)) allowEmbedFrames(reply);
        return reply.header('vary', 'Cookie').type('text/html; charset=utf-8').send(html);
      },
    );
  };
}
