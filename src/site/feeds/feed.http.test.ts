import Parser from 'rss-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { renderDemoImage } from '../../features/content/media-demo-images.js';
import { systemActor } from '../../features/staff/actor.js';

interface MediaContent {
  $: { url: string; medium: string; type: string; width: string; height: string };
}
const parser = new Parser<object, { media?: MediaContent[]; 'content:encoded'?: string }>({
  customFields: { item: [['media:content', 'media', { keepArray: true }], 'content:encoded'] },
});

describeEachEngine('RSS and JSON feeds', (ctx) => {
  let t: TestApp;
  let authorSlug: string;
  let lead: { id: string; slug: string };

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const publish = async (input: Record<string, unknown>) => {
    const post = await t.services.posts.createPost(systemActor, {
      authors: [authorSlug],
      status: 'published',
      markdown: 'Words.',
      ...input,
    });
    t.clock.advance(60_000);
    return post;
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    authorSlug = (await t.tokenFor('author')).slug;
    for (let n = 1; n <= 20; n += 1) await publish({ title: `Tram works, week ${n}` });
    await publish({ title: 'Unfinished draft', status: 'draft' });
    await publish({
      title: 'Members briefing',
      standfirst: 'What the plan means.',
      markdown: 'Only members read this locked paragraph.',
      visibility: 'members',
    });
    const image = await t.services.media.upload(systemActor, {
      filename: 'rail.png',
      data: await renderDemoImage({ width: 1200, height: 675, seed: 5, label: 'rail' }),
    });
    lead = await publish({
      title: 'The night train is back',
      standfirst: 'After four years, the coast line runs again.',
      markdown: 'The first train left at 21:40. See [more from the coast](/tag/coast).',
      tags: ['Coast', 'Rail'],
      featureImage: { mediaId: image.id, alt: 'A train at night', caption: '', credit: '' },
    });
  });
  afterAll(() => t.close());

  it('serves RSS 2.0 that a feed parser reads, newest first, twenty posts', async () => {
    const response = await get('/rss');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(String(response.headers['surrogate-key'])).toContain('posts');
    const feed = await parser.parseString(response.body);
    expect(feed.title).toBe('Masthead');
    expect(feed.link).toBe('http://news.test/');
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]?.title).toBe('The night train is back');
    expect(feed.items.map((i) => i.title)).not.toContain('Unfinished draft');
    expect(response.body).toContain(
      '<atom:link href="http://news.test/rss" rel="self" type="application/rss+xml"/>',
    );
  });

  it('gives each item absolute links, its authors, tags, full body and feature image', async () => {
    const feed = await parser.parseString((await get('/rss')).body);
    const item = feed.items[0];
    expect(item?.link).toBe(`http://news.test/${lead.slug}`);
    expect(item?.guid).toBe(lead.id);
    expect(item?.creator).toMatch(/^Author Person/);
    expect(item?.categories).toEqual(['Coast', 'Rail']);
    expect(item?.['content:encoded']).toContain('<a href="http://news.test/tag/coast">');
    expect(item?.['content:encoded']).not.toMatch(/(href|src)="\//);
    expect(item?.enclosure).toMatchObject({ type: 'image/jpeg' });
    expect(item?.enclosure?.url).toMatch(/^http:\/\/news\.test\/content\/files\/.+\/960\.jpg$/);
    expect(Number(item?.enclosure?.length)).toBeGreaterThan(1000);
    expect(item?.media?.[0]?.$).toMatchObject({
      url: item?.enclosure?.url,
      medium: 'image',
      width: '960',
    });
  });

  it('never carries the locked body of a post for members, only its preview and a link', async () => {
    const feed = await parser.parseString((await get('/rss')).body);
    const item = feed.items.find((i) => i.title === 'Members briefing');
    expect(item?.contentSnippet).toBe('What the plan means.');
    expect(item?.['content:encoded']).not.toContain('locked paragraph');
    expect(item?.['content:encoded']).toContain('http://news.test/members-briefing');
    expect((await get('/feed.json')).body).not.toContain('locked paragraph');
  });

  it('has a feed per section and per author, and none for an unknown section', async () => {
    const section = await parser.parseString((await get('/tag/coast/rss')).body);
    expect(section.title).toBe('Coast | Masthead');
    expect(section.link).toBe('http://news.test/tag/coast');
    expect(section.items.map((i) => i.title)).toEqual(['The night train is back']);
    const byAuthor = await parser.parseString((await get(`/author/${authorSlug}/rss`)).body);
    expect(byAuthor.items).toHaveLength(20);
    expect((await get('/tag/no-such-section/rss')).statusCode).toBe(404);
    expect((await get('/author/nobody/feed.json')).statusCode).toBe(404);
  });

  it('serves JSON Feed 1.1 with every required field and absolute URLs', async () => {
    const response = await get('/tag/rail/feed.json');
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = response.json<Record<string, unknown> & { items: Record<string, unknown>[] }>();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Rail | Masthead',
      home_page_url: 'http://news.test/tag/rail',
      feed_url: 'http://news.test/tag/rail/feed.json',
    });
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0] ?? {};
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(
      true,
    );
    expect(item.url).toBe(`http://news.test/${lead.slug}`);
    expect(item.image).toMatch(/^http:\/\/news\.test\/.+\.jpg$/);
    const authors = item.authors as { name: string; url: string }[];
    expect(authors.map((a) => a.url)).toEqual([`http://news.test/author/${authorSlug}`]);
    expect(authors[0]?.name).toMatch(/^Author Person/);
    expect(item.tags).toEqual(['Coast', 'Rail']);
    expect(new Date(String(item.date_published)).toISOString()).toBe(item.date_published);
  });

  it('carries only the standfirst when the site chooses excerpts', async () => {
    await t.services.settings.updateSiteSettings(systemActor, { feedContent: 'excerpt' });
    const feed = await parser.parseString((await get('/tag/coast/rss')).body);
    expect(feed.items[0]?.['content:encoded']).toBeUndefined();
    expect(feed.items[0]?.contentSnippet).toBe('After four years, the coast line runs again.');
    const json = (await get('/tag/coast/feed.json')).json<{ items: Record<string, unknown>[] }>();
    expect(json.items[0]).toMatchObject({
      content_text: 'After four years, the coast line runs again.',
    });
    expect(json.items[0]).not.toHaveProperty('content_html');
  });
});
