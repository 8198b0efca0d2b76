import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Post } from '../content/post.js';
import type { Actor } from '../staff/actor.js';
import { maxEditorsPicks, type EditorsPicksService } from './editors-picks.service.js';

const Pick = Type.Object({
  post_id: Type.String(),
  title: Type.String(),
  slug: Type.String(),
  status: Type.String(),
  position: Type.Integer(),
});
const PicksEnvelope = Type.Object({ picks: Type.Array(Pick) });
const PutBody = Type.Object(
  {
    post_ids: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: maxEditorsPicks,
    }),
  },
  { additionalProperties: false },
);

function toPicks(posts: readonly Post[]) {
  return {
    picks: posts.map((p, position) => ({
      post_id: p.id,
      title: p.title,
      slug: p.slug,
      status: p.status,
      position,
    })),
  };
}

/** Admin API for Editors' Picks: read the ordered list, or replace it whole. */
export function editorsPicksRoutes(deps: {
  picks: EditorsPicksService;
  requireActor: (request: FastifyRequest) => Actor;
}) {
  const tags = ['curation'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/editors-picks',
      {
        schema: {
          tags,
          summary: 'The Editors’ Picks list, in order',
          response: { 200: PicksEnvelope },
        },
      },
      async (request) => toPicks(await deps.picks.listPicks(deps.requireActor(request))),
    );
    app.put(
      '/editors-picks',
      {
        schema: {
          tags,
          summary: 'Replace the Editors’ Picks list with these posts, in this order',
          body: PutBody,
          response: { 200: PicksEnvelope },
        },
      },
      async (request) =>
        toPicks(await deps.picks.setPicks(deps.requireActor(request), request.body.post_ids)),
    );
  };
}
