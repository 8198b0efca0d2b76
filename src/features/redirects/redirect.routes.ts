import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import type { Redirect } from './redirect.js';
import { RedirectResource, RedirectTestResult } from './redirect.resources.js';
import type { RedirectService } from './redirect.service.js';

const Status = Type.Union([Type.Literal(301), Type.Literal(302)], {
  description: '301 (moved for good, the default) or 302 (for now)',
});
const RedirectBody = Type.Object(
  {
    from_path: Type.String({ minLength: 1, maxLength: 500 }),
    to_url: Type.String({ minLength: 1, maxLength: 2000 }),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);
const RedirectPatch = Type.Partial(RedirectBody);
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Envelope = Type.Object({ redirect: RedirectResource });
const ImportBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 1_000_000 }) },
  { additionalProperties: false },
);
const TestBody = Type.Object(
  { path: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
function toResource(redirect: Redirect): RedirectResource {
  return {
    id: redirect.id,
    from_path: redirect.fromPath,
    to_url: redirect.toUrl,
    status: redirect.status,
    created_at: redirect.createdAt,
    updated_at: redirect.updatedAt,
  };
}

export interface RedirectRoutesDeps {
  readonly redirects: RedirectService;
  readonly requireActor: (request: FastifyRequest) => Actor;
  /** Asks the site for `path` as an anonymous reader would, following redirects. */
  readonly probe: (path: string) => Promise<RedirectTestResult>;
}

/** Admin API for redirects: editors and above list, add, change, delete, import and export them. */
export function redirectRoutes(deps: RedirectRoutesDeps) {
  const { redirects, requireActor } = deps;
  const tags = ['redirects'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/redirects',
      {
        schema: {
          tags,
          summary: 'Every redirect, by from-path',
          response: { 200: Type.Object({ redirects: Type.Array(RedirectResource) }) },
        },
      },
      async (request) => ({
        redirects: (await redirects.listRedirects(requireActor(request))).map(toResource),
      }),
    );
    app.post(
      '/redirects',
      {
        schema: {
          tags,
          summary: 'Add a redirect',
          body: RedirectBody,
          response: { 201: Envelope },
        },
      },
      async (request, reply) => {
        const { from_path, to_url, status } = request.body;
        const created = await redirects.createRedirect(requireActor(request), {
          from: from_path,
          to: to_url,
          status,
        });
        return reply.status(201).send({ redirect: toResource(created) });
      },
    );
    app.patch(
      '/redirects/:id',
      {
        schema: {
          tags,
          summary: 'Change a redirect',
          params: IdParams,
          body: RedirectPatch,
          response: { 200: Envelope },
        },
      },
      async (request) => {
        const { from_path, to_url, status } = request.body;
        const updated = await redirects.updateRedirect(requireActor(request), request.params.id, {
          from: from_path,
          to: to_url,
          status,
        });
        return { redirect: toResource(updated) };
      },
    );
    app.delete(
      '/redirects/:id',
      {
        schema: {
          tags,
          summary: 'Delete a redirect',
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await redirects.deleteRedirect(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/redirects/import',
      {
        schema: {
          tags,
          summary: 'Add redirects from a CSV file of `from,to,status` lines (all or nothing)',
          body: ImportBody,
          response: {
            200: Type.Object({ created: Type.Integer(), replaced: Type.Integer() }),
          },
        },
      },
      async (request) => redirects.importRedirects(requireActor(request), request.body.csv),
    );
    app.get(
      '/redirects/export',
      { schema: { tags, summary: 'Every redirect as a CSV file of `from,to,status` lines' } },
      async (request, reply) => {
        const csv = await redirects.exportRedirects(requireActor(request));
        return reply
          .header('content-disposition', 'attachment; filename="redirects.csv"')
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    );
    app.post(
      '/redirects/test',
      {
        schema: {
          tags,
          summary: 'Where a path of the site leads a reader, hop by hop',
          body: TestBody,
          response: { 200: RedirectTestResult },
        },
      },
      async (request) => {
        ensureCan(requireActor(request), 'redirects.manage', 'test redirects');
        const path = request.body.path.trim();
        if (!path.startsWith('/') || path.startsWith('//')) {
          throw new AppError('validation_failed', 'Type a path of this site, starting with /.', [
            { field: 'path', message: 'must start with a single /' },
          ]);
        }
        return deps.probe(path);
      },
    );
  };
}
