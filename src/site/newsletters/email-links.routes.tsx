import { Type } from 'typebox';
import type {
  Preferences,
  SubscriptionService,
} from '../../features/newsletters/subscription.service.js';
import { newsletterPaths } from '../../features/newsletters/list-headers.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { SitePagesDeps } from '../site-pages.js';
import { LinkButtonForm, Notice } from '../members/member-pages.js';
import { sendNewsletterPage } from './send-newsletter-page.js';

export interface EmailLinkRoutesDeps extends SitePagesDeps {
  readonly subscriptions: SubscriptionService;
}

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
const TokenForm = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
const PreferencesForm = Type.Object({
  action: Type.Union([
    Type.Literal('save'),
    Type.Literal('change-address'),
    Type.Literal('unsubscribe-all'),
  ]),
  newsletters: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
    ]),
  ),
  email: Type.Optional(Type.String({ maxLength: 320 })),
});

const confirmProblems = {
  used: { status: 410, text: 'This subscription is already confirmed. Thank you!' },
  expired: {
    status: 410,
    text: 'This confirmation link has expired: links work for 7 days. Subscribe again to get a new one.',
  },
  unknown: {
    status: 404,
    text: 'This confirmation link is not valid. Check that you copied all of it, or subscribe again.',
  },
} as const;

