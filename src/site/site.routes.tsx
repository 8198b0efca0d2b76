import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Post } from '../features/content/post.js';
import type { PostService } from '../features/content/post.service.js';
import type { Tag } from '../features/content/tag.js';
import type { TagService } from '../features/content/tag.service.js';
import type { SettingsService } from '../features/settings/settings.service.js';
import type { StaffService } from '../features/staff/staff.service.js';
import { AppError } from '../platform/errors.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import { ArticlePage } from './article/article-page.js';
import { toArticleView } from './article/article-view.js';
import type { ImageLookup } from '../features/content/image-lookup.js';
import type { HeadTags } from './layout/head-tags.js';
import { toStoryCards } from './listing/story-cards.js';
import { StoryList } from './listing/story-list.js';
import { renderPage } from './render-page.js';
import type { SiteAssets } from './site-assets.js';
import { loadSiteFrame, type SiteFrame } from './site-frame.js';
import { absoluteUrl, sitePaths } from './site-urls.js';

export interface SiteRoutesDeps {
  readonly siteUrl: string;
  readonly assets: SiteAssets;
  readonly posts: PostService;
  readonly tags: TagService;
  readonly staff: Pick<StaffService, 'findStaffBySlug'>;
  readonly settings: Pick<SettingsService, 'getSiteSettings'>;
  readonly images: ImageLookup;
}

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });
const perPage = 12;

/** Reader responses: anonymous pages may be cached; a staff member's never are. */
function sendPage(request: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  reply.header(
    'cache-control',
    request.actor === null ? 'public, max-age=60' : 'private, no-store',
  );
  reply.header('vary', 'Cookie');
  return reply.type('text/html; charset=utf-8').send(html);
}

function listingHead(
  frame: SiteFrame,
  siteUrl: string,
  title: string,
  description: string,
  path: string,
): HeadTags {
  return {
    title,
    description: description || frame.site.description,
    canonical: absoluteUrl(siteUrl, path),
    ogType: 'website',
    image: null,
    jsonLd: [],
  };
}

export function siteRoutes(deps: SiteRoutesDeps) {
  const { siteUrl, posts, images } = deps;

  const frame = (): Promise<SiteFrame> =>
    loadSiteFrame({
      assets: deps.assets,
      getSiteSettings: () => deps.settings.getSiteSettings(),
      listSections: async (): Promise<Tag[]> => deps.tags.listTags(),
    });

  const findLivePosts = async (ids: readonly string[]): Promise<Post[]> =>
    (await posts.findPostsByIds(ids)).filter((p) => p.status === 'published');

  return async (app: AppInstance): Promise<void> => {
    app.get('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
      const asset = deps.assets.byUrl(request.url.split('?')[0] ?? '');
      if (asset === undefined) throw new AppError('not_found', 'This file was not found.');
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.contentType)
        .send(asset.body);
    });

    app.get('/', { schema: { hide: true, querystring: PageQuery } }, async (request, reply) => {
      const page = request.query.page ?? 1;
      const [f, latest] = await Promise.all([
        frame(),
        posts.listPublished({ limit: perPage, page }),
      ]);
      const head = listingHead(f, siteUrl, f.site.title, f.site.description, '/');
      const html = renderPage({
        ...f.layout(request, head),
        children: (
          <section aria-labelledby="latest-heading">
            <h1 id="latest-heading">Latest news</h1>
            <StoryList stories={await toStoryCards(latest, f.site, images)} />
          </section>
        ),
      });
      return sendPage(request, reply, html);
    });

    app.get(
      '/tag/:slug',
      { schema: { hide: true, params: SlugParams, querystring: PageQuery } },
      async (request, reply) => {
        const tag = await deps.tags.findTagBySlug(request.params.slug);
        if (tag === undefined)
          throw new AppError('not_found', 'There is no section with that name.');
        const [f, list] = await Promise.all([
          frame(),
          posts.listPublished({ tag: tag.slug, limit: perPage, page: request.query.page ?? 1 }),
        ]);
        const head = listingHead(f, siteUrl, tag.name, tag.description, sitePaths.tag(tag.slug));
        const html = renderPage({
          ...f.layout(request, head),
          children: (
            <section>
              <h1>{tag.name}</h1>
              {tag.description !== '' && <p class="standfirst">{tag.description}</p>}
              <StoryList stories={await toStoryCards(list, f.site, images)} />
            </section>
          ),
        });
        return sendPage(request, reply, html);
      },
    );

    app.get(
      '/author/:slug',
      { schema: { hide: true, params: SlugParams, querystring: PageQuery } },
      async (request, reply) => {
        const author = await deps.staff.findStaffBySlug(request.params.slug);
        if (author === null) throw new AppError('not_found', 'There is no author with that name.');
        const [f, list] = await Promise.all([
          frame(),
          posts.listPublished({
            authorId: author.id,
            limit: perPage,
            page: request.query.page ?? 1,
          }),
        ]);
        const photo =
          author.photoMediaId === null
            ? undefined
            : (await images([author.photoMediaId])).get(author.photoMediaId);
        const head = listingHead(
          f,
          siteUrl,
          author.name,
          author.bio,
          sitePaths.author(author.slug),
        );
        const html = renderPage({
          ...f.layout(request, { ...head, ogType: 'profile' }),
          children: (
            <section>
              <div class="author-profile">
                {photo !== undefined && (
                  <img
                    src={photo.rendition.src}
                    srcset={photo.rendition.srcset}
                    sizes="160px"
                    width={160}
                    height={160}
                    alt={`Portrait of ${author.name}`}
                  />
                )}
                <h1>{author.name}</h1>
                {author.jobTitle !== '' && <p class="article-section">{author.jobTitle}</p>}
                {author.bio !== '' && <p class="standfirst">{author.bio}</p>}
              </div>
              <h2>Articles by {author.name}</h2>
              <StoryList stories={await toStoryCards(list, f.site, images)} headingLevel={3} />
            </section>
          ),
        });
        return sendPage(request, reply, html);
      },
    );

    app.get('/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const slug = request.params.slug;
      const post = await posts.findPostBySlug(slug);
      if (post === undefined) {
        const moved = await posts.findRedirect(slug);
        if (moved !== undefined) return reply.redirect(sitePaths.article(moved), 301);
        throw new AppError('not_found', 'There is no article at this address. It may have moved.');
      }
      if (post.status !== 'published') {
        if (post.status === 'draft' && post.publishedAt !== null) {
          throw new AppError('gone', 'This article has been withdrawn by the newsroom.');
        }
        throw new AppError('not_found', 'There is no article at this address. It may have moved.');
      }
      const f = await frame();
      const { article, head } = await toArticleView(post, {
        siteUrl,
        site: f.site,
        images,
        findLivePosts,
      });
      const html = renderPage({
        ...f.layout(request, head, { editUrl: sitePaths.editPost(post.id) }),
        children: <ArticlePage article={article} />,
      });
      return sendPage(request, reply, html);
    });
  };
}
