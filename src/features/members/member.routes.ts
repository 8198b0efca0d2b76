import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { MemberFilter } from './member.repository.js';
import {
  CompBody,
  ImportBody,
  ImportResponse,
  LabelBody,
  MemberCountsResponse,
  MemberDetailResponse,
  MemberListQuery,
  MemberListResponse,
  MemberNoteResource,
  MemberResource,
  NoteBody,
  toCountsResource,
  toImportResponse,
  toMemberEventResource,
  toMemberNoteResource,
  toMemberResource,
} from './member.schemas.js';
import { maxImportBytes, type MemberService } from './member.service.js';

export interface MemberRoutesDeps {
  readonly members: MemberService;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const tags = ['members'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const dayMs = 24 * 60 * 60 * 1000;

function toFilter(query: MemberListQuery): MemberFilter {
  return {
    q: query.q,
    status: query.status,
    label: query.label,
    createdFrom: query.from === undefined ? undefined : `${query.from}T00:00:00.000Z`,
    createdBefore:
      query.to === undefined
        ? undefined
        : new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + dayMs).toISOString(),
  };
}

/** `/api/admin/members`: administrators manage members; editors may look. */
export function memberRoutes(deps: MemberRoutesDeps) {
  const { members, requireActor } = deps;
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/members',
      {
        schema: {
          tags,
          summary: 'List members, newest first, by search and filters',
          querystring: MemberListQuery,
          response: { 200: MemberListResponse },
        },
      },
      async (request) => {
        const { page = 1, limit = 50 } = request.query;
        const found = await members.listMembers(requireActor(request), toFilter(request.query), {
          page,
          limit,
        });
        return {
          members: found.members.map(toMemberResource),
          meta: { total: found.total, page, limit },
        };
      },
    );

    app.get(
      '/members/counts',
      { schema: { tags, summary: 'Members by status', response: { 200: MemberCountsResponse } } },
      async (request) => ({
        counts: toCountsResource(await members.countMembers(requireActor(request))),
      }),
    );

    app.get(
      '/members/labels',
      {
        schema: {
          tags,
          summary: 'Every label in use',
          response: { 200: Type.Object({ labels: Type.Array(Type.String()) }) },
        },
      },
      async (request) => ({ labels: await members.listLabels(requireActor(request)) }),
    );

    app.get(
      '/members/export.csv',
      {
        schema: {
          tags,
          summary: 'Members as CSV, by the same filters',
          querystring: MemberListQuery,
        },
      },
      async (request, reply) => {
        const csv = await members.exportMembers(requireActor(request), toFilter(request.query));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="members.csv"')
          .send(csv);
      },
    );

    app.post(
      '/members/import',
      {
        bodyLimit: maxImportBytes + 1024,
        schema: {
          tags,
          summary: 'Import members from CSV; a dry run writes nothing',
          body: ImportBody,
          response: { 200: ImportResponse },
        },
      },
      async (request) =>
        toImportResponse(
          await members.importMembers(
            requireActor(request),
            request.body.csv,
            request.body.dry_run,
          ),
        ),
    );

    app.get(
      '/members/:id',
      {
        schema: {
          tags,
          summary: 'A member with notes and timeline',
          params: IdParams,
          response: { 200: MemberDetailResponse },
        },
      },
      async (request) => {
        const detail = await members.getMemberDetail(requireActor(request), request.params.id);
        return {
          member: toMemberResource(detail.member),
          notes: detail.notes.map(toMemberNoteResource),
          timeline: detail.timeline.map(toMemberEventResource),
        };
      },
    );

    app.put(
      '/members/:id/comp',
      {
        schema: {
          tags,
          summary: 'Give a complimentary paying membership, to the end of a day or for good',
          params: IdParams,
          body: CompBody,
          response: { 200: Type.Object({ member: MemberResource }) },
        },
      },
      async (request) => {
        const { until } = request.body;
        const end =
          until === null ? null : new Date(new Date(`${until}T00:00:00.000Z`).getTime() + dayMs);
        const member = await members.compMember(requireActor(request), request.params.id, end);
        return { member: toMemberResource(member) };
      },
    );

    app.delete(
      '/members/:id/comp',
      {
        schema: {
          tags,
          summary: 'End a complimentary membership now',
          params: IdParams,
          response: { 200: Type.Object({ member: MemberResource }) },
        },
      },
      async (request) => ({
        member: toMemberResource(
          await members.removeComp(requireActor(request), request.params.id),
        ),
      }),
    );

    app.post(
      '/members/:id/labels',
      { schema: { tags, summary: 'Add a label', params: IdParams, body: LabelBody } },
      async (request, reply) => {
        await members.addLabel(requireActor(request), request.params.id, request.body.label);
        return reply.status(204).send();
      },
    );

    app.delete(
      '/members/:id/labels/:label',
      {
        schema: {
          tags,
          summary: 'Remove a label',
          params: Type.Object({
            id: Type.String({ maxLength: 64 }),
            label: Type.String({ maxLength: 60 }),
          }),
        },
      },
      async (request, reply) => {
        await members.removeLabel(requireActor(request), request.params.id, request.params.label);
        return reply.status(204).send();
      },
    );

    app.post(
      '/members/:id/notes',
      {
        schema: {
          tags,
          summary: 'Add a note',
          params: IdParams,
          body: NoteBody,
          response: { 201: Type.Object({ note: MemberNoteResource }) },
        },
      },
      async (request, reply) => {
        const note = await members.addNote(
          requireActor(request),
          request.params.id,
          request.body.body,
        );
        return reply.status(201).send({ note: toMemberNoteResource(note) });
      },
    );
  };
}
