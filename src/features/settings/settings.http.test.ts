import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('site settings through the Admin API', (ctx) => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  let contributor: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    editor = (await t.tokenFor('editor')).token;
    contributor = (await t.tokenFor('contributor')).token;
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'PATCH', token: string, payload?: object) =>
    t.app.inject({
      method,
      url: '/api/admin/settings',
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  it('shows every setting to any staff member', async () => {
    const response = await api('GET', contributor);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      settings: {
        title: 'Masthead',
        description: 'Independent journalism, funded by readers.',
        timezone: 'UTC',
        locale: 'en-GB',
        logo_media_id: null,
        accent_color: '#b3261e',
        allow_member_signups: true,
        navigation: [],
        social: { x: '', facebook: '', instagram: '' },
      },
    });
  });

  it('refuses a change by an editor with 403', async () => {
    const response = await api('PATCH', editor, { title: 'Editor’s Gazette' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await api('GET', editor)).json()).toMatchObject({ settings: { title: 'Masthead' } });
  });

  it('shows an administrator’s change on the very next page a reader opens', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/' });
    expect(before.body).toContain('<title>Masthead</title>');
    const response = await api('PATCH', admin, {
      title: 'Kyiv Evening News',
      navigation: [{ label: 'City desk', url: '/tag/city' }],
      social: { x: '@kyivevening' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      settings: {
        title: 'Kyiv Evening News',
        navigation: [{ label: 'City desk', url: '/tag/city' }],
        social: { x: '@kyivevening', facebook: '', instagram: '' },
      },
    });
    const after = await t.app.inject({ method: 'GET', url: '/' });
    expect(after.body).toContain('<title>Kyiv Evening News</title>');
    expect(after.body).toContain('<a href="/tag/city">City desk</a>');
  });

  it('names each field that is not valid', async () => {
    const response = await api('PATCH', admin, {
      accent_color: 'red',
      timezone: 'Mars/Olympus',
      navigation: [{ label: 'Bad', url: 'javascript:alert(1)' }],
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { fields: { field: string }[] } }>()
      .error.fields.map((f) => f.field)
      .join(' ');
    expect(fields).toContain('accent_color');
    expect(fields).toContain('navigation');
  });

  it('refuses a time zone, language or logo that does not exist', async () => {
    const zone = await api('PATCH', admin, { timezone: 'Mars/Olympus' });
    expect(zone.json()).toMatchObject({ error: { fields: [{ field: 'timezone' }] } });
    const logo = await api('PATCH', admin, { logo_media_id: 'no-such-image', locale: 'not a tag' });
    const fields = logo.json<{ error: { fields: { field: string }[] } }>().error.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['locale', 'logo_media_id']);
  });
});
