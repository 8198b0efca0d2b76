import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('client mistakes at the edge', (ctx) => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = (await t.tokenFor('administrator')).token;
    await t.services.tags.createTag(systemActor, { name: 'Climate' });
    mkdirSync(path.join(t.dataDir, 'files', 'media'), { recursive: true });
    writeFileSync(path.join(t.dataDir, 'files', 'media', 'photo.txt'), 'five!');
  });
  afterAll(() => t.close());

  const expectError = (
    response: { statusCode: number; body: string },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
  };

  it('refuses a NUL in the path or query with the same 400 on every engine', async () => {
    for (const url of [
      '/a%00b',
      '/tag/a%00b',
      '/search?tag=a%00b',
      '/search?q=%00',
      '/api/content/posts?tag=a%00b',
    ]) {
      const response = await t.app.inject({ url, headers: { accept: 'application/json' } });
      expectError(response, 400, 'nul_character');
    }
  });

  it('stores no text with a NUL: titles, e-mail addresses and sign-in fields are refused', async () => {
    const auth = { authorization: `Bearer ${editor}` };
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: auth,
      payload: { title: 'Storm\u0000 warning', markdown: 'Text.' },
    });
    expectError(post, 400, 'nul_character');
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: auth,
      payload: {
        email: 'a\u0000@news.test',
        name: 'A',
        role: 'editor',
        password: 'aaaaaaaaaaaaaaaa',
      },
    });
    expectError(staff, 400, 'nul_character');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: 'email=a%00%40news.test&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(signIn, 400, 'nul_character');
    const posts = await t.app.inject({ url: '/api/admin/posts', headers: auth });
    expect(posts.body).not.toContain('Storm');
  });

  it('answers requests for files that are not there, or outside the folder, with a 4xx', async () => {
    for (const url of [
      '/content/files/',
      '/content/files/../../etc/passwd',
      '/content/files/%2e%2e/%2e%2e/etc/passwd',
      '/content/files/media/..%2f..%2f..%2fetc%2fpasswd',
      '/content/files/media/%2e%2e%2fphoto.txt',
      '/content/files/nothing.jpg',
    ]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain('root:');
    }
  });

  it('answers a range past the end of a file with 416 and the file’s length', async () => {
    const response = await t.app.inject({
      url: '/content/files/media/photo.txt',
      headers: { range: 'bytes=99999999-', accept: 'application/json' },
    });
    expectError(response, 416, 'range_not_satisfiable');
    expect(response.headers['content-range']).toBe('bytes */5');
  });

  it('answers a malformed upload with 400', async () => {
    const bodies: [string, string][] = [
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
      ],
      ['multipart/form-data', 'no boundary at all'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="alt"\r\n\r\nSea\u0000wall\r\n--x--\r\n',
      ],
    ];
    for (const [type, payload] of bodies) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/admin/media',
        headers: { authorization: `Bearer ${editor}`, 'content-type': type },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      if (payload.includes('\u0000'))
        expect(response.json<{ error: { code: string } }>().error.code).toBe('nul_character');
    }
  });

  it('lets other sites use media files, while pages keep their strict headers', async () => {
    const file = await t.app.inject({ url: '/content/files/media/photo.txt' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const page = await t.app.inject({ url: '/tag/climate' });
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
