import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { PostHandoffService } from './post-handoff.service.js';
import { longestPostNote, type PostNote } from './post-notes.js';
import { PostIdParams } from './post.schemas.js';

export interface PostHandoffRoutesDeps {
  readonly handoffs: PostHandoffService;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

export const PostNoteResource = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('correction'), Type.Literal('publish')]),
  body: Type.String(),
  by_name: Type.String(),
  created_at: Type.String(),
});

const CorrectionBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: longestPostNote }) },
  { additionalProperties: false },
);

function toResource(note: PostNote) {
  return {
    id: note.id,
    kind: note.kind,
    body: note.body,
    by_name: note.byName,
    created_at: note.createdAt.toISOString(),
  };
}

/** Notes between writers and editors: `/api/admin/posts/:id/notes` and `…/corrections`. */
export function postHandoffRoutes(deps: PostHandoffRoutesDeps) {
  const { handoffs, requireActor } = deps;
  const tags = ['posts'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/posts/:id/notes',
      {
        schema: {
          tags,
          summary: "A post's suggested corrections and publish notes, newest first",
          params: PostIdParams,
          response: { 200: Type.Object({ notes: Type.Array(PostNoteResource) }) },
        },
      },
      async (request) => ({
        notes: (await handoffs.listNotes(requireActor(request), request.params.id)).map(toResource),
      }),
    );

    app.post(
      '/posts/:id/corrections',
      {
        schema: {
          tags,
          summary: 'Suggest a correction to a post you may not change; e-mails the editors',
          params: PostIdParams,
          body: CorrectionBody,
          response: { 201: Type.Object({ note: PostNoteResource }) },
        },
      },
      async (request, reply) => {
        const note = await handoffs.suggestCorrection(
          requireActor(request),
          request.params.id,
          request.body.note,
        );
        return reply.status(201).send({ note: toResource(note) });
      },
    );
  };
}
