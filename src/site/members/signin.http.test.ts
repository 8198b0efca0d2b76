import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { cookiesOf, signInTokenFor } from '../../features/members/test-support/member-sign-in.js';
import { systemActor } from '../../features/staff/actor.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';

describeEachEngine('magic-link sign-in for members', (ctx) => {
  let t: TestApp;
  let admin: string;
  let ip = 0;

  beforeAll(async () => {
    // Each test's client comes through a trusted proxy, with its own address.
    t = await createTestApp(ctx.handle, { MASTHEAD_TRUST_PROXY: 'loopback' });
    admin = (await t.tokenFor('administrator')).token;
    await t.services.members.importMembers(
      systemActor,
      'email,name\nknown@reader.test,Known Reader\n',
      false,
    );
  });
  afterAll(() => t.close());

  /** Each test asks from its own client address, so the per-client limit stays out of the way. */
  const ask = (email: string, from = `198.51.100.${++ip}`) =>
    t.app.inject({
      method: 'POST',
      url: '/signin',
      payload: { email },
      headers: { 'x-forwarded-for': from },
    });
  const follow = (token: string) =>
    t.app.inject({ method: 'POST', url: '/signin/link', payload: { token } });

  it('answers a known and an unknown address with the same page and status', async () => {
    const known = await ask('known@reader.test');
    const unknown = await ask('nobody@reader.test');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(known.statusCode);
    const strip = (html: string) =>
      html.replaceAll('known@reader.test', 'X').replaceAll('nobody@reader.test', 'X');
    expect(strip(unknown.body)).toBe(strip(known.body));
    expect(known.headers['set-cookie']).toBeUndefined();
  });

  it('never signs in on a GET of the link: the page only shows a button that posts', async () => {
    await ask('scanner@reader.test');
    const token = await signInTokenFor(t, admin, 'scanner@reader.test');
    for (let n = 0; n < 3; n += 1) {
      const opened = await t.app.inject({ method: 'GET', url: `/signin/link/${token}` });
      expect(opened.statusCode).toBe(200);
      expect(opened.headers['set-cookie']).toBeUndefined();
      expect(opened.body).toContain('<form class="form" method="post" action="/signin/link">');
    }
    const done = await follow(token);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account');
    const account = await t.app.inject({
      method: 'GET',
      url: '/account',
      cookies: cookiesOf(done),
    });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('You sign in with scanner@reader.test.');
  });

  it('refuses a link used twice', async () => {
    await ask('twice@reader.test');
    const token = await signInTokenFor(t, admin, 'twice@reader.test');
    expect((await follow(token)).statusCode).toBe(303);
    const again = await follow(token);
    expect(again.statusCode).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    const page = await t.app.inject({ method: 'GET', url: `/signin/link/${token}` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('already been used');
  });

  it('refuses a link after 15 minutes', async () => {
    await ask('late@reader.test');
    const token = await signInTokenFor(t, admin, 'late@reader.test');
    t.clock.advance(15 * 60 * 1000 + 1000);
    const late = await follow(token);
    expect(late.statusCode).toBe(410);
    expect(late.headers['set-cookie']).toBeUndefined();
  });

  it('answers 429 to rapid requests for one address, from any client', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 20; n += 1) statuses.push((await ask('flood@reader.test')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    await drainJobs(t);
    const sent = (await readOutbox(t, admin)).filter((m) => m.to === 'flood@reader.test');
    expect(sent).toHaveLength(5);
  });

  it('answers 429 to one client asking for many addresses', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 25; n += 1) {
      statuses.push((await ask(`many${n}@reader.test`, '192.0.2.77')).statusCode);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it('makes a free member of a new address only when the link is followed', async () => {
    await ask('newcomer@reader.test');
    await drainJobs(t);
    const before = await t.services.members.listMembers(
      systemActor,
      { q: 'newcomer' },
      { page: 1, limit: 5 },
    );
    expect(before.total).toBe(0);
    const token = await signInTokenFor(t, admin, 'newcomer@reader.test');
    await follow(token);
    const after = await t.services.members.listMembers(
      systemActor,
      { q: 'newcomer' },
      { page: 1, limit: 5 },
    );
    expect(after.members.map((m) => [m.email, m.status])).toEqual([
      ['newcomer@reader.test', 'free'],
    ]);
  });

  it('sends no link to an unknown address when sign-ups are closed, and says the same', async () => {
    await t.services.settings.updateSiteSettings(systemActor, { allowMemberSignups: false });
    const unknown = await ask('closed@reader.test');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('Check your inbox');
    await drainJobs(t);
    expect((await readOutbox(t, admin)).some((m) => m.to === 'closed@reader.test')).toBe(false);
    await t.services.settings.updateSiteSettings(systemActor, { allowMemberSignups: true });
  });

  it('asks again politely for something that is not an address', async () => {
    const bad = await ask('not an address');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an e-mail address such as name@example.com.');
  });
});
