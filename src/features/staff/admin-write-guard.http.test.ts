import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';

const password = 'correct horse battery';

describeEachEngine('writes to the Admin API from a browser', (ctx) => {
  let t: TestApp;
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    await t.services.staff.createStaff(systemActor, {
      email: 'owner@news.test',
      name: 'Owner',
      role: 'owner',
      password,
    });
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { 'sec-fetch-site': 'same-origin' },
      payload: { email: 'owner@news.test', password },
    });
    expect(signedIn.statusCode).toBe(200);
    cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    csrfToken = signedIn.json<{ csrfToken: string }>().csrfToken;
  });
  afterAll(() => t.close());

  const staffCount = async () => (await t.services.staff.listStaff(systemActor)).length;
  const newAdministrator = (n: number) =>
    `email=admin${n}%40evil.test&name=Evil&role=administrator&password=aaaaaaaaaaaaaaaa`;

  it('needs the CSRF token however the Admin API path is spelled', async () => {
    const before = await staffCount();
    const spellings = ['/api/admin/staff', '/api/%61dmin/staff', '/api/admin/%73taff'];
    for (const [n, url] of spellings.entries()) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: newAdministrator(n),
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json<{ error: { code: string } }>().error.code, url).toBe('csrf_failed');
    }
    expect(await staffCount()).toBe(before);
  });

  it('refuses a sign-in posted from another site, so no one is signed in to an attacker’s account', async () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://news.test' },
      { origin: 'null' },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/admin/session',
        headers,
        payload: { email: 'owner@news.test', password },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('cross_site');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a cookie-authenticated write from another site even with the token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/%61dmin/staff',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        origin: 'https://evil.example',
        host: 'news.test',
      },
      payload: {
        email: 'x@evil.test',
        name: 'X',
        role: 'administrator',
        password: 'aaaaaaaaaaaaaaaa',
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('cross_site');
  });

  it('accepts a write from the CMS’s own origin with the token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: 'http://news.test' },
      payload: {
        email: 'desk@news.test',
        name: 'Desk',
        role: 'editor',
        password: 'aaaaaaaaaaaaaaaa',
      },
    });
    expect(response.statusCode).toBe(201);
  });

  it('leaves API tokens alone: they are not sent by browsers on their own', async () => {
    const { token } = await t.tokenFor('editor');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/tags',
      headers: { authorization: `Bearer ${token}`, origin: 'https://tools.example' },
      payload: { name: 'Weather' },
    });
    expect(response.statusCode).toBe(201);
  });
});
