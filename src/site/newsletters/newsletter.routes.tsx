import type { FastifyReply, FastifyRequest } from 'fastify';
import { readerEntitlement } from '../../features/members/member-auth.plugin.js';
import type { Newsletter } from '../../features/newsletters/newsletter.js';
import { canSubscribe } from '../../features/newsletters/newsletter.js';
import type { NewsletterService } from '../../features/newsletters/newsletter.service.js';
import type { SubscriptionService } from '../../features/newsletters/subscription.service.js';
import { normaliseEmail } from '../../features/staff/email-address.js';
import { toSecretHash } from '../../features/staff/secret-hash.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { SiteAsset } from '../site-assets.js';
import type { SitePagesDeps } from '../site-pages.js';
import { ensureMemberCsrf } from '../members/member-csrf.js';
import { Notice } from '../members/member-pages.js';
import { sendNewsletterPage } from './send-newsletter-page.js';
import { SignupForm, signupSuccessText, type SignupFormProps } from './signup-form.js';
import { readSignupFields, type SignupFields } from './signup-request.js';

export interface NewsletterRoutesDeps extends SitePagesDeps {
  readonly newsletters: Pick<NewsletterService, 'listNewsletters' | 'findNewsletterBySlug'>;
  readonly subscriptions: Pick<SubscriptionService, 'subscribe'>;
  readonly island: SiteAsset;
}

/** Sign-ups per client address, and per e-mail address, in their windows. */
export const signupLimits = {
  perClient: { max: 10, timeWindow: 10 * 60 * 1000 },
  perAddress: { max: 3, timeWindow: 60 * 60 * 1000 },
} as const;

const tooMany = (): AppError =>
  new AppError(
    'rate_limited',
    'Too many sign-ups were sent from here. Please wait a few minutes and try again.',
  );

function addressKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? normaliseEmail(body.email.slice(0, 320)) : '';
  return `newsletter-address:${toSecretHash(email)}`;
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return (
    (accept.includes('application/json') && !accept.includes('text/html')) ||
    (request.headers['content-type'] ?? '').includes('application/json')
  );
}

