import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { TagService } from './tag.service.js';

export const TagResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
});
const TagBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    slug: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
const TagPatch = Type.Partial(TagBody);
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Envelope = Type.Object({ tag: TagResource });

/** Admin API for tags (the first tag of a post is its section). */
export function tagRoutes(deps: {
  tags: TagService;
  requireActor: (request: FastifyRequest) => Actor;
}) {
  const { tags, requireActor } = deps;
  const schemaTags = ['tags'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/tags',
      {
        schema: {
          tags: schemaTags,
          summary: 'List tags',
          response: { 200: Type.Object({ tags: Type.Array(TagResource) }) },
        },
      },
      async (request) => {
        requireActor(request);
        return { tags: await tags.listTags() };
      },
    );
    app.post(
      '/tags',
      {
        schema: {
          tags: schemaTags,
          summary: 'Create a tag',
          body: TagBody,
          response: { 201: Envelope },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ tag: await tags.createTag(requireActor(request), request.body) }),
    );
    app.patch(
      '/tags/:id',
      {
        schema: {
          tags: schemaTags,
          summary: 'Change a tag',
          params: IdParams,
          body: TagPatch,
          response: { 200: Envelope },
        },
      },
      async (request) => ({
        tag: await tags.updateTag(requireActor(request), request.params.id, request.body),
      }),
    );
    app.delete(
      '/tags/:id',
      {
        schema: {
          tags: schemaTags,
          summary: 'Delete a tag',
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await tags.deleteTag(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
