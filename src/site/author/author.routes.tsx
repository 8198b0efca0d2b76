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
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { toPerson, toPublisher } from '../structured-data.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const Query = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });

/** `/author/{slug}`: an author's photo, title and bio, and their stories, paginated. */
export function authorRoutes(deps: SitePagesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/author/:slug',
      {
        config: cacheablePage(['page']),
        schema: { hide: true, params: Params, querystring: Query },
      },
      async (request, reply) => {
        const author = await deps.staff.findStaffBySlug(request.params.slug);
        if (author === null) throw new AppError('not_found', 'There is no author with that name.');
        const page = request.query.page ?? 1;
        const [frame, list] = await Promise.all([
          loadFrame(deps),
          deps.posts.listPublishedPage({ authorId: author.id, page, perPage: postsPerPage }),
        ]);
        const photo =
          author.photoMediaId === null
            ? undefined
            : (await deps.images([author.photoMediaId])).get(author.photoMediaId);
        const path = sitePaths.author(author.slug);
        const head = listingHead(
          frame,
          deps.siteUrl,
          author.name,
          author.bio,
          page > 1 ? `${path}?page=${page}` : path,
        );
        const html = renderPage({
          ...frame.layout(request, {
            ...head,
            jsonLd: [
              toPerson(
                {
                  name: author.name,
                  url: absoluteUrl(deps.siteUrl, path),
                  jobTitle: author.jobTitle,
                  description: author.bio,
                  imageUrl:
                    photo === undefined ? null : absoluteUrl(deps.siteUrl, photo.largest.url),
                },
                toPublisher(frame.site, deps.siteUrl, null),
              ),
            ],
            ogType: 'profile',
            image:
              photo === undefined
                ? null
                : {
                    url: new URL(photo.largest.url, `${deps.siteUrl}/`).toString(),
                    width: photo.largest.width,
                    height: photo.largest.height,
                    alt: `Portrait of ${author.name}`,
                  },
          }),
          children: (
            <section aria-labelledby="author-heading">
              <div class="author-profile">
                {photo !== undefined && (
                  <img
                    class="author-photo"
                    src={photo.rendition.src}
                    srcset={photo.rendition.srcset}
                    sizes="160px"
                    width={160}
                    height={160}
                    alt={`Portrait of ${author.name}`}
                  />
                )}
                <div>
                  <h1 id="author-heading" class="page-heading">
                    {author.name}
                  </h1>
                  {author.jobTitle !== '' && <p class="author-title">{author.jobTitle}</p>}
                  {author.bio !== '' && <p class="author-bio">{author.bio}</p>}
                </div>
              </div>
              <h2 class="section-heading">Stories by {author.name}</h2>
              <StoryList
                stories={await toStoryCards(list.posts, frame.site, deps.images)}
                headingLevel={3}
              />
              <Pagination path={path} page={page} hasNext={list.hasNext} />
            </section>
          ),
        });
        return sendPage(request, reply, html, [cacheTags.postLists, cacheTags.author(author.slug)]);
      },
    );
  };
}
