import type { FastifyRequest } from 'fastify';
import type { MemberSession } from '../../features/members/member-sign-in.service.js';
import { isSameSecret } from '../../features/staff/secret-hash.js';
import { AppError } from '../../platform/errors.js';

/** The signed-in member of a request that must have one; throws 401 otherwise. */
export function requireMember(request: FastifyRequest): MemberSession {
  if (request.memberSession === null) {
    throw new AppError('unauthenticated', 'Your session has ended. Sign in again to continue.');
  }
  return request.memberSession;
}

/** Account forms carry the session's token, so another site cannot post them. */
export function ensureMemberCsrf(request: FastifyRequest, sent: string | undefined): MemberSession {
  const session = requireMember(request);
  if (sent === undefined || !isSameSecret(sent, session.csrfToken)) {
    throw new AppError(
      'csrf_failed',
      'This form is missing its security token. Reload the page and try again.',
    );
  }
  return session;
}
