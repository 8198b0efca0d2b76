import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';
import {
  drainJobs,
  linkTokenIn,
  readOutbox,
} from '../../platform/mail/test-support/outbox-helpers.js';

interface InvitationJson {
  id: string;
  email: string;
  role: string;
  expires_at: string;
}

describeEachEngine('invitations to join the staff', (ctx) => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    editor = (await t.tokenFor('editor')).token;
  });
  afterAll(() => t.close());

  const api = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    token: string | null,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  /** Invites a new address as `role` and returns the invitation and its e-mailed token. */
  const invite = async (role = 'author', by = admin) => {
    counter += 1;
    const email = `new-${counter}-${ctx.handle.engine}@news.test`;
    const created = await api('POST', '/api/admin/invitations', by, {
      email,
      role,
      name: 'Olena',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { invitation } = created.json<{ invitation: InvitationJson }>();
    await drainJobs(t);
    const message = (await readOutbox(t, admin)).find((m) => m.to === email);
    if (message === undefined) throw new Error('No invitation e-mail arrived.');
    return { email, invitation, message, token: linkTokenIn(message.text, 'invite') };
  };

  const accept = (token: string, name = 'Olena Koval') =>
    api('POST', `/api/admin/invitations/${token}/accept`, null, {
      name,
      password: 'a long enough password',
    });

  it('e-mails the invited address a link that shows what it offers', async () => {
    const { email, invitation, message, token } = await invite('editor');
    expect(invitation).toMatchObject({ email, role: 'editor' });
    expect(Date.parse(invitation.expires_at) - t.clock.now().getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(message.text).toContain('as an editor');
    const offer = await api('GET', `/api/admin/invitations/${token}`, null);
    expect(offer.json()).toEqual({ email, role: 'editor', name: 'Olena' });
  });

  it('creates the account on acceptance and signs the person in with a session cookie', async () => {
    const { email, token } = await invite();
    const accepted = await accept(token);
    expect(accepted.statusCode, accepted.body).toBe(201);
    const body = accepted.json<{ user: { email: string; role: string }; csrfToken: string }>();
    expect(body.user).toMatchObject({ email, role: 'author' });
    const cookie = accepted.cookies.find((c) => c.name === 'masthead_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/admin/session',
      cookies: { masthead_session: cookie?.value ?? '' },
    });
    expect(session.json()).toMatchObject({ user: { email }, csrfToken: body.csrfToken });
  });

  it('can be accepted only once', async () => {
    const { token } = await invite();
    expect((await accept(token)).statusCode).toBe(201);
    const again = await accept(token, 'Someone Else');
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: { code: 'token_used' } });
    expect(again.cookies).toEqual([]);
  });

  it('expires after seven days', async () => {
    const { token } = await invite();
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    const late = await accept(token);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ error: { code: 'token_expired' } });
  });

  it('lists pending invitations, and a withdrawn one stops working', async () => {
    const { invitation, token } = await invite();
    const pending = await api('GET', '/api/admin/invitations', admin);
    const ids = pending.json<{ invitations: InvitationJson[] }>().invitations.map((i) => i.id);
    expect(ids).toContain(invitation.id);
    expect((await api('DELETE', `/api/admin/invitations/${invitation.id}`, admin)).statusCode).toBe(
      204,
    );
    const after = await api('GET', '/api/admin/invitations', admin);
    expect(
      after.json<{ invitations: InvitationJson[] }>().invitations.map((i) => i.id),
    ).not.toContain(invitation.id);
    expect((await accept(token)).statusCode).toBe(404);
  });

  it('lets only administrators invite, and nobody above their own role', async () => {
    const byEditor = await api('POST', '/api/admin/invitations', editor, {
      email: 'by-editor@news.test',
      role: 'contributor',
    });
    expect(byEditor.statusCode).toBe(403);
    const owner = await api('POST', '/api/admin/invitations', admin, {
      email: 'would-be-owner@news.test',
      role: 'owner',
    });
    expect(owner.statusCode).toBe(403);
    expect(owner.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('stands only while the inviter may still grant its role', async () => {
    const suspended = await t.tokenFor('administrator');
    const demoted = await t.tokenFor('administrator');
    const revoked = await t.tokenFor('administrator');
    const steady = await t.tokenFor('administrator');
    const invitations = [
      await invite('editor', suspended.token),
      await invite('administrator', demoted.token),
      await invite('author', revoked.token),
    ];
    const kept = await invite('administrator', steady.token);

    await t.services.staff.suspend(systemActor, suspended.userId);
    await t.services.staff.changeRole(systemActor, demoted.userId, 'editor');
    const revokedToken = (await t.services.tokens.listTokens(systemActor)).find(
      (token) => token.userId === revoked.userId,
    );
    await t.services.tokens.revokeToken(systemActor, revokedToken?.id ?? '');

    for (const { email, token } of invitations) {
      const offer = await api('GET', `/api/admin/invitations/${token}`, null);
      expect(offer.statusCode).toBe(410);
      const accepted = await accept(token);
      expect(accepted.statusCode).toBe(410);
      const { error } = accepted.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('gone');
      expect(error.message).toMatch(/no longer.*invite you again/);
      expect(accepted.cookies).toEqual([]);
      expect(await t.services.staff.findStaffByEmail(email)).toBeNull();
    }
    const welcomed = await accept(kept.token);
    expect(welcomed.statusCode).toBe(201);
    expect(welcomed.json()).toMatchObject({ user: { role: 'administrator' } });
  });

  it('refuses to invite an address that already has a staff account', async () => {
    const { email, token } = await invite();
    await accept(token);
    const again = await api('POST', '/api/admin/invitations', admin, { email, role: 'author' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { fields: [{ field: 'email' }] } });
  });
});
