import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePrometheusText, sumOf, type Sample } from '../../../test/support/prometheus-text.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

describeEachEngine('metrics', (ctx) => {
  let t: TestApp;
  let slug = '';

  beforeAll(async () => {
    t = await createTestApp(ctx.handle, { MASTHEAD_METRICS_TOKEN: 'scrape-secret' });
    const editor = await t.tokenFor('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/posts',
      headers: { authorization: `Bearer ${editor.token}` },
      payload: {
        title: 'Counting readers',
        markdown: 'Words.',
        authors: [editor.slug],
        status: 'published',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    slug = created.json<{ post: { slug: string } }>().post.slug;
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<Sample[]> => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-secret' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return parsePrometheusText(response.body);
  };

  it('serves parseable Prometheus text whose counters move as pages are served', async () => {
    const before = await scrape();
    const first = await t.app.inject({ method: 'GET', url: `/${slug}` });
    const second = await t.app.inject({ method: 'GET', url: `/${slug}` });
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    const after = await scrape();

    // app.inject reaches the cached copy through Fastify, so both requests count here; on
    // a real socket a cached page is answered before Fastify and counts as a hit only.
    const articles = { route: '/:slug', status: '200', method: 'GET' };
    expect(sumOf(after, 'masthead_http_requests_total', articles)).toBe(
      sumOf(before, 'masthead_http_requests_total', articles) + 2,
    );
    expect(sumOf(after, 'masthead_http_request_duration_seconds_count', { route: '/:slug' })).toBe(
      sumOf(before, 'masthead_http_request_duration_seconds_count', { route: '/:slug' }) + 2,
    );
    expect(sumOf(after, 'masthead_page_cache_hits_total')).toBe(
      sumOf(before, 'masthead_page_cache_hits_total') + 1,
    );
    expect(sumOf(after, 'masthead_page_cache_misses_total')).toBeGreaterThan(
      sumOf(before, 'masthead_page_cache_misses_total'),
    );
    expect(sumOf(after, 'masthead_page_cache_entries')).toBeGreaterThan(0);
    expect(sumOf(after, 'masthead_page_cache_bytes')).toBeGreaterThan(0);
    for (const name of ['masthead_live_connections', 'masthead_emails_sent_total']) {
      expect(after.some((sample) => sample.name === name)).toBe(true);
    }
  });

  it('counts jobs by kind and state, and e-mails once they are sent', async () => {
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { authorization: `Bearer ${(await t.tokenFor('administrator')).token}` },
      payload: { email: 'new-writer@news.test', role: 'author' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const before = await scrape();
    const queued = { status: 'queued' };
    expect(sumOf(before, 'masthead_jobs', queued)).toBeGreaterThan(0);
    await t.runJobs();
    const after = await scrape();
    // The invitation's e-mail job ran; jobs due later (a narration waits out a burst of
    // edits) may stay queued.
    expect(sumOf(after, 'masthead_jobs', queued)).toBeLessThan(
      sumOf(before, 'masthead_jobs', queued),
    );
    expect(sumOf(after, 'masthead_emails_sent_total')).toBeGreaterThan(
      sumOf(before, 'masthead_emails_sent_total'),
    );
  });

  it('refuses a scrape without the token', async () => {
    const none = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { accept: 'application/json' },
    });
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect([none.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(none.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

describeEachEngine('metrics without a token', (ctx) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
  });
  afterAll(() => t.close());

  it('are served to this machine only, and not through a proxy', async () => {
    const local = await t.app.inject({ method: 'GET', url: '/metrics' });
    const proxied = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    const remote = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.9',
    });
    expect(local.statusCode).toBe(200);
    expect([proxied.statusCode, remote.statusCode]).toEqual([403, 403]);
  });
});
