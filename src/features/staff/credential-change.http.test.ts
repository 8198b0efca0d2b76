import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import {
  drainJobs,
  linkTokenIn,
  readOutbox,
} from '../../platform/mail/test-support/outbox-helpers.js';
import { systemActor } from './actor.js';
import { uniqueEmail } from './test-support/staff-test-services.js';

const password = 'correct horse battery staple';
const newPassword = 'a brand new long password';

interface ErrorJson {
  error: { code: string; fields: { field: string }[] };
}

describeEachEngine("changing one's own password or e-mail", (ctx) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
  });
  afterAll(() => t.close());

  const signIn = async (email: string, secret = password) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: secret },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'masthead_session')?.value ?? '';
    return { cookie, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  };

  const person = async () => {
    const email = uniqueEmail('writer');
    const user = await t.services.staff.createStaff(systemActor, {
      email,
      name: 'Mariia Writer',
      role: 'author',
      password,
    });
    return { user, email };
  };

  const change = (session: { cookie: string; csrfToken: string }, id: string, body: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${id}`,
      cookies: { masthead_session: session.cookie },
      headers: { 'x-csrf-token': session.csrfToken },
      payload: body,
    });

  const isSignedIn = async (session: { cookie: string }) =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/session',
        cookies: { masthead_session: session.cookie },
      })
    ).statusCode === 200;

  it('ends every other session when people change their own password, and keeps this one', async () => {
    const { user, email } = await person();
    const here = await signIn(email);
    const elsewhere = await signIn(email);

    const wrong = await change(here, user.id, {
      password: newPassword,
      currentPassword: 'not my password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorJson>().error.fields).toEqual([
      expect.objectContaining({ field: 'currentPassword' }),
    ]);
    expect(await isSignedIn(elsewhere)).toBe(true);

    const changed = await change(here, user.id, {
      password: newPassword,
      currentPassword: password,
    });
    expect(changed.statusCode).toBe(200);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    await signIn(email, newPassword);
  });

  it('asks for the current password to change the e-mail, and tells the old address', async () => {
    const { user, email } = await person();
    const session = await signIn(email);
    const newEmail = uniqueEmail('moved');

    for (const attempt of [{}, { currentPassword: 'a guess at it' }]) {
      const refused = await change(session, user.id, { email: newEmail, ...attempt });
      expect(refused.statusCode).toBe(400);
      const { error } = refused.json<ErrorJson>();
      expect(error.code).toBe('validation_failed');
      expect(error.fields.map((problem) => problem.field)).toEqual(['currentPassword']);
    }
    expect((await t.services.staff.getStaff(user.id)).email).toBe(email);

    const changed = await change(session, user.id, { email: newEmail, currentPassword: password });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ email: newEmail });

    await drainJobs(t);
    const outbox = await readOutbox(t, admin);
    const notice = outbox.find((message) => message.to === email);
    expect(notice?.subject).toMatch(/e-mail of your .* staff account was changed/);
    expect(notice?.text).toContain(newEmail);
    expect(outbox.some((message) => message.to === newEmail)).toBe(false);
  });

  it('lets an administrator change an e-mail without the person’s password, still telling them', async () => {
    const { user, email } = await person();
    const newEmail = uniqueEmail('renamed');
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${user.id}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { email: newEmail },
    });
    expect(changed.statusCode).toBe(200);
    await drainJobs(t);
    expect((await readOutbox(t, admin)).some((message) => message.to === email)).toBe(true);
  });

  it('makes an older reset link useless once the password has changed', async () => {
    const { user, email } = await person();
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email },
    });
    expect(asked.statusCode).toBe(202);
    await drainJobs(t);
    const resetEmail = (await readOutbox(t, admin)).find((message) => message.to === email);
    const link = linkTokenIn(resetEmail?.text ?? '', 'reset');

    const session = await signIn(email);
    expect(
      (await change(session, user.id, { password: newPassword, currentPassword: password }))
        .statusCode,
    ).toBe(200);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/admin/password-resets/${link}`,
      payload: { password: 'what the link would set' },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json<ErrorJson>().error.code).toBe('token_used');
  });
});
