import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import { parsePostFields, pickPostFields } from './post-fields.js';
import type { PostInput } from './post-input.js';
import type { PostResources } from './post-resources.js';
import {
  CreatePostBody,
  ListPostsQuery,
  PostIdParams,
  PostListItem,
  PostResource,
  UpdatePostBody,
} from './post.schemas.js';
import type { PostService } from './post.service.js';
import type { PostBinService } from './post-bin.service.js';
import { longestPostNote } from './post-notes.js';

export interface PostRoutesDeps {
  readonly posts: PostService;
  readonly toResources: PostResources;
  readonly requireActor: (request: FastifyRequest) => Actor;
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  /** Deleting a post moves it to the bin. */
  readonly bin: PostBinService;
}

function toPostInput(body: CreatePostBody | UpdatePostBody): PostInput {
  return {
    title: body.title,
    standfirst: body.standfirst,
    slug: body.slug,
    markdown: body.markdown,
    html: body.html,
    body: body.body,
    status: body.status,
    visibility: body.visibility,
    publishedAt: body.published_at === undefined ? undefined : new Date(body.published_at),
    tags: body.tags,
    authors: body.authors,
    featureImage:
      body.feature_image === undefined || body.feature_image === null
        ? body.feature_image
        : {
            mediaId: body.feature_image.media_id,
            alt: body.feature_image.alt,
            caption: body.feature_image.caption,
            credit: body.feature_image.credit,
          },
    seoTitle: body.seo_title,
    seoDescription: body.seo_description,
    revision: 'revision' in body ? body.revision : undefined,
  };
}

