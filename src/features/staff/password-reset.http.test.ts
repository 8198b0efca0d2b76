import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import {
  drainJobs,
  linkTokenIn,
  readOutbox,
} from '../../platform/mail/test-support/outbox-helpers.js';
import { toSecretHash } from './secret-hash.js';

const oldPassword = 'correct horse battery';
const newPassword = 'a brand new passphrase';

describeEachEngine('password reset by e-mail', (ctx) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, ip = '203.0.113.1') =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip } });

  const signIn = (email: string, password: string) =>
    post('/api/admin/session', { email, password });

  const cookieOf = (response: LightMyRequestResponse): string =>
    response.cookies.find((c) => c.name === 'masthead_session')?.value ?? '';

  /** A new author, and the token of the reset link e-mailed to them. */
  const requestLink = async () => {
    const { userId } = await t.tokenFor('author');
    const { email } = await t.services.staff.getStaff(userId);
    const asked = await post('/api/admin/password-resets', { email: email.toUpperCase() });
    expect(asked.statusCode).toBe(202);
    await drainJobs(t);
    const message = (await readOutbox(t, admin)).find((m) => m.to === email);
    if (message === undefined) throw new Error('No reset e-mail arrived.');
    return { email, userId, message, token: linkTokenIn(message.text, 'reset') };
  };

  it('e-mails a link that sets a new password, after which only the new one signs in', async () => {
    const { email, message, token } = await requestLink();
    expect(message.subject).toBe('Reset your Masthead password');
    expect(message.html).toContain(`href="http://news.test/admin/reset/${token}"`);

    const check = await t.app.inject({ method: 'GET', url: `/api/admin/password-resets/${token}` });
    expect(check.json()).toMatchObject({ email });

    const reset = await post(`/api/admin/password-resets/${token}`, { password: newPassword });
    expect(reset.statusCode).toBe(204);
    expect((await signIn(email, newPassword)).statusCode).toBe(200);
    expect((await signIn(email, oldPassword)).statusCode).toBe(401);
  });

  it('signs the person out of the sessions they had before the reset', async () => {
    const { email, token } = await requestLink();
    const before = cookieOf(await signIn(email, oldPassword));
    await post(`/api/admin/password-resets/${token}`, { password: newPassword });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/admin/session',
      cookies: { masthead_session: before },
    });
    expect(session.statusCode).toBe(401);
  });

  it('refuses a link the second time with token_used', async () => {
    const { token } = await requestLink();
    await post(`/api/admin/password-resets/${token}`, { password: newPassword });
    const again = await post(`/api/admin/password-resets/${token}`, {
      password: 'yet another passphrase',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: { code: 'token_used' } });
  });

  it('refuses a link after an hour with token_expired and keeps the old password', async () => {
    const { email, token } = await requestLink();
    t.clock.advance(61 * 60 * 1000);
    const late = await post(`/api/admin/password-resets/${token}`, { password: newPassword });
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ error: { code: 'token_expired' } });
    expect((await signIn(email, oldPassword)).statusCode).toBe(200);
  });

  it('refuses a made-up link with not_found and a too-short password with the field named', async () => {
    const made = await post('/api/admin/password-resets/not-a-real-token', {
      password: newPassword,
    });
    expect(made.statusCode).toBe(404);
    const { token } = await requestLink();
    const short = await post(`/api/admin/password-resets/${token}`, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { fields: [{ field: 'password' }] } });
  });

  it('answers 202 for an address with no staff account and e-mails nobody', async () => {
    const before = (await readOutbox(t, admin)).length;
    const asked = await post('/api/admin/password-resets', { email: 'nobody-here@news.test' });
    expect(asked.statusCode).toBe(202);
    await drainJobs(t);
    const after = await readOutbox(t, admin);
    expect(after).toHaveLength(before);
    expect(after.some((m) => m.to === 'nobody-here@news.test')).toBe(false);
  });

  it('keeps only a hash of the token in the database, in no job and no reset row', async () => {
    const { userId, token } = await requestLink();
    const { db } = ctx.handle;
    const jobs = await db.selectFrom('jobs').select('payload').execute();
    expect(jobs.some((job) => job.payload.includes(token))).toBe(false);
    const rows = await db
      .selectFrom('staff_password_resets')
      .select('token_hash')
      .where('user_id', '=', userId)
      .execute();
    expect(rows.map((row) => row.token_hash)).toEqual([toSecretHash(token)]);
  });

  it('limits reset requests for one address to five an hour', async () => {
    const email = 'limited@news.test';
    const answers: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(
        (await post('/api/admin/password-resets', { email }, `198.51.100.${i}`)).statusCode,
      );
    }
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('writes the request and the reset to the audit log', async () => {
    const { userId, token } = await requestLink();
    await post(`/api/admin/password-resets/${token}`, { password: newPassword });
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?limit=200',
      headers: { authorization: `Bearer ${admin}` },
    });
    const actions = audit
      .json<{ entries: { action: string; subject: { id: string } }[] }>()
      .entries.filter((entry) => entry.subject.id === userId)
      .map((entry) => entry.action);
    expect(actions).toContain('staff.password-reset-requested');
    expect(actions).toContain('staff.password-reset');
  });
});
