import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { toSecretHash } from '../../features/staff/secret-hash.js';
import { normaliseEmail } from '../../features/staff/email-address.js';
import {
  clearMemberCookies,
  setAudienceCookie,
  setMemberCookie,
} from '../../features/members/member-cookies.js';
import {
  toSafeNextPath,
  type MemberSignInService,
} from '../../features/members/member-sign-in.service.js';
import { memberCookieName, type ReaderAudience } from '../../features/members/reader-audience.js';
import { entitlementLastsUntil, decideEntitlement } from '../../features/members/entitlement.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Clock } from '../../platform/clock.js';
import { LinkButtonForm, Notice, SignInForm } from './member-pages.js';
import { sendMemberPage, type MemberPagesDeps } from './send-member-page.js';
import { ensureMemberCsrf } from './member-csrf.js';

export interface SignInRoutesDeps extends MemberPagesDeps {
  readonly signIn: MemberSignInService;
  readonly audience: Pick<ReaderAudience, 'sign'>;
  readonly clock: Clock;
  readonly secureCookies: boolean;
}

const SignInQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) });
const SignInForm_ = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 320 })),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
const TokenForm = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

/** Requests for links per client (address) and per e-mail address, in their windows. */
export const signInLimits = {
  perClient: { max: 20, timeWindow: 15 * 60 * 1000 },
  perAddress: { max: 5, timeWindow: 60 * 60 * 1000 },
} as const;

const tooMany = (): AppError =>
  new AppError(
    'rate_limited',
    'Too many sign-in links were asked for. Wait a while, then check your inbox or try again.',
  );

const linkProblems = {
  used: { status: 410, text: 'This sign-in link has already been used. Ask for a new one below.' },
  expired: {
    status: 410,
    text: 'This sign-in link has expired: links work for 15 minutes. Ask for a new one below.',
  },
  unknown: {
    status: 404,
    text: 'This sign-in link is not valid. Check that you copied all of it, or ask for a new one below.',
  },
} as const;

function emailKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? normaliseEmail(body.email) : '';
  return `signin-address:${toSecretHash(email)}`;
}

/**
 * `/signin`: the magic-link sign-in. The answer to a request for a link is the same page
 * and status for every well-formed address; the link opens a page whose button signs in.
 */
export function signInRoutes(deps: SignInRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ ...signInLimits.perClient });
    const perAddress = app.createRateLimit({ ...signInLimits.perAddress, keyGenerator: emailKey });
    const confirmPerClient = app.createRateLimit({ max: 30, timeWindow: 15 * 60 * 1000 });

    app.get(
      '/signin',
      { schema: { hide: true, querystring: SignInQuery } },
      async (request, reply) => {
        const next = toSafeNextPath(request.query.next);
        const session = request.memberSession;
        return sendMemberPage(deps, request, reply, {
          title: 'Sign in',
          path: '/signin',
          children:
            session === null ? (
              <>
                <p>
                  Enter your e-mail address and we will send you a link to sign in. New here? The
                  same link creates your free account.
                </p>
                <SignInForm email="" next={next} error={null} />
              </>
            ) : (
              <p>
                You are signed in as {session.member.email}. <a href="/account">Your account</a>
              </p>
            ),
        });
      },
    );

    app.post('/signin', { schema: { hide: true, body: SignInForm_ } }, async (request, reply) => {
      const next = toSafeNextPath(request.body.next);
      const email = request.body.email ?? '';
      const [client, address] = await Promise.all([perClient(request), perAddress(request)]);
      if (!client.isAllowed && client.isExceeded) throw tooMany();
      if (!address.isAllowed && address.isExceeded) throw tooMany();
      try {
        await deps.signIn.requestSignIn(email, { ip: request.ip, next });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'validation_failed') throw error;
        return sendMemberPage(deps, request, reply, {
          title: 'Sign in',
          path: '/signin',
          status: 400,
          children: (
            <SignInForm
              email={email}
              next={next}
              error="Enter an e-mail address such as name@example.com."
            />
          ),
        });
      }
      return sendMemberPage(deps, request, reply, {
        title: 'Check your inbox',
        path: '/signin',
        children: (
          <>
            <Notice kind="ok">
              If {normaliseEmail(email)} can sign in here, a link is on its way. It works once, for
              15 minutes.
            </Notice>
            <p>
              Nothing arrived? Check your spam folder, or <a href="/signin">ask again</a>.
            </p>
          </>
        ),
      });
    });

    app.get(
      '/signin/link/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const state = await deps.signIn.inspectSignInLink(request.params.token);
        if (state !== 'ready') {
          const problem = linkProblems[state];
          return sendMemberPage(deps, request, reply, {
            title: 'Sign in',
            path: '/signin',
            status: problem.status,
            children: (
              <>
                <Notice kind="error">{problem.text}</Notice>
                <SignInForm email="" next={null} error={null} />
              </>
            ),
          });
        }
        return sendMemberPage(deps, request, reply, {
          title: 'Sign in',
          path: '/signin',
          children: (
            <>
              <p>Press the button to finish signing in on this device.</p>
              <LinkButtonForm action="/signin/link" token={request.params.token} label="Sign in" />
            </>
          ),
        });
      },
    );

    app.post(
      '/signin/link',
      { schema: { hide: true, body: TokenForm } },
      async (request, reply) => {
        const client = await confirmPerClient(request);
        if (!client.isAllowed && client.isExceeded) throw tooMany();
        const signedIn = await deps.signIn.completeSignIn(request.body.token);
        setMemberCookie(reply, deps.secureCookies, signedIn.cookieValue, signedIn.expiresAt);
        const now = deps.clock.now();
        const entitlement = decideEntitlement(signedIn.member, now);
        const lasts = entitlementLastsUntil(signedIn.member, now);
        const audienceExpires = new Date(
          Math.min(lasts?.getTime() ?? signedIn.expiresAt.getTime(), now.getTime() + 24 * 3600_000),
        );
        const audience = deps.audience.sign(entitlement, signedIn.member.id, audienceExpires);
        if (audience !== null)
          setAudienceCookie(reply, deps.secureCookies, audience, audienceExpires);
        return reply.header('cache-control', 'no-store').redirect(signedIn.next ?? '/account', 303);
      },
    );

    app.post(
      '/signout',
      {
        schema: {
          hide: true,
          body: Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 100 })) }),
        },
      },
      async (request, reply) => {
        const cookie = request.cookies[memberCookieName];
        if (request.memberSession !== null && cookie !== undefined) {
          ensureMemberCsrf(request, request.body.csrf);
          await deps.signIn.signOut(cookie);
        }
        clearMemberCookies(reply, deps.secureCookies);
        return reply.header('cache-control', 'no-store').redirect('/', 303);
      },
    );
  };
}
