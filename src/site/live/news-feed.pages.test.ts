import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor, type Actor } from '../../features/staff/actor.js';
import { cacheTags } from '../cache/cache-tags.js';
import { NewsFeedWidget } from './news-feed-widget.js';
import { loadNewsFeedWidget } from './news-feed-widget-data.js';

describeEachEngine('the news feed pages for readers', (ctx) => {
  let t: TestApp;
  let editor: Actor;
  let islandUrl: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const { userId } = await t.tokenFor('editor');
    editor = { id: `user:${userId}`, kind: 'user', userId, name: 'Ed', role: 'editor' };
    await t.services.settings.updateSiteSettings(systemActor, {
      title: 'The Harbour Gazette',
      locale: 'en-US',
      timezone: 'UTC',
    });
    const feed = t.services.feed;
    await feed.createEntry(editor, {
      title: 'Overnight: counting continues',
      markdown: 'Results by morning.',
      publishedAt: new Date('2026-11-19T22:00:00Z'),
    });
    const polls = await feed.createEntry(editor, { title: 'Polls open', markdown: 'Queues.' });
    await feed.createEntry(editor, { title: 'Read this first', pinned: true });
    t.clock.advance(40 * 60_000);
    await feed.updateEntry(editor, polls.id, { markdown: 'Long queues everywhere.' });
    const home = await t.app.inject({ method: 'GET', url: '/news-feed' });
    islandUrl = /<script type="module" src="([^"]+)"/.exec(home.body)?.[1] ?? '';
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('shows every entry grouped by day with its time, and "Updated" only on the edited one', async () => {
    const page = await get('/news-feed');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<h1 class="page-heading">News feed</h1>');
    expect(html).toContain('<h2 id="day-2026-11-20">Friday, November 20, 2026</h2>');
    expect(html).toContain('<h2 id="day-2026-11-19">Thursday, November 19, 2026</h2>');
    expect(html.indexOf('day-2026-11-20')).toBeLessThan(html.indexOf('day-2026-11-19'));
    expect(html).toMatch(/<time datetime="2026-11-20T09:00:00.000Z">9:00\sAM<\/time>/);
    expect(html).toMatch(/\(Updated: <time datetime="2026-11-20T09:40:00.000Z">9:40\sAM<\/time>\)/);
    expect(html.match(/Updated:/g)).toHaveLength(1);
    expect(html).toContain('Long queues everywhere.');
    expect(page.headers['cache-control']).toContain('public');
    expect(String(page.headers['surrogate-key'])).toContain(cacheTags.newsFeed);
  });

  it('keeps a pinned entry above the days, once', async () => {
    const html = (await get('/news-feed')).body;
    const pinned = html.indexOf('<h2 id="news-feed-pinned-heading">Pinned</h2>');
    expect(pinned).toBeGreaterThan(-1);
    expect(html.indexOf('>Read this first<')).toBeGreaterThan(pinned);
    expect(html.indexOf('>Read this first<')).toBeLessThan(html.indexOf('id="day-2026-11-20"'));
    expect(html.match(/>Read this first</g)).toHaveLength(1);
  });

  it('describes the feed to search engines as a LiveBlogPosting with each entry', async () => {
    const html = (await get('/news-feed')).body;
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    const data = JSON.parse(json) as { '@type': string; liveBlogUpdate: { headline: string }[] };
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.liveBlogUpdate.map((u) => u.headline)).toEqual([
      'Read this first',
      'Polls open',
      'Overnight: counting continues',
    ]);
  });

  it('tells the island which change the page shows, and serves the island as a small, fingerprinted module', async () => {
    const html = (await get('/news-feed')).body;
    const latest = await t.services.feed.findLatestChangeId();
    expect(html).toContain(`data-since="${latest}"`);
    expect(islandUrl).toMatch(/^\/assets\/islands\/news-feed\.[0-9a-f]{12}\.js$/);
    const script = await get(islandUrl);
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.rawPayload.length).toBeLessThan(15 * 1024);
    expect(script.body).toContain('new EventSource');
    expect((await get('/assets/islands/news-feed.000000000000.js')).statusCode).toBe(404);
  });

  it('pages with stable cursors: a new entry does not move what the older page shows', async () => {
    for (let n = 1; n <= 21; n++) {
      t.clock.advance(60_000);
      await t.services.feed.createEntry(editor, { title: `Paged update ${n}` });
    }
    const first = (await get('/news-feed')).body;
    const older = /<a href="(\/news-feed\?before=[^"]+)" rel="next">/.exec(first)?.[1] ?? '';
    expect(older).not.toBe('');
    const titles = (html: string) =>
      [...html.matchAll(/class="news-feed-title"><a [^>]+>([^<]+)</g)].map((m) => m[1]);
    const before = titles((await get(older.replace(/&amp;/g, '&'))).body);
    t.clock.advance(60_000);
    await t.services.feed.createEntry(editor, { title: 'Breaking news' });
    const after = titles((await get(older.replace(/&amp;/g, '&'))).body);
    expect(after).toEqual(before);
    expect(before[0]).toBe('Paged update 1');
    expect((await get('/news-feed?before=nonsense')).statusCode).toBe(400);
  });

  it('gives one entry a page of its own with its own social cards', async () => {
    const page = await get('/news-feed/polls-open');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<h1>Polls open</h1>');
    expect(html).toContain('<link rel="canonical" href="http://news.test/news-feed/polls-open"/>');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta property="og:title" content="Polls open"/>');
    expect(html).toContain('<meta name="twitter:description" content="Long queues everywhere."/>');
    expect(html).toMatch(/Updated: <time datetime="2026-11-20T09:40:00.000Z">9:40\sAM/);
    const missing = await get('/news-feed/no-such-entry');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
  });

  it('offers the newest entries as RSS', async () => {
    const rss = await get('/news-feed/rss');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rss.body).toContain('<title>The Harbour Gazette: News feed</title>');
    expect(rss.body).toContain(
      '<item><title>Polls open</title><link>http://news.test/news-feed/polls-open</link>',
    );
    expect(rss.body).toContain(
      '<description>&lt;p&gt;Long queues everywhere.&lt;/p&gt;</description>',
    );
  });

  it('builds the widget: "News Feed", times with their "Updated" stamp, and "More news"', async () => {
    const props = await loadNewsFeedWidget(
      {
        feed: t.services.feed,
        getSiteSettings: () => t.services.settings.getSiteSettings(),
        clock: t.clock,
        islandUrl,
      },
      3,
    );
    expect(props.entries.map((e) => e.title)).toEqual([
      'Read this first',
      'Breaking news',
      'Paged update 21',
    ]);
    const html = renderToString(h(NewsFeedWidget, props));
    expect(html).toContain('<h2 id="news-feed-widget-heading">News Feed</h2>');
    expect(html).toContain('<a href="/news-feed">More news</a>');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain(`<script type="module" src="${islandUrl}"></script>`);
    expect(html.match(/<li class="news-feed-item"/g)).toHaveLength(3);
    const edited = await loadNewsFeedWidget(
      {
        feed: t.services.feed,
        getSiteSettings: () => t.services.settings.getSiteSettings(),
        clock: t.clock,
        islandUrl,
      },
      30,
    );
    const polls = edited.entries.find((e) => e.title === 'Polls open');
    expect(renderToString(h(NewsFeedWidget, { ...edited, entries: polls ? [polls] : [] }))).toMatch(
      /9:00\sAM<\/time><span class="news-feed-updated"> \(Updated: <time datetime="[^"]+">9:40\sAM<\/time>\)/,
    );
  });

  it('shows a new entry on the next request even after the page was cached', async () => {
    await get('/news-feed');
    expect((await get('/news-feed')).headers['x-cache']).toBe('HIT');
    await t.services.feed.createEntry(editor, { title: 'Purged from the page cache' });
    expect((await get('/news-feed')).body).toContain('Purged from the page cache');
  });

  it('dates a widget line from an earlier day, where no day heading says it', async () => {
    t.clock.set('2026-11-21T08:00:00.000Z');
    const props = await loadNewsFeedWidget(
      {
        feed: t.services.feed,
        getSiteSettings: () => t.services.settings.getSiteSettings(),
        clock: t.clock,
        islandUrl,
      },
      1,
    );
    expect(renderToString(h(NewsFeedWidget, props))).toMatch(
      /<time datetime="2026-11-20T09:00:00.000Z">Nov 20, 9:00\sAM<\/time>/,
    );
  });
});
