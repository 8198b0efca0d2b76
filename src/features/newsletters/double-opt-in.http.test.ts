import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs } from '../../platform/mail/test-support/outbox-helpers.js';
import {
  startLocalSmtpServer,
  type LocalSmtpServer,
} from '../../platform/mail/test-support/local-smtp-server.js';
import type { Newsletter } from './newsletter.js';
import {
  formBody,
  formHeaders,
  makeNewsletter,
  subscriptionStatus,
} from './test-support/newsletter-fixtures.js';

describeEachEngine('double opt-in, preferences and one-click unsubscribe over SMTP', (ctx) => {
  let smtp: LocalSmtpServer;
  let t: TestApp;
  let daily: Newsletter;

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    t = await createTestApp(ctx.handle, { MASTHEAD_SMTP_URL: smtp.url });
    daily = await makeNewsletter(t, { name: 'Daily Briefing' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailTo = async (address: string): Promise<ParsedMail[]> => {
    const parsed = await Promise.all(smtp.received.map((raw) => simpleParser(raw)));
    return parsed.filter((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) =>
        to?.value.some((v) => v.address === address),
      ),
    );
  };
  const linkIn = (text: string, path: string): string => {
    const match = new RegExp(`http://news\\.test(${path}/[\\w.~-]+)`).exec(text);
    if (match?.[1] === undefined) throw new Error(`No ${path} link in:\n${text}`);
    return match[1];
  };
  const subscribe = (email: string, source = '/bridge-repairs') =>
    t.app.inject({
      method: 'POST',
      url: '/newsletters/subscribe',
      headers: formHeaders,
      payload: formBody({ email, newsletters: daily.id, source, website: '' }),
    });

  it('confirms only through the page’s POST, never by a plain GET of the e-mailed link', async () => {
    const email = `reader-${ctx.handle.engine}@example.com`;
    const answer = await subscribe(email);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain("We've sent you a confirmation e-mail");
    expect(await subscriptionStatus(t, email, daily.id)).toBe('pending');

    await drainJobs(t);
    const [confirmation] = await mailTo(email);
    expect(confirmation?.subject).toBe('Confirm your subscription to Daily Briefing');
    const confirmPath = linkIn(confirmation?.text ?? '', '/newsletters/confirm');
    expect(confirmation?.html).toContain(`href="http://news.test${confirmPath}"`);

    // What a link-checking mail scanner does: fetch the link, maybe twice.
    for (let i = 0; i < 2; i += 1) {
      const scanned = await t.app.inject({ method: 'GET', url: confirmPath });
      expect(scanned.statusCode).toBe(200);
      expect(scanned.body).toContain('Confirm my subscription');
      expect(scanned.headers['cache-control']).toBe('private, no-store');
    }
    expect(await subscriptionStatus(t, email, daily.id)).toBe('pending');

    const token = confirmPath.split('/').at(-1) ?? '';
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/newsletters/confirm',
      headers: formHeaders,
      payload: formBody({ token }),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Your subscription is confirmed');
    expect(await subscriptionStatus(t, email, daily.id)).toBe('confirmed');

    const consents = await t.services.database.db
      .selectFrom('newsletter_consents')
      .selectAll()
      .where('newsletter_id', '=', daily.id)
      .where('kind', '=', 'confirmed')
      .execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ source_page: '/bridge-repairs' });
    expect(consents[0]?.wording).toContain('confirmation e-mail');
    expect(consents[0]?.client_hash).toMatch(/^[\w-]{32}$/);

    await drainJobs(t);
    const welcome = (await mailTo(email)).find((mail) => mail.subject?.startsWith('Welcome'));
    expect(welcome?.subject).toBe('Welcome to Daily Briefing');
    expect(welcome?.from?.value[0]).toMatchObject({
      name: 'Kyiv Desk',
      address: 'newsroom@news.test',
    });

    // RFC 8058 and RFC 2369/2919 headers, well-formed.
    // Header lines as sent, unfolded (long ones are folded onto several lines, RFC 5322).
    const line = (key: string) =>
      String(welcome?.headerLines.find((h) => h.key === key)?.line).replace(/\r\n[ \t]+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const raw = line('list-unsubscribe');
    expect(raw).toMatch(
      /^List-Unsubscribe: <http:\/\/news\.test\/unsubscribe\/[\w.-]+>, <mailto:unsubscribe@news\.test\?subject=unsubscribe%20[\w.%-]+>$/,
    );
    expect(line('precedence')).toBe('Precedence: bulk');
    // Header names are case-insensitive; nodemailer writes this one as `List-ID`.
    expect(line('list-id').toLowerCase()).toBe(
      `list-id: "daily briefing" <${daily.slug}.news.test>`,
    );

    const preferencesPath = linkIn(welcome?.text ?? '', '/email/preferences');
    const preferences = await t.app.inject({ method: 'GET', url: preferencesPath });
    expect(preferences.statusCode).toBe(200);
    expect(preferences.body).toContain(email);
    expect(preferences.body).toMatch(new RegExp(`value="${daily.id}" checked`));

    // The mail program's one-click POST: no cookie, no page, nothing but the link.
    const oneClick = /<http:\/\/news\.test(\/unsubscribe\/[\w.-]+)>/.exec(raw)?.[1] ?? '';
    const unsubscribed = await t.app.inject({
      method: 'POST',
      url: oneClick,
      headers: formHeaders,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect(await subscriptionStatus(t, email, daily.id)).toBe('unsubscribed');
  });

  it('answers an already subscribed address exactly as a new one, and mails it nothing', async () => {
    const email = `again-${ctx.handle.engine}@example.com`;
    await subscribe(email);
    await drainJobs(t);
    const [confirmation] = await mailTo(email);
    const token =
      linkIn(confirmation?.text ?? '', '/newsletters/confirm')
        .split('/')
        .at(-1) ?? '';
    await t.app.inject({
      method: 'POST',
      url: '/newsletters/confirm',
      headers: formHeaders,
      payload: formBody({ token }),
    });
    await drainJobs(t);
    const before = (await mailTo(email)).length;

    const fresh = await subscribe(`new-${ctx.handle.engine}@example.com`);
    const repeated = await subscribe(email);
    expect(repeated.statusCode).toBe(fresh.statusCode);
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
    expect(main(repeated.body)).toBe(main(fresh.body));
    await drainJobs(t);
    expect(await mailTo(email)).toHaveLength(before);
  });

  it('lets a confirmation link lapse after 7 days, and forgets the pending sign-up', async () => {
    const email = `late-${ctx.handle.engine}@example.com`;
    await subscribe(email);
    await drainJobs(t);
    const [confirmation] = await mailTo(email);
    const confirmPath = linkIn(confirmation?.text ?? '', '/newsletters/confirm');
    t.clock.advance(7 * 24 * 3600_000 + 1);
    const late = await t.app.inject({ method: 'GET', url: confirmPath });
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('has expired');
    const posted = await t.app.inject({
      method: 'POST',
      url: '/newsletters/confirm',
      headers: formHeaders,
      payload: formBody({ token: confirmPath.split('/').at(-1) ?? '' }),
    });
    expect(posted.statusCode).toBe(410);
    await t.services.newsletters.subscriptions.forgetExpiredSignups();
    expect(await subscriptionStatus(t, email, daily.id)).toBeNull();
  });

  it('shows a page with a button for a GET of the unsubscribe link, and refuses a forged one', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/unsubscribe/anything' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('>Unsubscribe</button>');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/unsubscribe/5a1c3b9e-2f7d-4c1a-9f3e-1d2c3b4a5e6f.all.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      headers: formHeaders,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(forged.statusCode).toBe(404);
  });
});
