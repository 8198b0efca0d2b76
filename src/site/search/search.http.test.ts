import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../../features/staff/actor.js';

interface ApiSearch {
  q: string;
  total: number;
  page: number;
  limit: number;
  page_count: number;
  results: { post: { title: string; url: string }; headline_html: string; snippet_html: string }[];
}

describeEachEngine('the search page and the Content API search', (ctx) => {
  let t: TestApp;

  const page = (query: string) => t.app.inject({ method: 'GET', url: `/search${query}` });

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const author = await t.tokenFor('author');
    const publish = async (title: string, markdown: string, tags: string[] = []) => {
      await t.services.posts.createPost(systemActor, {
        title,
        markdown,
        tags,
        authors: [author.slug],
        status: 'published',
      });
      t.clock.advance(60_000);
    };
    await publish('Lighthouse keeper retires', 'Forty years above the waves.', ['Coast']);
    await publish('Harbour budget', 'The lighthouse repairs cost < 5 & more.');
    for (let n = 1; n <= 12; n += 1) await publish(`Tram works, week ${n}`, 'Tram works go on.');
  });
  afterAll(() => t.close());

  it('shows a labelled search form and a prompt when nothing was asked', async () => {
    const response = await page('');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<form role="search"');
    expect(response.body).toContain('<label for="search-q">Search articles</label>');
    expect(response.body).toContain('id="search-q" type="search" name="q"');
    expect(response.body).toContain('Search every article we have published.');
  });

  it('asks search engines not to index it', async () => {
    const response = await page('?q=lighthouse');
    expect(response.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('lists matches best first with the count, marked headlines and escaped snippets', async () => {
    const response = await page('?q=lighthouse');
    const html = response.body;
    expect(html).toContain('2 articles match “lighthouse”');
    expect(html).toMatch(
      /<h2><a href="\/lighthouse-keeper-retires"><mark>Lighthouse<\/mark> keeper/,
    );
    expect(html.indexOf('keeper retires')).toBeLessThan(html.indexOf('Harbour budget'));
    expect(html).toContain('<mark>lighthouse</mark> repairs cost &lt; 5 &amp; more');
    expect(html).toContain('value="lighthouse"');
  });

  it('links to the next and previous pages of results, keeping the words', async () => {
    const first = await page('?q=tram');
    expect(first.body).toContain('12 articles match “tram”');
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('<a href="/search?q=tram&amp;page=2" rel="next">');
    const second = await page('?q=tram&page=2');
    expect(second.body).toContain('Page 2 of 2');
    expect(second.body).toContain('<a href="/search?q=tram" rel="prev">');
    expect(second.body.match(/<li>/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('says so, kindly, when nothing matches', async () => {
    const response = await page('?q=zeppelin');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('No articles match “zeppelin”.');
    expect(response.body).toContain('Check the spelling');
  });

  it.each(['"', '*', 'NEAR(', "')--", '<script>alert(1)</script>'])(
    'answers the hostile query %j with a page, not an error',
    async (q) => {
      const response = await page(`?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('<script>alert(1)');
    },
  );

  it('searches through the Content API with snippets and post resources', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/content/search?q=lighthouse&limit=1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const body = response.json<ApiSearch>();
    expect(body).toMatchObject({ q: 'lighthouse', total: 2, page: 1, limit: 1, page_count: 2 });
    expect(body.results).toHaveLength(1);
    expect(body.results[0]?.post.title).toBe('Lighthouse keeper retires');
    expect(body.results[0]?.post.url).toBe('http://news.test/lighthouse-keeper-retires');
    expect(body.results[0]?.headline_html).toBe('<mark>Lighthouse</mark> keeper retires');
  });

  it('answers an API search without words with 400 and a stable code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/content/search' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a 61st search from one reader within a minute', async () => {
    const fresh = await createTestApp(ctx.handle);
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 61; n += 1) {
        statuses.push(
          (await fresh.app.inject({ method: 'GET', url: `/search?q=w${n}` })).statusCode,
        );
      }
      expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
      expect(statuses[60]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
