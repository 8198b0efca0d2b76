import { Type } from 'typebox';
import { apiTokenNameLimit } from './api-token.service.js';
import { maximumAuditPageSize } from './audit.service.js';
import { maximumPasswordLength } from './password.js';
import { staffTextLimits } from './staff-profile-input.js';

/*
 * The Admin API's staff shapes. Nullable values list `null` first: Fastify's validator
 * coerces types, and would otherwise turn a null into "" by matching the string branch.
 */

const NullableString = Type.Union([Type.Null(), Type.String()]);
const Timestamp = Type.String({ description: 'ISO 8601 UTC' });

export const RoleSchema = Type.Union([
  Type.Literal('contributor'),
  Type.Literal('author'),
  Type.Literal('editor'),
  Type.Literal('administrator'),
  Type.Literal('owner'),
]);

export const StaffStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const StaffUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  role: RoleSchema,
  jobTitle: Type.String(),
  bio: Type.String(),
  photoMediaId: NullableString,
  status: StaffStatusSchema,
  hasPassword: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Email = Type.String({ minLength: 1, maxLength: 254 });
const Password = Type.String({ maxLength: maximumPasswordLength });
const Name = Type.String({ minLength: 1, maxLength: staffTextLimits.name });
const JobTitle = Type.String({ maxLength: staffTextLimits.jobTitle });
const Bio = Type.String({ maxLength: staffTextLimits.bio });

export const SignInBody = Type.Object({ email: Email, password: Password });

export const SessionResponse = Type.Object({
  user: StaffUserSchema,
  csrfToken: Type.String({
    description: 'Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE',
  }),
});

export const NewStaffBody = Type.Object({
  email: Email,
  name: Name,
  role: RoleSchema,
  password: Type.Optional(Password),
  jobTitle: Type.Optional(JobTitle),
  bio: Type.Optional(Bio),
  photoMediaId: Type.Optional(NullableString),
});

export const StaffChangesBody = Type.Object({
  email: Type.Optional(Email),
  name: Type.Optional(Name),
  jobTitle: Type.Optional(JobTitle),
  bio: Type.Optional(Bio),
  photoMediaId: Type.Optional(NullableString),
  password: Type.Optional(Password),
  currentPassword: Type.Optional(Password),
  role: Type.Optional(RoleSchema),
  status: Type.Optional(StaffStatusSchema),
});

export const StaffListResponse = Type.Object({ staff: Type.Array(StaffUserSchema) });

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  userId: NullableString,
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Type.Null(), Timestamp]),
  revokedAt: Type.Union([Type.Null(), Timestamp]),
});

export const NewApiTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: apiTokenNameLimit }),
  role: RoleSchema,
  userId: Type.Optional(NullableString),
});

export const CreatedApiTokenResponse = Type.Object({
  token: Type.String({ description: 'Shown once; store it now' }),
  record: ApiTokenSchema,
});

export const ApiTokenListResponse = Type.Object({ tokens: Type.Array(ApiTokenSchema) });

export const AuditQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: maximumAuditPageSize, default: 50 }),
  before: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actor: Type.Object({ id: Type.String(), name: Type.String() }),
  action: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditPageResponse = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  nextBefore: NullableString,
});

export const NoContent = Type.Null({ description: 'No content' });
