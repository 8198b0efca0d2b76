import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { registerErrorHandler } from '../../platform/http/error-handler.js';
import { systemActor } from './actor.js';
import { adminWriteGuard, authPlugin } from './auth.plugin.js';
import {
  addTestStaff,
  createTestStaffServices,
  testPassword,
  type TestStaffServices,
} from './test-support/staff-test-services.js';
import { staffRoutes } from './staff.routes.js';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

async function buildTestApp(services: TestStaffServices) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, { openapi: { info: { title: 'test', version: '0' } } });
  registerErrorHandler(app, () => 'html');
  await app.register(authPlugin({ ...services, secureCookies: true }));
  await app.register(
    async (api) => {
      const guardWrite = adminWriteGuard({ siteUrl: 'https://news.test' });
      api.addHook('onRequest', async (request) => guardWrite(request));
      await api.register(staffRoutes({ ...services, secureCookies: true }));
    },
    { prefix: '/api/admin' },
  );
  await app.ready();
  return app;
}

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((item) => item.name === 'masthead_session');
  if (cookie === undefined) throw new Error('No session cookie was set.');
  return cookie.value;
}

describeEachEngine('staff Admin API', (ctx) => {
  let services: TestStaffServices;
  let app: TestApp;

  beforeAll(async () => {
    services = createTestStaffServices(ctx.handle.db);
    app = await buildTestApp(services);
  });
  afterAll(() => app.close());

  const signIn = async (role: 'administrator' | 'editor' = 'administrator') => {
    const { user, email } = await addTestStaff(services, role);
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ csrfToken: string }>();
    return { user, response, cookie: sessionCookieOf(response), csrfToken: body.csrfToken };
  };

  it('signs in with an HttpOnly, SameSite=Lax, Secure session cookie', async () => {
    const { user, response } = await signIn();
    const cookie = response.cookies.find((item) => item.name === 'masthead_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const body = response.json<{ user: Record<string, unknown>; csrfToken: string }>();
    expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'administrator' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('answers a wrong password with 401 invalid_credentials', async () => {
    const { email } = await addTestStaff(services, 'author');
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_credentials',
        message: "That email and password don't match a staff account.",
        fields: [],
      },
    });
    expect(response.cookies).toEqual([]);
  });

  it('shows the signed-in staff user, and 401 to someone not signed in', async () => {
    const { user, cookie, csrfToken } = await signIn('editor');
    const mine = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      cookies: { masthead_session: cookie },
    });
    expect(mine.json()).toMatchObject({ user: { id: user.id }, csrfToken });
    const nobody = await app.inject({ method: 'GET', url: '/api/admin/session' });
    expect(nobody.statusCode).toBe(401);
    expect(nobody.json()).toMatchObject({
      error: { code: 'unauthenticated', message: 'Sign in to continue.' },
    });
  });

  it('refuses a cookie-authenticated change without the CSRF token and accepts it with one', async () => {
    const { cookie, csrfToken } = await signIn();
    const request = {
      method: 'POST' as const,
      url: '/api/admin/tokens',
      cookies: { masthead_session: cookie },
      payload: { name: 'CSRF check', role: 'editor' },
    };
    const without = await app.inject(request);
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const wrong = await app.inject({ ...request, headers: { 'x-csrf-token': 'guessed' } });
    expect(wrong.statusCode).toBe(403);
    const withToken = await app.inject({ ...request, headers: { 'x-csrf-token': csrfToken } });
    expect(withToken.statusCode).toBe(201);
  });

  it('accepts a bearer token without any CSRF token', async () => {
    const { token } = await services.tokens.createToken(systemActor, {
      name: 'Importer',
      role: 'administrator',
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: `Bearer ${token}` },
      payload: { email: 'bearer-made@example.com', name: 'Bearer Made', role: 'author' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Bearer Made', slug: 'bearer-made' });
  });

  it('refuses an invalid bearer token instead of falling back to the session cookie', async () => {
    const { cookie } = await signIn();
    const response = await app.inject({
      method: 'GET',
      url: '/api/admin/staff',
      headers: { authorization: 'Bearer mh_not-a-real-token' },
      cookies: { masthead_session: cookie },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers the 11th sign-in attempt within a minute with 429', async () => {
    const { email } = await addTestStaff(services, 'author');
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/admin/session',
        payload: { email, password: 'guessing again' },
      });
    for (let n = 1; n <= 10; n += 1) expect((await attempt()).statusCode).toBe(401);
    const eleventh = await attempt();
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(eleventh.headers['retry-after']).toBeDefined();
    const { email: colleague } = await addTestStaff(services, 'author');
    const other = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email: colleague, password: testPassword },
    });
    expect(other.statusCode).toBe(200);
  });

  it('signs out: the cookie is cleared and no longer works', async () => {
    const { cookie, csrfToken } = await signIn('editor');
    const response = await app.inject({
      method: 'DELETE',
      url: '/api/admin/session',
      cookies: { masthead_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(sessionCookieOf(response)).toBe('');
    const after = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      cookies: { masthead_session: cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('lists, shows and changes staff without ever sending a password hash', async () => {
    const { cookie, csrfToken } = await signIn();
    const { user } = await addTestStaff(services, 'contributor');
    const list = await app.inject({
      method: 'GET',
      url: '/api/admin/staff',
      cookies: { masthead_session: cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('argon2');
    expect(list.json<{ staff: { id: string }[] }>().staff.map((s) => s.id)).toContain(user.id);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${user.id}`,
      cookies: { masthead_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
      payload: { jobTitle: 'Night editor', role: 'editor', photoMediaId: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ jobTitle: 'Night editor', role: 'editor' });
    const one = await app.inject({
      method: 'GET',
      url: `/api/admin/staff/${user.id}`,
      cookies: { masthead_session: cookie },
    });
    expect(one.json()).toMatchObject({ id: user.id, role: 'editor', photoMediaId: null });
  });

  it('does not let an editor add staff', async () => {
    const { cookie, csrfToken } = await signIn('editor');
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      cookies: { masthead_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
      payload: { email: 'nope@example.com', name: 'Nope', role: 'contributor' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('names the fields a request got wrong', async () => {
    const { cookie, csrfToken } = await signIn();
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      cookies: { masthead_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
      payload: { email: 'someone@example.com', name: 'Someone', role: 'emperor' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('shows a new token once; revoking it makes bearer requests fail', async () => {
    const { cookie, csrfToken } = await signIn();
    const auth = { cookies: { masthead_session: cookie }, headers: { 'x-csrf-token': csrfToken } };
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      ...auth,
      payload: { name: 'Shown once', role: 'editor' },
    });
    const { token, record } = created.json<{ token: string; record: { id: string } }>();
    expect(token).toMatch(/^mh_/);
    const list = await app.inject({ method: 'GET', url: '/api/admin/tokens', ...auth });
    expect(list.body).toContain(record.id);
    expect(list.body).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const before = await app.inject({ method: 'GET', url: '/api/admin/staff', headers: bearer });
    expect(before.statusCode).toBe(200);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/admin/tokens/${record.id}`,
      ...auth,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/admin/staff', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('pages through the audit log, newest first', async () => {
    // The sign-in happens a second after everything else, so it is the newest entry.
    const { email } = await addTestStaff(services, 'administrator');
    services.clock.advance(1000);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: testPassword },
    });
    const cookie = sessionCookieOf(signedIn);
    const first = await app.inject({
      method: 'GET',
      url: '/api/admin/audit?limit=2',
      cookies: { masthead_session: cookie },
    });
    expect(first.statusCode).toBe(200);
    const page = first.json<{ entries: { id: string }[]; nextBefore: string | null }>();
    expect(page.entries).toHaveLength(2);
    expect(page.entries[0]).toMatchObject({
      action: 'staff.signed-in',
      details: { ip: '127.0.0.1', userAgent: 'lightMyRequest' },
    });
    expect(page.nextBefore).toBe(page.entries[1]?.id);
    const next = await app.inject({
      method: 'GET',
      url: `/api/admin/audit?limit=2&before=${page.nextBefore ?? ''}`,
      cookies: { masthead_session: cookie },
    });
    const ids = next.json<{ entries: { id: string }[] }>().entries.map((entry) => entry.id);
    expect(ids).not.toContain(page.entries[0]?.id);
  });

  it('describes every staff route in the OpenAPI document', () => {
    const document = JSON.parse(JSON.stringify(app.swagger())) as {
      paths: Record<
        string,
        Record<string, { tags?: string[]; summary?: string; responses: object }>
      >;
    };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(operations).toHaveLength(11);
    for (const operation of operations) {
      expect(operation.tags).toEqual(['staff']);
      expect(operation.summary).toBeTruthy();
      expect(Object.keys(operation.responses).some((status) => status.startsWith('2'))).toBe(true);
    }
  });
});
