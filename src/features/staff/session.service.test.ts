import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { PasswordHasher } from './password.js';
import { toSecretHash } from './secret-hash.js';
import { sessionLifetimeMs } from './session.service.js';
import {
  addTestStaff,
  createTestStaffServices,
  testPassword,
  uniqueEmail,
} from './test-support/staff-test-services.js';

describeEachEngine('session service', (ctx) => {
  it('signs in with the right password and knows the person from the cookie', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user, email } = await addTestStaff(services, 'editor');
    const signedIn = await services.sessions.signIn(email.toUpperCase(), testPassword);
    expect(signedIn.user).toEqual(user);
    expect(signedIn.cookieValue).toMatch(/^[\w-]{43}$/);
    const resolved = await services.sessions.resolveSession(signedIn.cookieValue);
    expect(resolved).toEqual({
      actor: {
        id: `user:${user.id}`,
        kind: 'user',
        userId: user.id,
        name: user.name,
        role: 'editor',
      },
      csrfToken: signedIn.csrfToken,
      user,
      idHash: toSecretHash(signedIn.cookieValue),
    });
  });

  it('stores only a hash of the cookie value', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user, email } = await addTestStaff(services, 'author');
    const { cookieValue } = await services.sessions.signIn(email, testPassword);
    const rows = await ctx.handle.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows.map((row) => row.id_hash)).toEqual([toSecretHash(cookieValue)]);
    expect(JSON.stringify(rows)).not.toContain(cookieValue);
  });

  it('refuses a wrong password with a message that does not say which part was wrong', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { email } = await addTestStaff(services, 'author');
    await expect(services.sessions.signIn(email, 'wrong password!')).rejects.toMatchObject({
      code: 'invalid_credentials',
      status: 401,
      message: "That email and password don't match a staff account.",
    });
  });

  it('refuses an unknown email with the same error after checking a password all the same', async () => {
    let checks = 0;
    const real = createTestStaffServices(ctx.handle.db).passwords;
    const counting: PasswordHasher = {
      ...real,
      verifyNothing: (password) => {
        checks += 1;
        return real.verifyNothing(password);
      },
    };
    const services = createTestStaffServices(ctx.handle.db, { passwords: counting });
    await expect(services.sessions.signIn(uniqueEmail(), testPassword)).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: "That email and password don't match a staff account.",
    });
    expect(checks).toBe(1);
  });

  it('refuses staff who have no password yet', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    const email = uniqueEmail();
    await services.staff.createStaff(actor, { email, name: 'Byline Only', role: 'author' });
    await expect(services.sessions.signIn(email, '')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('ends the session on sign-out', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { email } = await addTestStaff(services, 'author');
    const { cookieValue } = await services.sessions.signIn(email, testPassword);
    await services.sessions.signOut(cookieValue);
    expect(await services.sessions.resolveSession(cookieValue)).toBeNull();
    await expect(services.sessions.signOut(cookieValue)).resolves.toBeUndefined();
  });

  it('lets a session lapse 14 days after sign-in, however busy', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { email } = await addTestStaff(services, 'author');
    const { cookieValue, expiresAt } = await services.sessions.signIn(email, testPassword);
    expect(expiresAt.getTime() - services.clock.now().getTime()).toBe(sessionLifetimeMs);
    services.clock.advance(sessionLifetimeMs - 1000);
    expect(await services.sessions.resolveSession(cookieValue)).not.toBeNull();
    services.clock.advance(1000);
    expect(await services.sessions.resolveSession(cookieValue)).toBeNull();
  });

  it('knows nothing of a cookie it never issued', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    expect(await services.sessions.resolveSession('made-up-cookie')).toBeNull();
  });

  it('records each sign-in in the audit log', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user, email } = await addTestStaff(services, 'author');
    await services.sessions.signIn(email, testPassword, { ip: '203.0.113.9', userAgent: 'Test' });
    const row = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', user.id)
      .where('action', '=', 'staff.signed-in')
      .executeTakeFirstOrThrow();
    expect(row.actor).toBe(`user:${user.id}`);
    expect(JSON.parse(row.details)).toEqual({ ip: '203.0.113.9', userAgent: 'Test' });
  });
});