function PreferencesView({
  token,
  preferences,
  notice,
}: {
  token: string;
  preferences: Preferences;
  notice: string | null;
}) {
  const action = newsletterPaths.preferences(token);
  const subscribed = preferences.newsletters.filter((n) => n.status === 'confirmed');
  return (
    <>
      {notice !== null && <Notice kind="ok">{notice}</Notice>}
      <p>
        Newsletters for <strong>{preferences.email}</strong>.
      </p>
      <form class="form" method="post" action={action}>
        <fieldset class="newsletter-choice">
          <legend>Send me</legend>
          {preferences.newsletters.map(({ newsletter, status }) => (
            <div class="newsletter-option" key={newsletter.id}>
              <input
                type="checkbox"
                id={`pref-${newsletter.id}`}
                name="newsletters"
                value={newsletter.id}
                checked={status === 'confirmed'}
              />
              <label for={`pref-${newsletter.id}`}>
                {newsletter.name}
                {newsletter.cadence !== '' && (
                  <span class="newsletter-cadence"> · {newsletter.cadence}</span>
                )}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button" name="action" value="save">
          Save my choices
        </button>
      </form>
      <form class="form" method="post" action={action}>
        <label for="pref-email">New e-mail address</label>
        <input
          id="pref-email"
          type="email"
          name="email"
          autocomplete="email"
          required
          maxLength={254}
        />
        <button type="submit" class="button" name="action" value="change-address">
          Change my address
        </button>
      </form>
      {subscribed.length > 0 && (
        <form class="form" method="post" action={action}>
          <button type="submit" class="button" name="action" value="unsubscribe-all">
            Unsubscribe from all
          </button>
        </form>
      )}
    </>
  );
}

/** The pages e-mail links open: confirming, the preference centre, and unsubscribing. */
export function emailLinkRoutes(deps: EmailLinkRoutesDeps) {
  const { subscriptions } = deps;
  return async (app: AppInstance): Promise<void> => {
    // RFC 8058 lets a mail program post its one-click body as multipart/form-data too.
    if (!app.hasContentTypeParser('multipart/form-data')) {
      app.addContentTypeParser(
        'multipart/form-data',
        { bodyLimit: 10_000 },
        (_request, payload, done) => {
          payload.resume();
          payload.on('end', () => done(null, {}));
          payload.on('error', (error) => done(error, undefined));
        },
      );
    }
    const perClient = app.createRateLimit({ max: 30, timeWindow: 15 * 60 * 1000 });
    const limit = async (request: Parameters<typeof perClient>[0]) => {
      const client = await perClient(request);
      if (!client.isAllowed && client.isExceeded) {
        throw new AppError(
          'rate_limited',
          'Too many requests from here. Please wait a few minutes.',
        );
      }
    };

    // A GET only shows a button: link scanners that open every link confirm nothing.
    app.get(
      '/newsletters/confirm/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const state = await subscriptions.inspectConfirmation(request.params.token);
        const problem = state === 'ready' ? null : confirmProblems[state];
        return sendNewsletterPage(deps, request, reply, {
          title: 'Confirm your subscription',
          path: '/newsletters',
          status: problem?.status ?? 200,
          children:
            problem === null ? (
              <>
                <p>One more step: press the button to confirm your subscription.</p>
                <LinkButtonForm
                  action="/newsletters/confirm"
                  token={request.params.token}
                  label="Confirm my subscription"
                />
              </>
            ) : (
              <>
                <Notice kind={state === 'used' ? 'ok' : 'error'}>{problem.text}</Notice>
                <p>
                  <a href="/newsletters">Our newsletters</a>
                </p>
              </>
            ),
        });
      },
    );

    app.post(
      '/newsletters/confirm',
      { schema: { hide: true, body: TokenForm } },
      async (request, reply) => {
        await limit(request);
        const { preferencesToken } = await subscriptions.confirm(request.body.token);
        return sendNewsletterPage(deps, request, reply, {
          title: 'You are subscribed',
          path: '/newsletters',
          children: (
            <>
              <Notice kind="ok">
                Thank you! Your subscription is confirmed. A short welcome e-mail is on its way.
              </Notice>
              <p>
                <a href={newsletterPaths.preferences(preferencesToken)}>Manage your newsletters</a>
              </p>
            </>
          ),
        });
      },
    );

    app.get(
      '/email/preferences/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const preferences = await subscriptions.getPreferences(request.params.token);
        return sendNewsletterPage(deps, request, reply, {
          title: 'Your newsletters',
          path: '/newsletters',
          children: (
            <PreferencesView token={request.params.token} preferences={preferences} notice={null} />
          ),
        });
      },
    );

    app.post(
      '/email/preferences/:token',
      { schema: { hide: true, params: TokenParams, body: PreferencesForm } },
      async (request, reply) => {
        await limit(request);
        const { token } = request.params;
        const body = request.body;
        let notice: string;
        let status = 200;
        try {
          if (body.action === 'save') {
            const listed = body.newsletters;
            await subscriptions.updatePreferences(
              token,
              listed === undefined ? [] : Array.isArray(listed) ? listed : [listed],
            );
            notice = 'Your choices are saved.';
          } else if (body.action === 'unsubscribe-all') {
            await subscriptions.unsubscribeAllByPreferences(token);
            notice = 'You are unsubscribed from every newsletter. You will get no more of them.';
          } else {
            await subscriptions.requestAddressChange(token, body.email ?? '', request.ip);
            notice =
              'We have sent a confirmation e-mail to the new address. The change is made once you confirm it there.';
          }
        } catch (error) {
          if (!isAppError(error) || error.code !== 'validation_failed') throw error;
          notice = error.fields[0]?.message ?? error.message;
          status = 400;
        }
        const preferences = await subscriptions.getPreferences(token);
        return sendNewsletterPage(deps, request, reply, {
          title: 'Your newsletters',
          path: '/newsletters',
          status,
          children: <PreferencesView token={token} preferences={preferences} notice={notice} />,
        });
      },
    );

    app.get(
      '/unsubscribe/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        return sendNewsletterPage(deps, request, reply, {
          title: 'Unsubscribe',
          path: '/newsletters',
          children: (
            <>
              <p>Press the button to stop receiving this newsletter.</p>
              <form
                class="form"
                method="post"
                action={newsletterPaths.unsubscribe(request.params.token)}
              >
                <button type="submit" class="button">
                  Unsubscribe
                </button>
              </form>
            </>
          ),
        });
      },
    );

    // RFC 8058: mail programs POST `List-Unsubscribe=One-Click` here with no cookie; the
    // signed link alone decides. People pressing the button above land here too.
    app.post(
      '/unsubscribe/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        await limit(request);
        const { preferencesToken } = await subscriptions.unsubscribe(request.params.token);
        return sendNewsletterPage(deps, request, reply, {
          title: 'You are unsubscribed',
          path: '/newsletters',
          children: (
            <>
              <Notice kind="ok">
                You are unsubscribed. You will get no more of this newsletter.
              </Notice>
              <p>
                Changed your mind, or want to stop others too?{' '}
                <a href={newsletterPaths.preferences(preferencesToken)}>Manage your newsletters</a>
              </p>
            </>
          ),
        });
      },
    );
  };
}
