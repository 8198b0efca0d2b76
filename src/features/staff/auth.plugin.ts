import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AppError } from '../../platform/errors.js';
import { isCrossSiteRequest } from '../../platform/http/cross-site.js';
import { isUnderPath, routedPathOf } from '../../platform/http/request-path.js';
import type { Actor } from './actor.js';
import type { ApiTokenService } from './api-token.service.js';
import { isSameSecret } from './secret-hash.js';
import { auditTokenWrites } from './token-write-audit.js';
import {
  clearSessionCookie,
  defaultSessionCookieName,
  type SessionCookieSettings,
} from './session-cookie.js';
import type { ResolvedSession, SessionService } from './session.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: a staff session, an API token, or nobody (null). */
    actor: Actor | null;
    /** The staff session behind `actor`, when the request came with the session cookie. */
    staffSession: ResolvedSession | null;
  }
}

export interface AuthPluginDeps {
  readonly sessions: Pick<SessionService, 'resolveSession'>;
  readonly tokens: Pick<ApiTokenService, 'resolveToken' | 'recordTokenWrite'>;
  /** Defaults to `masthead_session`. */
  readonly cookieName?: string;
  readonly secureCookies: boolean;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const adminApiPrefix = '/api/admin';
const signInRoute = '/api/admin/session';

/** Decided on the path the router matched, so `/api/%61dmin/…` is the Admin API too. */
function isAdminApi(request: FastifyRequest): boolean {
  return isUnderPath(routedPathOf(request), adminApiPrefix);
}

function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

async function authenticate(
  deps: AuthPluginDeps,
  cookie: SessionCookieSettings,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const bearer = bearerTokenOf(request);
  if (bearer !== null) {
    // A bad token is refused outright: falling back to the cookie would hide the mistake.
    const actor = await deps.tokens.resolveToken(bearer);
    if (actor === null) {
      throw new AppError('unauthenticated', 'That API token is not valid or has been revoked.');
    }
    request.actor = actor;
    return;
  }
  const cookieValue = request.cookies[cookie.name];
  if (cookieValue === undefined || cookieValue === '') return;
  const session = await deps.sessions.resolveSession(cookieValue);
  if (session === null) {
    // Only the Admin API tidies a stale cookie: a Set-Cookie on a public page could be cached.
    if (isAdminApi(request)) clearSessionCookie(reply, cookie);
    return;
  }
  request.actor = session.actor;
  request.staffSession = session;
}

/**
 * Guards writes to the Admin API; register inside its plugin scope, so it runs for every
 * route the router matched there, however the path was spelled. A write that did not come
 * with an API token must come from the CMS's own origin (this covers signing in, which
 * sets the cookie), and a cookie-authenticated one must echo the session's CSRF token.
 */
export function adminWriteGuard(deps: { readonly siteUrl: string }) {
  const siteOrigin = new URL(deps.siteUrl).origin;
  return (request: FastifyRequest): void => {
    if (!unsafeMethods.has(request.method) || bearerTokenOf(request) !== null) return;
    if (isCrossSiteRequest(request.headers, siteOrigin)) {
      throw new AppError(
        'cross_site',
        'This request came from another site and was refused. Open the CMS at its own address and try again.',
      );
    }
    const session = request.staffSession;
    if (session === null) return;
    if (request.method === 'POST' && request.routeOptions.url === signInRoute) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !isSameSecret(sent, session.csrfToken)) {
      throw new AppError(
        'csrf_failed',
        'This request is missing its security token. Reload the page and try again.',
      );
    }
  };
}

/**
 * Sets `request.actor` on every request, app-wide (the plugin is not encapsulated). Register
 * after @fastify/cookie; the Admin API adds `adminWriteGuard` in its own scope.
 */
export function authPlugin(deps: AuthPluginDeps) {
  const cookie: SessionCookieSettings = {
    name: deps.cookieName ?? defaultSessionCookieName,
    secure: deps.secureCookies,
  };
  return fastifyPlugin(
    async (app: FastifyInstance) => {
      app.decorateRequest('actor', null);
      app.decorateRequest('staffSession', null);
      app.addHook('onRequest', (request, reply) => authenticate(deps, cookie, request, reply));
      app.addHook('onResponse', auditTokenWrites(deps.tokens));
    },
    { name: 'masthead-staff-auth', fastify: '5.x', dependencies: ['@fastify/cookie'] },
  );
}

/** The actor of a request that must be signed in; throws 401 `unauthenticated` otherwise. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.actor;
}
