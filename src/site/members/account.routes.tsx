import { Type } from 'typebox';
import { entitlementLastsUntil } from '../../features/members/entitlement.js';
import { clearMemberCookies } from '../../features/members/member-cookies.js';
import type { MemberSignInService } from '../../features/members/member-sign-in.service.js';
import type { MemberService } from '../../features/members/member.service.js';
import { isAppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Clock } from '../../platform/clock.js';
import { toDisplayTime } from '../format-date.js';
import { AccountPage, membershipText } from './account-page.js';
import { ensureMemberCsrf, requireMember } from './member-csrf.js';
import { CsrfField, LinkButtonForm, Notice } from './member-pages.js';
import { sendMemberPage, type MemberPagesDeps } from './send-member-page.js';

export interface AccountRoutesDeps extends MemberPagesDeps {
  readonly members: Pick<MemberService, 'renameSelf' | 'exportOwnData' | 'deleteSelf'>;
  readonly signIn: MemberSignInService;
  readonly clock: Clock;
  readonly secureCookies: boolean;
}

const Csrf = Type.Optional(Type.String({ maxLength: 100 }));
const notices = {
  name: 'Your name is saved.',
  email:
    'We sent a confirmation link to your new address. Your address changes once you follow it.',
  'email-changed': 'Your e-mail address has changed.',
} as const;
const Query = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

function noticeFor(done: string | undefined): string | null {
  return done !== undefined && Object.hasOwn(notices, done)
    ? notices[done as keyof typeof notices]
    : null;
}
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

/** `/account`: a member's own page, and the forms it posts. Private, never cached. */
export function accountRoutes(deps: AccountRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ max: 20, timeWindow: 15 * 60 * 1000 });

    app.get('/account', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
      const session = request.memberSession;
      if (session === null) {
        return reply.header('cache-control', 'no-store').redirect('/signin?next=%2Faccount', 303);
      }
      const site = await deps.settings.getSiteSettings();
      const until = entitlementLastsUntil(session.member, deps.clock.now());
      const done = request.query.done;
      return sendMemberPage(deps, request, reply, {
        title: 'Your account',
        path: '/account',
        children: (
          <AccountPage
            view={{
              member: session.member,
              csrfToken: session.csrfToken,
              membership: membershipText(session.member, session.entitlement === 'paying'),
              renews: until === null ? null : toDisplayTime(until, site.locale, site.timezone),
              notice: noticeFor(done),
            }}
          />
        ),
      });
    });

    app.post(
      '/account/name',
      {
        schema: {
          hide: true,
          body: Type.Object({ csrf: Csrf, name: Type.String({ maxLength: 300 }) }),
        },
      },
      async (request, reply) => {
        const session = ensureMemberCsrf(request, request.body.csrf);
        await deps.members.renameSelf(session.member.id, request.body.name);
        return reply.redirect('/account?done=name', 303);
      },
    );

    app.post(
      '/account/email',
      {
        schema: {
          hide: true,
          body: Type.Object({ csrf: Csrf, email: Type.String({ maxLength: 320 }) }),
        },
      },
      async (request, reply) => {
        const session = ensureMemberCsrf(request, request.body.csrf);
        const limit = await perClient(request);
        if (!limit.isAllowed && limit.isExceeded) {
          return sendMemberPage(deps, request, reply, {
            title: 'Your account',
            path: '/account',
            status: 429,
            children: <Notice kind="error">Too many requests. Wait a while and try again.</Notice>,
          });
        }
        try {
          await deps.signIn.requestEmailChange(session.member.id, request.body.email);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'validation_failed') throw error;
          return sendMemberPage(deps, request, reply, {
            title: 'Your account',
            path: '/account',
            status: 400,
            children: (
              <>
                <Notice kind="error">Enter an e-mail address such as name@example.com.</Notice>
                <p>
                  <a href="/account">Back to your account</a>
                </p>
              </>
            ),
          });
        }
        return reply.redirect('/account?done=email', 303);
      },
    );

    app.get(
      '/account/email/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const state = await deps.signIn.inspectEmailChangeLink(request.params.token);
        return sendMemberPage(deps, request, reply, {
          title: 'Confirm your new address',
          path: '/account',
          status: state === 'ready' ? 200 : state === 'unknown' ? 404 : 410,
          children:
            state === 'ready' ? (
              <>
                <p>Press the button to use this address for your account.</p>
                <LinkButtonForm
                  action="/account/email/confirm"
                  token={request.params.token}
                  label="Confirm this address"
                />
              </>
            ) : (
              <Notice kind="error">
                This confirmation link is {state === 'unknown' ? 'not valid' : state}. Ask for a new
                one on your account page.
              </Notice>
            ),
        });
      },
    );

    app.post(
      '/account/email/confirm',
      {
        schema: {
          hide: true,
          body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        },
      },
      async (request, reply) => {
        await deps.signIn.completeEmailChange(request.body.token);
        return reply.redirect(
          request.memberSession === null ? '/signin' : '/account?done=email-changed',
          303,
        );
      },
    );

    app.post(
      '/account/sign-out-everywhere',
      { schema: { hide: true, body: Type.Object({ csrf: Csrf }) } },
      async (request, reply) => {
        const session = ensureMemberCsrf(request, request.body.csrf);
        await deps.signIn.signOutEverywhere(session.member.id);
        clearMemberCookies(reply, deps.secureCookies);
        return reply.redirect('/', 303);
      },
    );

    app.get('/account/data.json', { schema: { hide: true } }, async (request, reply) => {
      const session = requireMember(request);
      const data = await deps.members.exportOwnData(session.member.id);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="my-data.json"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    });

    app.get('/account/delete', { schema: { hide: true } }, async (request, reply) => {
      const session = request.memberSession;
      if (session === null) return reply.redirect('/signin?next=%2Faccount%2Fdelete', 303);
      return sendMemberPage(deps, request, reply, {
        title: 'Delete your account',
        path: '/account/delete',
        children: (
          <>
            <p>
              Deleting your account removes your name, address, membership and history here. It
              cannot be undone.
            </p>
            <form class="form" method="post" action="/account/delete">
              <CsrfField token={session.csrfToken} />
              <label for="delete-confirm">Type DELETE to confirm</label>
              <input id="delete-confirm" name="confirm" required autocomplete="off" />
              <button type="submit" class="button">
                Delete my account
              </button>
            </form>
          </>
        ),
      });
    });

    app.post(
      '/account/delete',
      {
        schema: {
          hide: true,
          body: Type.Object({ csrf: Csrf, confirm: Type.Optional(Type.String({ maxLength: 50 })) }),
        },
      },
      async (request, reply) => {
        const session = ensureMemberCsrf(request, request.body.csrf);
        if (request.body.confirm?.trim().toUpperCase() !== 'DELETE') {
          return sendMemberPage(deps, request, reply, {
            title: 'Delete your account',
            path: '/account/delete',
            status: 400,
            children: (
              <Notice kind="error">
                Your account is still here: type DELETE to confirm.{' '}
                <a href="/account/delete">Try again</a>
              </Notice>
            ),
          });
        }
        await deps.members.deleteSelf(session.member.id);
        clearMemberCookies(reply, deps.secureCookies);
        return sendMemberPage(deps, request, reply, {
          title: 'Your account is deleted',
          path: '/account',
          children: <p>Everything we held about your account is gone. Thank you for reading.</p>,
        });
      },
    );
  };
}
