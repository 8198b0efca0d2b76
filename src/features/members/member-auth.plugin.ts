import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Clock } from '../../platform/clock.js';
import { audienceCookieName } from './audience-cookie.js';
import { entitlementLastsUntil, type Entitlement } from './entitlement.js';
import { clearAudienceCookie, clearMemberCookies, setAudienceCookie } from './member-cookies.js';
import type { MemberSession, MemberSignInService } from './member-sign-in.service.js';
import { memberCookieName, type ReaderAudience } from './reader-audience.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member of a reader request, checked against the database. */
    memberSession: MemberSession | null;
  }
}

export interface MemberAuthDeps {
  readonly signIn: Pick<MemberSignInService, 'resolveSession'>;
  readonly audience: Pick<ReaderAudience, 'sign' | 'verify'>;
  readonly secureCookies: boolean;
  readonly clock: Clock;
}

/** An audience cookie is re-issued at least this often. */
const audienceCookieLifetimeMs = 24 * 60 * 60 * 1000;

/** Paths that never show a member anything of their own: no session lookup for them. */
const skippedPrefixes = ['/api/', '/assets/', '/content/', '/admin', '/healthz', '/metrics'];

function isSkipped(url: string): boolean {
  return skippedPrefixes.some((prefix) => url.startsWith(prefix));
}

/**
 * Reads the member session cookie on reader requests and keeps the audience cookie in
 * step with it: a fresh one when the entitlement changed or the old one is no longer
 * trusted, none when the session is gone. Register after the staff auth plugin.
 */
export function memberAuthPlugin(deps: MemberAuthDeps) {
  return fastifyPlugin(
    async (app: FastifyInstance) => {
      app.decorateRequest('memberSession', null);
      app.addHook('onRequest', async (request, reply) => {
        if (isSkipped(request.url)) return;
        const cookieValue = request.cookies[memberCookieName];
        const audienceValue = request.cookies[audienceCookieName];
        if (cookieValue === undefined || cookieValue === '') {
          if (audienceValue !== undefined) clearAudienceCookie(reply, deps.secureCookies);
          return;
        }
        const session = await deps.signIn.resolveSession(cookieValue);
        if (session === null) {
          clearMemberCookies(reply, deps.secureCookies);
          return;
        }
        request.memberSession = session;
        if (deps.audience.verify(audienceValue) !== session.entitlement) {
          const now = deps.clock.now();
          const lasts = entitlementLastsUntil(session.member, now);
          const longest = now.getTime() + audienceCookieLifetimeMs;
          const expiresAt = new Date(Math.min(lasts?.getTime() ?? longest, longest));
          const value = deps.audience.sign(session.entitlement, session.member.id, expiresAt);
          if (value !== null) setAudienceCookie(reply, deps.secureCookies, value, expiresAt);
        }
      });
    },
    { name: 'masthead-member-auth', fastify: '5.x', dependencies: ['@fastify/cookie'] },
  );
}

/** What a reader request may read: staff everything, members by their membership. */
export function readerEntitlement(request: FastifyRequest): Entitlement {
  if (request.actor !== null) return 'staff';
  return request.memberSession?.entitlement ?? 'anonymous';
}
