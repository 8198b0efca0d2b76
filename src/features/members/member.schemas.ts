import { Type, type Static, type TSchema } from 'typebox';
import { memberEventKinds, type Member, type MemberEvent, type MemberNote } from './member.js';
import type { ImportResult, MemberCounts } from './member.service.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union([
  Type.Literal('free'),
  Type.Literal('paid'),
  Type.Literal('gift'),
  Type.Literal('comped'),
]);

export const MemberResource = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  status: Status,
  status_until: Nullable(Type.String({ description: 'When a gift or comp ends' })),
  labels: Type.Array(Type.String()),
  created_at: Type.String(),
  confirmed_at: Nullable(Type.String()),
  last_seen_at: Nullable(Type.String()),
});
export type MemberResource = Static<typeof MemberResource>;

export const MemberEventResource = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: memberEventKinds.join(', ') }),
  detail: Type.Record(Type.String(), Nullable(Type.String())),
  actor_name: Nullable(Type.String({ description: 'The staff member; null for the member' })),
  at: Type.String(),
});
export type MemberEventResource = Static<typeof MemberEventResource>;

export const MemberNoteResource = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author_name: Type.String(),
  at: Type.String(),
});
export type MemberNoteResource = Static<typeof MemberNoteResource>;

export const MemberDetailResponse = Type.Object({
  member: MemberResource,
  notes: Type.Array(MemberNoteResource),
  timeline: Type.Array(MemberEventResource),
});
export type MemberDetailResponse = Static<typeof MemberDetailResponse>;

export const MemberListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Status),
  label: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Type.String({ format: 'date', description: 'Signed up on or after' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Signed up on or before' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type MemberListQuery = Static<typeof MemberListQuery>;

export const MemberListResponse = Type.Object({
  members: Type.Array(MemberResource),
  meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), limit: Type.Integer() }),
});
export type MemberListResponse = Static<typeof MemberListResponse>;

export const MemberCountsResponse = Type.Object({
  counts: Type.Object({
    total: Type.Integer(),
    free: Type.Integer(),
    paid: Type.Integer(),
    gift: Type.Integer(),
    comped: Type.Integer(),
  }),
});
export type MemberCountsResponse = Static<typeof MemberCountsResponse>;

export const ImportBody = Type.Object(
  {
    csv: Type.String({ maxLength: 8 * 1024 * 1024, description: 'email,name,labels,status' }),
    dry_run: Type.Boolean(),
  },
  { additionalProperties: false },
);

const ImportRowResource = Type.Object({
  line: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  labels: Type.Array(Type.String()),
  status: Status,
});

export const ImportResponse = Type.Object({
  dry_run: Type.Boolean(),
  accepted: Type.Integer({ description: 'Good lines: imported, or that would be' }),
  imported: Type.Integer(),
  preview: Type.Array(ImportRowResource, { description: 'The first 20 good lines' }),
  problems: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
});
export type ImportResponse = Static<typeof ImportResponse>;

export const CompBody = Type.Object(
  { until: Nullable(Type.String({ format: 'date', description: 'Last day of the comp' })) },
  { additionalProperties: false },
);
export const LabelBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);
export const NoteBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export function toMemberResource(member: Member): MemberResource {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    status: member.status,
    status_until: member.statusUntil?.toISOString() ?? null,
    labels: [...member.labels],
    created_at: member.createdAt.toISOString(),
    confirmed_at: member.confirmedAt?.toISOString() ?? null,
    last_seen_at: member.lastSeenAt?.toISOString() ?? null,
  };
}

export function toMemberEventResource(event: MemberEvent): MemberEventResource {
  return {
    id: event.id,
    kind: event.kind,
    detail: { ...event.detail },
    actor_name: event.actorName,
    at: event.at.toISOString(),
  };
}

export function toMemberNoteResource(note: MemberNote): MemberNoteResource {
  return { id: note.id, body: note.body, author_name: note.authorName, at: note.at.toISOString() };
}

export function toCountsResource(counts: MemberCounts): MemberCountsResponse['counts'] {
  return { total: counts.total, ...counts.byStatus };
}

export function toImportResponse(result: ImportResult): ImportResponse {
  return {
    dry_run: result.dryRun,
    accepted: result.accepted,
    imported: result.imported,
    preview: result.preview.map((row) => ({ ...row, labels: [...row.labels] })),
    problems: [...result.problems],
  };
}
