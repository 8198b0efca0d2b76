import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';
import type { Role } from './role.js';
import { uniqueEmail } from './test-support/staff-test-services.js';

const password = 'correct horse battery staple';

describeEachEngine('API tokens and the people they belong to', (ctx) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
  });
  afterAll(() => t.close());

  /** A staff user of `role`, signed in to the CMS. */
  const signedIn = async (role: Role) => {
    const email = uniqueEmail(role);
    const user = await t.services.staff.createStaff(systemActor, {
      email,
      name: `Signed in ${role}`,
      role,
      password,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password },
    });
    const cookie = response.cookies.find((item) => item.name === 'masthead_session')?.value ?? '';
    const { csrfToken } = response.json<{ csrfToken: string }>();
    const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: object) =>
      t.app.inject({
        method,
        url,
        cookies: { masthead_session: cookie },
        headers: { 'x-csrf-token': csrfToken },
        payload,
      });
    return { user, send };
  };

  const addStaffWith = (token: string, role: Role) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: `Bearer ${token}` },
      payload: { email: uniqueEmail('made'), name: 'Made By Token', role },
    });

  it("stops a token when its owner is suspended, and caps it at the owner's current role", async () => {
    const admin = await signedIn('administrator');
    const owner = await signedIn('owner');
    const created = await admin.send('POST', '/api/admin/tokens', {
      name: 'Admin script',
      role: 'administrator',
    });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json<{ token: string; record: { userId: string } }>();
    expect(record.userId).toBe(admin.user.id);
    expect((await addStaffWith(token, 'administrator')).statusCode).toBe(201);

    const demoted = await owner.send('PATCH', `/api/admin/staff/${admin.user.id}`, {
      role: 'editor',
    });
    expect(demoted.statusCode).toBe(200);
    const asEditor = await addStaffWith(token, 'administrator');
    expect(asEditor.statusCode).toBe(403);
    expect(asEditor.json()).toMatchObject({ error: { code: 'forbidden' } });

    await owner.send('PATCH', `/api/admin/staff/${admin.user.id}`, { role: 'administrator' });
    await owner.send('PATCH', `/api/admin/staff/${admin.user.id}`, { status: 'suspended' });
    const afterSuspension = await addStaffWith(token, 'administrator');
    expect(afterSuspension.statusCode).toBe(401);
    expect(afterSuspension.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('lets people create tokens only for themselves, or for the newsroom if administrators', async () => {
    const admin = await signedIn('administrator');
    const owner = await signedIn('owner');
    const editor = await signedIn('editor');

    const forSomeoneElse = await admin.send('POST', '/api/admin/tokens', {
      name: 'Borrowed authority',
      role: 'administrator',
      userId: owner.user.id,
    });
    expect(forSomeoneElse.statusCode).toBe(403);
    expect(forSomeoneElse.json()).toMatchObject({ error: { code: 'forbidden' } });

    const newsroomWide = await admin.send('POST', '/api/admin/tokens', {
      name: 'Wire importer',
      role: 'author',
      userId: null,
    });
    expect(newsroomWide.statusCode).toBe(201);
    expect(newsroomWide.json()).toMatchObject({ record: { userId: null, role: 'author' } });

    const byEditor = await editor.send('POST', '/api/admin/tokens', {
      name: 'Mine',
      role: 'contributor',
      userId: null,
    });
    expect(byEditor.statusCode).toBe(403);

    // A token cannot mint tokens, so revoking a leaked one is the end of it.
    const { token } = (
      await admin.send('POST', '/api/admin/tokens', { name: 'Leaky', role: 'administrator' })
    ).json<{ token: string }>();
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Spare key', role: 'administrator', userId: null },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('records every write a token attempts in the audit log, with the token id', async () => {
    const admin = await signedIn('administrator');
    const { token, record } = (
      await admin.send('POST', '/api/admin/tokens', { name: 'Audited', role: 'editor' })
    ).json<{ token: string; record: { id: string } }>();
    expect((await addStaffWith(token, 'author')).statusCode).toBe(403);

    await expect
      .poll(() =>
        ctx.handle.db
          .selectFrom('audit_log')
          .select(['actor', 'details'])
          .where('action', '=', 'token.used')
          .where('subject_id', '=', record.id)
          .execute(),
      )
      .toEqual([
        {
          actor: `token:${record.id}`,
          details: JSON.stringify({ method: 'POST', route: '/api/admin/staff', status: 403 }),
        },
      ]);
  });
});
