import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from './actor.js';
import { normaliseEmail } from './email-address.js';
import type { InvitationService } from './invitation.service.js';
import type { Invitation } from './invitation.js';
import type { PasswordResetService } from './password-reset.service.js';
import {
  defaultSessionCookieName,
  setSessionCookie,
  type SessionCookieSettings,
} from './session-cookie.js';
import type { SessionService } from './session.service.js';
import {
  AcceptInvitationBody,
  Accepted,
  InvitationEnvelope,
  InvitationIdParams,
  InvitationListResponse,
  InvitationOffer,
  NewInvitationBody,
  NewPasswordBody,
  PasswordResetRequestBody,
  PasswordResetResource,
  TokenParams,
} from './staff-access.schemas.js';
import { NoContent, SessionResponse } from './staff.schemas.js';

export interface StaffAccessRoutesDeps {
  readonly passwordResets: PasswordResetService;
  readonly invitations: InvitationService;
  readonly sessions: Pick<SessionService, 'signIn'>;
  readonly requireActor: (request: FastifyRequest) => Actor;
  /** Must match the auth plugin's; defaults to `masthead_session`. */
  readonly cookieName?: string;
  readonly secureCookies: boolean;
}

const tags = ['staff'];
/** Public link endpoints: enough for a person, too few to try tokens. */
const linkRateLimit = { max: 20, timeWindow: '1 minute' };

/** The normalised e-mail of a reset request, which keys its rate limit. */
function emailOf(request: FastifyRequest): string {
  const body = request.body;
  return typeof body === 'object' &&
    body !== null &&
    'email' in body &&
    typeof body.email === 'string'
    ? normaliseEmail(body.email)
    : '';
}

function toInvitationResource(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    invited_by: invitation.invitedBy,
    created_at: invitation.createdAt,
    expires_at: invitation.expiresAt,
  };
}

/**
 * Password resets and invitations under `/api/admin`. The link endpoints are public (the
 * token is the proof), rate-limited, and answer a used or expired link with `token_used`
 * or `token_expired`.
 */
export function staffAccessRoutes(deps: StaffAccessRoutesDeps) {
  const { passwordResets, invitations, requireActor } = deps;
  const cookie: SessionCookieSettings = {
    name: deps.cookieName ?? defaultSessionCookieName,
    secure: deps.secureCookies,
  };

  return async (app: AppInstance): Promise<void> => {
    // An inbox gets at most 5 reset e-mails an hour; one client (IP) may ask 20 times an hour.
    const resetLimits = [
      app.createRateLimit({
        max: 5,
        timeWindow: '1 hour',
        keyGenerator: (request) => `password-reset|email|${emailOf(request)}`,
      }),
      app.createRateLimit({
        max: 20,
        timeWindow: '1 hour',
        keyGenerator: (request) => `password-reset|ip|${request.ip}`,
      }),
    ];
    const enforceResetLimits = async (request: FastifyRequest, reply: FastifyReply) => {
      for (const limit of resetLimits) {
        const result = await limit(request);
        if (!result.isAllowed && result.isExceeded) {
          reply.header('retry-after', String(result.ttlInSeconds));
          throw new AppError(
            'rate_limited',
            'Too many password reset requests. Please wait an hour and try again.',
          );
        }
      }
    };

    app.post(
      '/password-resets',
      {
        schema: {
          tags,
          summary:
            'Ask for a password reset e-mail; always 202, whether or not the address is staff',
          body: PasswordResetRequestBody,
          response: { 202: Accepted },
        },
        preHandler: enforceResetLimits,
      },
      async (request, reply) => {
        await passwordResets.requestReset(request.body.email, { ip: request.ip });
        return reply.code(202).send(null);
      },
    );

    app.get(
      '/password-resets/:token',
      {
        schema: {
          tags,
          summary: 'Check a password reset link before asking for the new password',
          params: TokenParams,
          response: { 200: PasswordResetResource },
        },
        config: { rateLimit: linkRateLimit },
      },
      async (request) => {
        const reset = await passwordResets.inspectReset(request.params.token);
        return { email: reset.email, expires_at: reset.expiresAt };
      },
    );

    app.post(
      '/password-resets/:token',
      {
        schema: {
          tags,
          summary: 'Set a new password with a reset link; signs the person out everywhere',
          params: TokenParams,
          body: NewPasswordBody,
          response: { 204: NoContent },
        },
        config: { rateLimit: linkRateLimit },
      },
      async (request, reply) => {
        await passwordResets.completeReset(request.params.token, request.body.password);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'Invite someone to join the staff; e-mails them a link valid for 7 days',
          body: NewInvitationBody,
          response: { 201: InvitationEnvelope },
        },
      },
      async (request, reply) => {
        const invitation = await invitations.createInvitation(requireActor(request), request.body);
        return reply.code(201).send({ invitation: toInvitationResource(invitation) });
      },
    );

    app.get(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'Invitations not yet accepted, newest first',
          response: { 200: InvitationListResponse },
        },
      },
      async (request) => ({
        invitations: (await invitations.listPendingInvitations(requireActor(request))).map(
          toInvitationResource,
        ),
      }),
    );

    app.delete(
      '/invitations/:id',
      {
        schema: {
          tags,
          summary: 'Withdraw an invitation; its link stops working',
          params: InvitationIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await invitations.withdrawInvitation(requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/invitations/:token',
      {
        schema: {
          tags,
          summary: 'What an invitation link offers: the address and role',
          params: TokenParams,
          response: { 200: InvitationOffer },
        },
        config: { rateLimit: linkRateLimit },
      },
      async (request) => invitations.inspectInvitation(request.params.token),
    );

    app.post(
      '/invitations/:token/accept',
      {
        schema: {
          tags,
          summary: 'Accept an invitation: creates the account and signs the person in',
          params: TokenParams,
          body: AcceptInvitationBody,
          response: { 201: SessionResponse },
        },
        config: { rateLimit: linkRateLimit },
      },
      async (request, reply) => {
        const user = await invitations.acceptInvitation(request.params.token, request.body);
        const signedIn = await deps.sessions.signIn(user.email, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 200),
        });
        setSessionCookie(reply, cookie, signedIn.cookieValue, signedIn.expiresAt);
        return reply.code(201).send({ user: signedIn.user, csrfToken: signedIn.csrfToken });
      },
    );
  };
}
