import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { PublicPostResource, type PublicPostResources } from './public-post-resource.js';
import type { PostService } from './post.service.js';
import { TagResource } from './tag.routes.js';
import type { TagService } from './tag.service.js';

export interface PublicAuthor {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
}

export interface ContentApiDeps {
  readonly siteUrl: string;
  readonly posts: PostService;
  readonly tags: TagService;
  readonly toResources: PublicPostResources;
  readonly listAuthors: () => Promise<readonly PublicAuthor[]>;
  readonly findAuthorId: (slug: string) => Promise<string | undefined>;
}

const ListQuery = Type.Object({
  tag: Type.Optional(Type.String({ maxLength: 120 })),
  author: Type.Optional(Type.String({ maxLength: 120 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const AuthorResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  job_title: Type.String(),
  bio: Type.String(),
  url: Type.String(),
});
const publicRate = { rateLimit: { max: 600, timeWindow: '1 minute' } };

/** The read-only Content API under `/api/content/`: published posts only, no sign-in. */
export function contentApiRoutes(deps: ContentApiDeps) {
  const tags = ['content'];
  return async (app: AppInstance): Promise<void> => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
      if (reply.statusCode === 200) reply.header('cache-control', 'public, max-age=60');
    });

    app.get(
      '/posts',
      {
        config: publicRate,
        schema: {
          tags,
          summary: 'List published posts, newest first',
          querystring: ListQuery,
          response: {
            200: Type.Object({
              posts: Type.Array(PublicPostResource),
              page: Type.Integer(),
              limit: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        const { tag, author, limit = 15, page = 1 } = request.query;
        const authorId =
          author === undefined ? undefined : ((await deps.findAuthorId(author)) ?? 'none');
        const list = await deps.posts.listPublished({ tag, authorId, limit, page });
        return { posts: await deps.toResources(list), page, limit };
      },
    );

    app.get(
      '/posts/slug/:slug',
      {
        config: publicRate,
        schema: {
          tags,
          summary: 'Read a published post by slug',
          params: Type.Object({ slug: Type.String({ maxLength: 200 }) }),
          response: { 200: Type.Object({ post: PublicPostResource }) },
        },
      },
      async (request) => {
        const post = await deps.posts.findPostBySlug(request.params.slug);
        if (post?.status !== 'published')
          throw new AppError('not_found', 'No published post has that slug.');
        const [resource] = await deps.toResources([post]);
        if (resource === undefined)
          throw new AppError('not_found', 'No published post has that slug.');
        return { post: resource };
      },
    );

    app.get(
      '/posts/:id',
      {
        config: publicRate,
        schema: {
          tags,
          summary: 'Read a published post by id',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: Type.Object({ post: PublicPostResource }) },
        },
      },
      async (request) => {
        const [post] = await deps.posts.findPostsByIds([request.params.id]);
        if (post?.status !== 'published')
          throw new AppError('not_found', 'No published post has that id.');
        const [resource] = await deps.toResources([post]);
        if (resource === undefined)
          throw new AppError('not_found', 'No published post has that id.');
        return { post: resource };
      },
    );

    app.get(
      '/tags',
      {
        config: publicRate,
        schema: {
          tags,
          summary: 'List tags',
          response: { 200: Type.Object({ tags: Type.Array(TagResource) }) },
        },
      },
      async () => ({ tags: await deps.tags.listTags() }),
    );

    app.get(
      '/authors',
      {
        config: publicRate,
        schema: {
          tags,
          summary: 'List authors',
          response: { 200: Type.Object({ authors: Type.Array(AuthorResource) }) },
        },
      },
      async () => ({
        authors: (await deps.listAuthors()).map((a) => ({
          id: a.id,
          slug: a.slug,
          name: a.name,
          job_title: a.jobTitle,
          bio: a.bio,
          url: `${deps.siteUrl}/author/${encodeURIComponent(a.slug)}`,
        })),
      }),
    );
  };
}
