import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags } from '../cache/cache-tags.js';
import { Pagination } from '../listing/pagination.js';
import { toStoryCards } from '../listing/story-cards.js';
import { StoryList } from '../listing/story-list.js';
import { renderPage } from '../render-page.js';
import {
  listingHead,
  loadFrame,
  postsPerPage,
  sendPage,
  type SitePagesDeps,
} from '../site-pages.js';
import { sitePaths } from '../site-urls.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const Query = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });

/** `/tag/{slug}`: a section or tag page with its newest stories, paginated. */
export function sectionRoutes(deps: SitePagesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/tag/:slug',
      {
        config: cacheablePage(['page']),
        schema: { hide: true, params: Params, querystring: Query },
      },
      async (request, reply) => {
        const tag = await deps.tags.findTagBySlug(request.params.slug);
        if (tag === undefined)
          throw new AppError('not_found', 'There is no section with that name.');
        const page = request.query.page ?? 1;
        const [frame, list] = await Promise.all([
          loadFrame(deps),
          deps.posts.listPublishedPage({ tag: tag.slug, page, perPage: postsPerPage }),
        ]);
        if (page > 1 && list.posts.length === 0)
          throw new AppError('not_found', 'This page of the section is empty.');
        const path = sitePaths.tag(tag.slug);
        const head = listingHead(
          frame,
          deps.siteUrl,
          page > 1 ? `${tag.name} — page ${page}` : tag.name,
          tag.description,
          page > 1 ? `${path}?page=${page}` : path,
        );
        const html = renderPage({
          ...frame.layout(request, head),
          children: (
            <section aria-labelledby="section-heading">
              <h1 id="section-heading" class="page-heading">
                {tag.name}
              </h1>
              {tag.description !== '' && <p class="standfirst">{tag.description}</p>}
              <StoryList stories={await toStoryCards(list.posts, frame.site, deps.images)} />
              <Pagination path={path} page={page} hasNext={list.hasNext} />
            </section>
          ),
        });
        return sendPage(request, reply, html, [cacheTags.postLists, cacheTags.tag(tag.slug)]);
      },
    );
  };
}
