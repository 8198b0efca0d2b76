import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { ApiTokenService } from './api-token.service.js';
import type { AuditService } from './audit.service.js';
import { requireActor } from './auth.plugin.js';
import { normaliseEmail } from './email-address.js';
import { ensureCan } from './permissions.js';
import {
  clearSessionCookie,
  defaultSessionCookieName,
  setSessionCookie,
  type SessionCookieSettings,
} from './session-cookie.js';
import type { SessionService } from './session.service.js';
import {
  ApiTokenListResponse,
  AuditPageResponse,
  AuditQuery,
  CreatedApiTokenResponse,
  IdParams,
  NewApiTokenBody,
  NewStaffBody,
  NoContent,
  SessionResponse,
  SignInBody,
  StaffChangesBody,
  StaffListResponse,
  StaffUserSchema,
} from './staff.schemas.js';
import type { StaffService } from './staff.service.js';

export interface StaffRoutesDeps {
  readonly staff: StaffService;
  readonly sessions: SessionService;
  readonly tokens: ApiTokenService;
  readonly audit: AuditService;
  /** Must match the auth plugin's; defaults to `masthead_session`. */
  readonly cookieName?: string;
  readonly secureCookies: boolean;
}

const tags = ['staff'];

/** Sign-in attempts are counted per address and e-mail, so one person cannot lock out others. */
function signInRateKey(request: FastifyRequest): string {
  const body = request.body;
  const email =
    typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
      ? normaliseEmail(body.email)
      : '';
  return `staff-sign-in|${request.ip}|${email}`;
}

function userAgentOf(request: FastifyRequest): string | undefined {
  return request.headers['user-agent']?.slice(0, 200);
}

/** The Admin API for staff, sessions, API tokens and the audit log; register under `/api/admin`. */
export function staffRoutes(deps: StaffRoutesDeps) {
  const { staff, sessions, tokens, audit } = deps;
  const cookie: SessionCookieSettings = {
    name: deps.cookieName ?? defaultSessionCookieName,
    secure: deps.secureCookies,
  };

  return async (app: AppInstance): Promise<void> => {
    app.post(
      '/session',
      {
        schema: {
          tags,
          summary: 'Sign in with e-mail and password',
          body: SignInBody,
          response: { 200: SessionResponse },
        },
        config: {
          // preHandler: the body is parsed by then, so the key can include the e-mail.
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: signInRateKey,
          },
        },
      },
      async (request, reply) => {
        const signedIn = await sessions.signIn(request.body.email, request.body.password, {
          ip: request.ip,
          userAgent: userAgentOf(request),
        });
        setSessionCookie(reply, cookie, signedIn.cookieValue, signedIn.expiresAt);
        return { user: signedIn.user, csrfToken: signedIn.csrfToken };
      },
    );

    app.get(
      '/session',
      {
        schema: {
          tags,
          summary: 'The signed-in staff user and their CSRF token',
          response: { 200: SessionResponse },
        },
      },
      (request) => {
        const session = request.staffSession;
        if (session === null) throw new AppError('unauthenticated', 'Sign in to continue.');
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    app.delete(
      '/session',
      { schema: { tags, summary: 'Sign out', response: { 204: NoContent } } },
      async (request, reply) => {
        const cookieValue = request.cookies[cookie.name];
        if (cookieValue !== undefined && cookieValue !== '') await sessions.signOut(cookieValue);
        clearSessionCookie(reply, cookie);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/staff',
      { schema: { tags, summary: 'List staff', response: { 200: StaffListResponse } } },
      async (request) => ({ staff: await staff.listStaff(requireActor(request)) }),
    );

    app.post(
      '/staff',
      {
        schema: {
          tags,
          summary: 'Add a staff user',
          body: NewStaffBody,
          response: { 201: StaffUserSchema },
        },
      },
      async (request, reply) => {
        const created = await staff.createStaff(requireActor(request), request.body);
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/staff/:id',
      {
        schema: {
          tags,
          summary: 'One staff user',
          params: IdParams,
          response: { 200: StaffUserSchema },
        },
      },
      async (request) => {
        ensureCan(requireActor(request), 'staff.read', 'see staff accounts');
        return staff.getStaff(request.params.id);
      },
    );

    app.patch(
      '/staff/:id',
      {
        schema: {
          tags,
          summary:
            'Change a staff user: profile, password, role or status; changing your own password or e-mail needs currentPassword',
          params: IdParams,
          body: StaffChangesBody,
          response: { 200: StaffUserSchema },
        },
      },
      async (request) =>
        staff.updateStaff(requireActor(request), request.params.id, request.body, {
          currentSessionHash: request.staffSession?.idHash,
        }),
    );

    app.get(
      '/tokens',
      { schema: { tags, summary: 'List API tokens', response: { 200: ApiTokenListResponse } } },
      async (request) => ({ tokens: await tokens.listTokens(requireActor(request)) }),
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'Create an API token; the token is in this response only',
          body: NewApiTokenBody,
          response: { 201: CreatedApiTokenResponse },
        },
      },
      async (request, reply) => {
        const created = await tokens.createToken(requireActor(request), request.body);
        return reply.code(201).send(created);
      },
    );

    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags,
          summary: 'Revoke an API token',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await tokens.revokeToken(requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/audit',
      {
        schema: {
          tags,
          summary: 'The audit log, newest first',
          querystring: AuditQuery,
          response: { 200: AuditPageResponse },
        },
      },
      async (request) => audit.listAudit(requireActor(request), request.query),
    );
  };
}
