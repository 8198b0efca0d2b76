import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

const twoMegabytes = 2_000_000;
const repeat = (unit: string): string =>
  unit.repeat(Math.ceil(twoMegabytes / unit.length)).slice(0, twoMegabytes);

describeEachEngine('hostile Markdown and HTML sent to the Admin API', (ctx) => {
  let t: TestApp;
  let editor: { token: string };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    // The first request compiles routes and schemas: slow on a busy machine, so not timed here.
    await t.app.inject({ method: 'GET', url: '/api/admin/posts' });
    editor = await t.tokenFor('editor');
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: { title: 'Hostile', ...payload },
    });

  it('saves or refuses 2 MB of emphasis runs without holding the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // Readers keep being served meanwhile: the site answers while the body converts.
    const [saved, page] = await Promise.all([
      create({ markdown: repeat('*a') }),
      t.app.inject({ method: 'GET', url: '/healthz' }),
    ]);
    delay.disable();
    expect(page.statusCode).toBe(200);
    expect([201, 400]).toContain(saved.statusCode);
    if (saved.statusCode === 400) {
      expect(saved.json()).toMatchObject({ error: { code: 'body_too_complex' } });
    }
    // Generous: a parse on the event loop holds it for seconds.
    expect(delay.max / 1e6).toBeLessThan(500);
  }, 120_000);

  it.each([
    ['Markdown quotes', { markdown: '>'.repeat(50_000) + ' a' }],
    ['Markdown lists', { markdown: '- '.repeat(50_000) + 'a' }],
    ['HTML elements', { html: '<div>'.repeat(100_000) + 'a' }],
  ])(
    'answers %s nested 50,000 deep with 400 and a message',
    async (_shape, payload) => {
      const response = await create(payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: expect.stringMatching(/^body_too_(deep|complex)$/) as unknown },
      });
    },
    120_000,
  );
});
