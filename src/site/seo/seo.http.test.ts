import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../../features/staff/actor.js';

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const hour = 60 * 60 * 1000;

function parseXml(body: string): Record<string, unknown> {
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return xml.parse(body) as Record<string, unknown>;
}

function urlsOf(body: string): UrlEntry[] {
  return (parseXml(body) as { urlset: { url?: UrlEntry[] } }).urlset.url ?? [];
}

function jsonLdOf(html: string): { '@type': string; [key: string]: unknown }[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1] ?? '{}') as { '@type': string },
  );
}

describeEachEngine('sitemaps, robots.txt and structured data', (ctx) => {
  let t: TestApp;
  let authorSlug: string;

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    authorSlug = (await t.tokenFor('author')).slug;
    const now = t.clock.now().getTime();
    const publish = (title: string, extra: Record<string, unknown> = {}) =>
      t.services.posts.createPost(systemActor, {
        title,
        markdown: 'Words.',
        authors: [authorSlug],
        tags: ['Coast'],
        status: 'published',
        ...extra,
      });
    await publish('Storm closes the harbour', { publishedAt: new Date(now - 2 * hour) });
    await publish('Ferry timetable for winter', { publishedAt: new Date(now - 72 * hour) });
    await publish('Unfinished draft', { status: 'draft' });
  });
  afterAll(() => t.close());

  it('serves a sitemap index naming the post, section and author sitemaps', async () => {
    const response = await get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    const index = parseXml(response.body) as {
      sitemapindex: { sitemap: { loc: string; lastmod: string }[] };
    };
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([
      'http://news.test/sitemap-posts.xml',
      'http://news.test/sitemap-sections.xml',
      'http://news.test/sitemap-authors.xml',
    ]);
    for (const sitemap of index.sitemapindex.sitemap) {
      expect(sitemap.lastmod).toBe('2026-11-20T09:00:00.000Z');
    }
  });

  it('lists every published post, and no draft, with an absolute URL and lastmod', async () => {
    const urls = urlsOf((await get('/sitemap-posts.xml')).body);
    expect(urls.map((u) => u.loc)).toEqual([
      'http://news.test/storm-closes-the-harbour',
      'http://news.test/ferry-timetable-for-winter',
    ]);
    for (const url of urls) expect(url.lastmod).toBe('2026-11-20T09:00:00.000Z');
  });

  it('lists the front page, sections and authors with lastmod', async () => {
    const sections = urlsOf((await get('/sitemap-sections.xml')).body);
    expect(sections.map((u) => u.loc)).toEqual(['http://news.test/', 'http://news.test/tag/coast']);
    const authors = urlsOf((await get('/sitemap-authors.xml')).body);
    expect(authors.map((u) => u.loc)).toEqual([`http://news.test/author/${authorSlug}`]);
    for (const url of [...sections, ...authors]) expect(url.lastmod).toMatch(/^2026-11-20T/);
  });

  it('lists a post from two hours ago in the news sitemap, and not one from three days ago', async () => {
    const urls = urlsOf((await get('/news-sitemap.xml')).body);
    expect(urls).toEqual([
      {
        loc: 'http://news.test/storm-closes-the-harbour',
        'news:news': {
          'news:publication': { 'news:name': 'Masthead', 'news:language': 'en' },
          'news:publication_date': '2026-11-20T07:00:00.000Z',
          'news:title': 'Storm closes the harbour',
        },
      },
    ]);
  });

  it('drops a post from the news sitemap once it is more than two days old', async () => {
    t.clock.advance(45 * hour);
    expect(urlsOf((await get('/news-sitemap.xml')).body)).toHaveLength(1);
    t.clock.advance(2 * hour);
    expect(urlsOf((await get('/news-sitemap.xml')).body)).toHaveLength(0);
  });

  it('names both sitemaps in robots.txt and keeps crawlers out of the CMS and search only', async () => {
    const response = await get('/robots.txt');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    expect(lines).toContain('Sitemap: http://news.test/sitemap.xml');
    expect(lines).toContain('Sitemap: http://news.test/news-sitemap.xml');
    expect(lines).toEqual(
      expect.arrayContaining(['Disallow: /admin/', 'Disallow: /api/admin/', 'Disallow: /search?']),
    );
    // A bare prefix would also hide articles such as /administration-reform.
    expect(lines).not.toContain('Disallow: /admin');
    expect(lines).not.toContain('Disallow: /search');
  });

  it('describes an article as Home → Section → Article in a BreadcrumbList', async () => {
    const data = jsonLdOf((await get('/storm-closes-the-harbour')).body);
    expect(data.find((d) => d['@type'] === 'BreadcrumbList')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Masthead', item: 'http://news.test/' },
        { '@type': 'ListItem', position: 2, name: 'Coast', item: 'http://news.test/tag/coast' },
        {
          '@type': 'ListItem',
          position: 3,
          name: 'Storm closes the harbour',
          item: 'http://news.test/storm-closes-the-harbour',
        },
      ],
    });
  });

  it('describes an author page as a Person working for the newsroom', async () => {
    const data = jsonLdOf((await get(`/author/${authorSlug}`)).body);
    const person = data.find((d) => d['@type'] === 'Person');
    expect(person).toMatchObject({
      '@context': 'https://schema.org',
      url: `http://news.test/author/${authorSlug}`,
      worksFor: { '@type': 'NewsMediaOrganization', name: 'Masthead' },
    });
    expect(person?.name).toMatch(/^Author Person/);
  });
});
