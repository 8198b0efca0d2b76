import type {} from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { PostPresence } from './post-presence.js';
import type { PostService } from './post.service.js';
import { PostIdParams } from './post.schemas.js';

export interface PostCollaborationRoutesDeps {
  readonly posts: PostService;
  readonly presence: PostPresence;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const SessionId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const HeartbeatBody = Type.Object(
  {
    session: SessionId,
    typing: Type.Boolean({ description: 'The person typed since the last heartbeat' }),
  },
  { additionalProperties: false },
);
const PresenceParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  session: SessionId,
});
const RevisionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  revision: Type.Integer({ minimum: 1 }),
});
const RevisionSummary = Type.Object({
  revision: Type.Integer(),
  title: Type.String(),
  standfirst: Type.String(),
  saved_by: Type.String(),
  saved_by_name: Type.String(),
  saved_at: Type.String(),
});
const Editor = Type.Object({
  session: Type.String(),
  name: Type.String(),
  typing: Type.Boolean(),
  seen_at: Type.String(),
  me: Type.Boolean({ description: 'The session is the caller’s own, maybe in another tab' }),
});

const heartbeatRate = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/**
 * Working together under `/api/admin` (ADR 0011): who has a post open, and its history by
 * editing session with each revision's whole text.
 */
export function postCollaborationRoutes(deps: PostCollaborationRoutesDeps) {
  const { posts, presence, requireActor } = deps;
  const tags = ['posts'];
  const summary = (r: Awaited<ReturnType<PostService['listRevisions']>>[number]) => ({
    revision: r.revision,
    title: r.title,
    standfirst: r.standfirst,
    saved_by: r.savedBy,
    saved_by_name: r.savedByName,
    saved_at: r.savedAt.toISOString(),
  });

  return async (app: AppInstance): Promise<void> => {
    app.put(
      '/posts/:id/presence',
      {
        schema: {
          tags,
          summary: 'Heartbeat of an open editor; answers who else has the post open',
          params: PostIdParams,
          body: HeartbeatBody,
          response: { 200: Type.Object({ editors: Type.Array(Editor) }) },
        },
        config: heartbeatRate,
      },
      async (request) => {
        const actor = requireActor(request);
        await posts.getPostFor(actor, request.params.id);
        const editors = await presence.beat(actor, {
          postId: request.params.id,
          sessionId: request.body.session,
          typing: request.body.typing,
        });
        return {
          editors: editors
            .filter((e) => e.sessionId !== request.body.session)
            .map((e) => ({
              session: e.sessionId,
              name: e.name,
              typing: e.typing,
              seen_at: e.seenAt.toISOString(),
              me: e.actorId === actor.id,
            })),
        };
      },
    );

    app.delete(
      '/posts/:id/presence/:session',
      {
        schema: {
          tags,
          summary: 'The editor was closed',
          params: PresenceParams,
          response: { 204: Type.Null() },
        },
        config: heartbeatRate,
      },
      async (request, reply) => {
        await presence.leave(requireActor(request), request.params.id, request.params.session);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/posts/:id/revision-sessions',
      {
        schema: {
          tags,
          summary: 'The saved revisions of a post, grouped by editing session, newest first',
          params: PostIdParams,
          response: {
            200: Type.Object({
              sessions: Type.Array(
                Type.Object({
                  saved_by: Type.String(),
                  saved_by_name: Type.String(),
                  from: Type.String(),
                  to: Type.String(),
                  revisions: Type.Array(RevisionSummary),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const sessions = await posts.listRevisionSessions(requireActor(request), request.params.id);
        return {
          sessions: sessions.map((s) => ({
            saved_by: s.savedBy,
            saved_by_name: s.savedByName,
            from: s.from.toISOString(),
            to: s.to.toISOString(),
            revisions: s.revisions.map(summary),
          })),
        };
      },
    );

    app.get(
      '/posts/:id/revisions/:revision',
      {
        schema: {
          tags,
          summary: 'One revision with its whole text, to compare or preview it',
          params: RevisionParams,
          response: {
            200: Type.Object({
              revision: Type.Object({
                ...RevisionSummary.properties,
                body: Type.Object({}, { additionalProperties: true }),
              }),
            }),
          },
        },
      },
      async (request) => {
        const r = await posts.getRevision(
          requireActor(request),
          request.params.id,
          request.params.revision,
        );
        return { revision: { ...summary(r), body: r.body } };
      },
    );
  };
}