/** `/newsletters`, `/newsletters/{slug}` and `POST /newsletters/subscribe`. */
export function newsletterRoutes(deps: NewsletterRoutesDeps) {
  const offered = async (request: FastifyRequest): Promise<Newsletter[]> => {
    const entitlement = readerEntitlement(request);
    return (await deps.newsletters.listNewsletters())
      .map((entry) => entry.newsletter)
      .filter((n) => n.status === 'active' && canSubscribe(n.audience, entitlement));
  };
  const memberOf = (request: FastifyRequest) =>
    request.memberSession === null
      ? null
      : { email: request.memberSession.member.email, csrf: request.memberSession.csrfToken };

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: Omit<SignupFormProps, 'newsletters' | 'idPrefix' | 'heading' | 'islandUrl'>,
    status: number,
  ) =>
    sendNewsletterPage(deps, request, reply, {
      title: 'Newsletters',
      path: '/newsletters',
      status,
      children: (
        <SignupForm
          {...form}
          newsletters={await offered(request)}
          idPrefix="signup"
          heading="Subscribe to our newsletters"
          islandUrl={deps.island.url}
        />
      ),
    });

  return async (app: AppInstance): Promise<void> => {
    const perClient = app.createRateLimit({ ...signupLimits.perClient });
    const perAddress = app.createRateLimit({
      ...signupLimits.perAddress,
      keyGenerator: addressKey,
    });

    app.get('/newsletters', { schema: { hide: true } }, async (request, reply) => {
      const all = (await deps.newsletters.listNewsletters())
        .map((e) => e.newsletter)
        .filter((n) => n.status === 'active');
      const open = await offered(request);
      return sendNewsletterPage(deps, request, reply, {
        title: 'Newsletters',
        path: '/newsletters',
        indexable: true,
        description: 'Our newsletters, and how to subscribe.',
        children: (
          <>
            <ul class="newsletter-list">
              {all.map((n) => (
                <li key={n.id}>
                  <h2>
                    <a href={`/newsletters/${n.slug}`}>{n.name}</a>
                  </h2>
                  <p>{n.description}</p>
                  <p class="newsletter-meta">
                    {[n.cadence, n.authorName === '' ? '' : `by ${n.authorName}`]
                      .filter((t) => t !== '')
                      .join(' · ')}
                    {!open.includes(n) && (
                      <>
                        {' '}
                        · For {n.audience === 'paying' ? 'paying members' : 'members'}:{' '}
                        <a href="/signin?next=/newsletters">sign in</a> to subscribe.
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            <SignupForm
              newsletters={open}
              idPrefix="signup"
              heading="Subscribe"
              sourcePage="/newsletters"
              member={memberOf(request)}
              islandUrl={deps.island.url}
            />
          </>
        ),
      });
    });

    app.get('/newsletters/:slug', { schema: { hide: true } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const newsletter = await deps.newsletters.findNewsletterBySlug(slug.slice(0, 200));
      if (newsletter === null || newsletter.status !== 'active') {
        throw new AppError('not_found', 'There is no newsletter at this address.');
      }
      const open = (await offered(request)).some((n) => n.id === newsletter.id);
      return sendNewsletterPage(deps, request, reply, {
        title: newsletter.name,
        path: `/newsletters/${newsletter.slug}`,
        indexable: true,
        description: newsletter.description,
        children: (
          <>
            <p class="standfirst">{newsletter.description}</p>
            <p class="newsletter-meta">
              {[
                newsletter.cadence,
                newsletter.authorName === '' ? '' : `by ${newsletter.authorName}`,
              ]
                .filter((t) => t !== '')
                .join(' · ')}
            </p>
            {open ? (
              <SignupForm
                newsletters={[newsletter]}
                idPrefix="signup"
                heading={`Subscribe to ${newsletter.name}`}
                sourcePage={`/newsletters/${newsletter.slug}`}
                member={memberOf(request)}
                islandUrl={deps.island.url}
              />
            ) : (
              <p>
                This newsletter is for{' '}
                {newsletter.audience === 'paying' ? 'paying members' : 'members'}.{' '}
                <a href={`/signin?next=/newsletters/${newsletter.slug}`}>Sign in</a> to subscribe.
              </p>
            )}
          </>
        ),
      });
    });

    app.post('/newsletters/subscribe', { schema: { hide: true } }, async (request, reply) => {
      const json = wantsJson(request);
      const [client, address] = await Promise.all([perClient(request), perAddress(request)]);
      if ((!client.isAllowed && client.isExceeded) || (!address.isAllowed && address.isExceeded))
        throw tooMany();
      const fields: SignupFields = readSignupFields(request.body);
      const success = (message: string) =>
        json
          ? reply.header('cache-control', 'no-store').send({ message })
          : sendNewsletterPage(deps, request, reply, {
              title: 'Thank you',
              path: '/newsletters',
              children: <Notice kind="ok">{message}</Notice>,
            });
      const failure = (
        status: number,
        error: { field: 'email' | 'newsletters'; message: string },
      ) =>
        json
          ? reply
              .status(status)
              .header('cache-control', 'no-store')
              .send({
                error: {
                  code: status === 403 ? 'forbidden' : 'validation_failed',
                  message: error.message,
                  fields: [error],
                },
              })
          : formPage(
              request,
              reply,
              {
                email: fields.email,
                chosen: fields.newsletters,
                error,
                sourcePage: fields.source,
                member: null,
              },
              status,
            );

      // A bot filled the field people never see: answer as for anyone, record nothing.
      if (fields.honeypot !== '') return success(signupSuccessText);
      if (fields.problem !== null) return failure(400, fields.problem);
      const session = request.memberSession;
      const oneClick = session !== null && fields.email === '';
      if (oneClick) ensureMemberCsrf(request, fields.csrf ?? undefined);
      try {
        await deps.subscriptions.subscribe({
          email: fields.email,
          newsletterIds: fields.newsletters,
          sourcePage: fields.source,
          ip: request.ip,
          member:
            session === null
              ? null
              : {
                  email: session.member.email,
                  entitlement:
                    readerEntitlement(request) === 'staff' ? 'staff' : session.entitlement,
                },
        });
      } catch (error) {
        if (
          !isAppError(error) ||
          (error.code !== 'validation_failed' && error.code !== 'forbidden')
        )
          throw error;
        const field = error.fields[0];
        return failure(error.status, {
          field: field?.field === 'newsletters' ? 'newsletters' : 'email',
          message:
            field?.field === 'newsletters' ? error.message : (field?.message ?? error.message),
        });
      }
      const own =
        session !== null &&
        (oneClick || normaliseEmail(fields.email) === normaliseEmail(session.member.email));
      return success(own ? 'Thank you! You are subscribed.' : signupSuccessText);
    });
  };
}