const PostEnvelope = Type.Object({ post: PostResource });
const MergedPostEnvelope = Type.Object({
  post: PostResource,
  merged_fields: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'The save named an older revision and was merged: these fields keep what someone else saved meanwhile',
    }),
  ),
});
const RevisionParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  revision: Type.Integer({ minimum: 1 }),
});
const PendingApplyBody = Type.Object(
  { revision: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
const PublishBody = Type.Object(
  {
    published_at: Type.Optional(Type.String({ format: 'date-time' })),
    now: Type.Optional(
      Type.Boolean({
        description:
          'Publish with the current time instead of keeping the time the post first went live',
      }),
    ),
    note: Type.Optional(
      Type.String({
        maxLength: longestPostNote,
        description: "The editor's note: kept in the post's history and e-mailed to its writers",
      }),
    ),
  },
  { additionalProperties: false },
);

/** Admin API for posts: `/api/admin/posts…`, for staff sessions and API tokens. */
export function postRoutes(deps: PostRoutesDeps) {
  const { posts, requireActor } = deps;
  const one = async (post: Parameters<PostResources>[0][number]) => {
    const [resource] = await deps.toResources([post]);
    if (resource === undefined) throw new Error('A post could not be shown.');
    return { post: resource };
  };
  const tags = ['posts'];

  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/posts',
      {
        schema: {
          tags,
          summary: 'List posts',
          querystring: ListPostsQuery,
          response: { 200: Type.Object({ posts: Type.Array(PostListItem) }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const q = request.query;
        const fields = parsePostFields(q.fields);
        const authorId =
          q.author === undefined ? undefined : ((await deps.findAuthorId(q.author)) ?? 'none');
        const list = await posts.listPosts(actor, {
          status: q.status,
          tag: q.tag,
          authorId,
          text: q.q,
          review: q.review,
          sort: q.sort,
          limit: q.limit,
          page: q.page,
        });
        const resources = await deps.toResources(list, {
          html: fields === null || fields.has('html'),
        });
        return {
          posts: fields === null ? resources : resources.map((r) => pickPostFields(r, fields)),
        };
      },
    );

    app.post(
      '/posts',
      {
        schema: {
          tags,
          summary: 'Create a post from Markdown, HTML or a body document',
          body: CreatePostBody,
          response: { 201: PostEnvelope },
        },
        bodyLimit: 4 * 1024 * 1024,
      },
      async (request, reply) => {
        const post = await posts.createPost(requireActor(request), toPostInput(request.body));
        return reply.status(201).send(await one(post));
      },
    );

    app.get(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: 'Read a post',
          params: PostIdParams,
          response: { 200: PostEnvelope },
        },
      },
      async (request) => one(await posts.getPostFor(requireActor(request), request.params.id)),
    );

    app.patch(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: 'Change a post; send `revision` to refuse overwriting a newer save',
          params: PostIdParams,
          body: UpdatePostBody,
          response: { 200: MergedPostEnvelope },
        },
        bodyLimit: 4 * 1024 * 1024,
      },
      async (request) => {
        const saved = await posts.updatePost(
          requireActor(request),
          request.params.id,
          toPostInput(request.body),
        );
        const merged = saved.mergedFromTheirs ?? [];
        return {
          ...(await one(saved)),
          ...(merged.length > 0 ? { merged_fields: [...merged] } : {}),
        };
      },
    );

    app.delete(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: 'Delete a post: it goes to the bin for 30 days, off the site',
          params: PostIdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deps.bin.binPost(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/posts/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish now, or schedule with a future published_at',
          params: PostIdParams,
          body: PublishBody,
          response: { 200: PostEnvelope },
        },
        // The body is optional: `POST …/publish` with no body publishes now.
        preValidation: async (request) => {
          // Fastify leaves the body undefined when none was sent, whatever the schema says.
          if ((request.body as unknown) === undefined) request.body = {};
        },
      },
      async (request) => {
        const at = request.body.published_at;
        return one(
          await posts.publishPost(
            requireActor(request),
            request.params.id,
            at === undefined ? undefined : new Date(at),
            { freshTime: request.body.now === true, note: request.body.note },
          ),
        );
      },
    );

    app.post(
      '/posts/:id/unpublish',
      {
        schema: {
          tags,
          summary: 'Take a post off the site (back to draft)',
          params: PostIdParams,
          response: { 200: PostEnvelope },
        },
      },
      async (request) => one(await posts.unpublishPost(requireActor(request), request.params.id)),
    );

    app.post(
      '/posts/:id/pending/apply',
      {
        schema: {
          tags,
          summary: 'Update live article: make the pending changes what readers see',
          params: PostIdParams,
          body: PendingApplyBody,
          response: { 200: PostEnvelope },
        },
        preValidation: async (request) => {
          if ((request.body as unknown) === undefined) request.body = {};
        },
      },
      async (request) =>
        one(
          await posts.applyPendingChanges(
            requireActor(request),
            request.params.id,
            request.body.revision,
          ),
        ),
    );

    app.delete(
      '/posts/:id/pending',
      {
        schema: {
          tags,
          summary: 'Discard the pending changes; readers keep the live article',
          params: PostIdParams,
          response: { 200: PostEnvelope },
        },
      },
      async (request) =>
        one(await posts.discardPendingChanges(requireActor(request), request.params.id)),
    );

    app.get(
      '/posts/:id/revisions',
      {
        schema: {
          tags,
          summary: 'List the saved revisions of a post',
          params: PostIdParams,
          response: {
            200: Type.Object({
              revisions: Type.Array(
                Type.Object({
                  revision: Type.Integer(),
                  title: Type.String(),
                  standfirst: Type.String(),
                  saved_by: Type.String(),
                  saved_by_name: Type.String(),
                  saved_at: Type.String(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const list = await posts.listRevisions(requireActor(request), request.params.id);
        return {
          revisions: list.map((r) => ({
            revision: r.revision,
            title: r.title,
            standfirst: r.standfirst,
            saved_by: r.savedBy,
            saved_by_name: r.savedByName,
            saved_at: r.savedAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/posts/:id/revisions/:revision/restore',
      {
        schema: {
          tags,
          summary: 'Restore the text of an earlier revision',
          params: RevisionParams,
          response: { 200: PostEnvelope },
        },
      },
      async (request) =>
        one(
          await posts.restoreRevision(
            requireActor(request),
            request.params.id,
            request.params.revision,
          ),
        ),
    );
  };
}
