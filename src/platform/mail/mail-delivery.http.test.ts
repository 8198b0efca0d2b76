import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs, linkTokenIn, readOutbox } from './test-support/outbox-helpers.js';
import { startLocalSmtpServer, type LocalSmtpServer } from './test-support/local-smtp-server.js';

describeEachEngine('e-mail through the job queue, by SMTP or into the outbox', (ctx) => {
  let smtp: LocalSmtpServer;
  let viaSmtp: TestApp;
  let viaOutbox: TestApp;

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    viaSmtp = await createTestApp(ctx.handle, { MASTHEAD_SMTP_URL: smtp.url });
    viaOutbox = await createTestApp(ctx.handle);
  });
  afterAll(async () => {
    await viaSmtp.close();
    await viaOutbox.close();
    await smtp.close();
  });

  const invite = async (t: TestApp, token: string, email: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { authorization: `Bearer ${token}` },
      payload: { email, role: 'contributor' },
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('hands an invitation to the SMTP server only when the job runs, with a working link', async () => {
    const { token } = await viaSmtp.tokenFor('administrator');
    const email = `smtp-${ctx.handle.engine}@news.test`;
    await invite(viaSmtp, token, email);
    expect(smtp.received).toHaveLength(0);
    await drainJobs(viaSmtp);
    const raw = smtp.received.find((message) => message.toString('utf8').includes(email));
    const parsed = await simpleParser(raw ?? Buffer.alloc(0));
    expect(parsed.subject).toMatch(/ invited you to Masthead$/);
    expect(parsed.to).toMatchObject({ value: [{ address: email }] });
    expect(parsed.from).toMatchObject({
      value: [{ name: 'Masthead', address: 'newsroom@news.test' }],
    });
    const link = linkTokenIn(parsed.text ?? '', 'invite');
    expect(parsed.html).toContain(`href="http://news.test/admin/invite/${link}"`);
    const accepted = await viaSmtp.app.inject({
      method: 'POST',
      url: `/api/admin/invitations/${link}/accept`,
      payload: { name: 'Smtp Person', password: 'a long enough password' },
    });
    expect(accepted.statusCode).toBe(201);

    const outbox = await viaSmtp.app.inject({
      method: 'GET',
      url: '/api/admin/outbox',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(outbox.json()).toEqual({ transport: 'smtp', messages: [] });
  });

  it('keeps mail in the outbox by default, readable by administrators only', async () => {
    const admin = (await viaOutbox.tokenFor('administrator')).token;
    const email = `outbox-${ctx.handle.engine}@news.test`;
    await invite(viaOutbox, admin, email);
    await drainJobs(viaOutbox);
    const [newest] = await readOutbox(viaOutbox, admin);
    expect(newest).toMatchObject({ to: email, created_at: viaOutbox.clock.now().toISOString() });
    expect(newest?.html).toContain('Accept the invitation');

    for (const role of ['editor', 'contributor'] as const) {
      const { token } = await viaOutbox.tokenFor(role);
      const refused = await viaOutbox.app.inject({
        method: 'GET',
        url: '/api/admin/outbox',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.statusCode).toBe(403);
    }
  });
});
