import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { PostResources } from './post-resources.js';
import type { PostBinService } from './post-bin.service.js';
import { PostIdParams, PostResource } from './post.schemas.js';

export interface PostBinRoutesDeps {
  readonly bin: PostBinService;
  readonly toResources: PostResources;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const BinnedPostResource = Type.Object({
  id: Type.String(),
  title: Type.String(),
  slug: Type.String(),
  status_before: Type.Union([
    Type.Literal('draft'),
    Type.Literal('scheduled'),
    Type.Literal('published'),
  ]),
  deleted_at: Type.String(),
  deleted_by_name: Type.String(),
  purge_at: Type.String(),
});

/** The bin under `/api/admin/bin`: what was deleted, restore, delete for good. */
export function postBinRoutes(deps: PostBinRoutesDeps) {
  const { bin, requireActor } = deps;
  const tags = ['posts'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/bin',
      {
        schema: {
          tags,
          summary: 'Deleted posts, most recent first; each is deleted for good at purge_at',
          response: { 200: Type.Object({ posts: Type.Array(BinnedPostResource) }) },
        },
      },
      async (request) => ({
        posts: (await bin.listBin(requireActor(request))).map((item) => ({
          id: item.post.id,
          title: item.post.title,
          slug: item.post.slug,
          status_before: item.statusBefore,
          deleted_at: item.deletedAt.toISOString(),
          deleted_by_name: item.deletedByName,
          purge_at: item.purgeAt.toISOString(),
        })),
      }),
    );

    app.post(
      '/bin/:id/restore',
      {
        schema: {
          tags,
          summary: 'Restore a deleted post as it was; a live post is live again',
          params: PostIdParams,
          response: { 200: Type.Object({ post: PostResource }) },
        },
      },
      async (request) => {
        const post = await bin.restorePost(requireActor(request), request.params.id);
        const [resource] = await deps.toResources([post]);
        if (resource === undefined) throw new Error('A post could not be shown.');
        return { post: resource };
      },
    );

    app.delete(
      '/bin/:id',
      {
        schema: {
          tags,
          summary: 'Delete a post in the bin for good, now',
          params: PostIdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await bin.purgeNow(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
