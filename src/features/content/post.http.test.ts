import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { renderDemoImage } from './media-demo-images.js';
import { systemActor } from '../staff/actor.js';
import { cacheTags } from '../../site/cache/cache-tags.js';

interface ApiPost {
  id: string;
  slug: string;
  url: string;
  status: string;
  revision: number;
  feature_image: { url: string | null } | null;
}

describeEachEngine('posts through the Admin API and the article page', (ctx) => {
  let t: TestApp;
  let author: { token: string; userId: string; slug: string };
  let contributor: { token: string };
  let mediaId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    author = await t.tokenFor('author');
    await t.services.staff.updateStaff(systemActor, author.userId, { jobTitle: 'Reporter' });
    contributor = await t.tokenFor('contributor');
    await t.services.tags.createTag(systemActor, { name: 'City' });
    const image = await t.services.media.upload(systemActor, {
      filename: 'harbour.png',
      data: await renderDemoImage({ width: 800, height: 450, seed: 3, label: 'harbour' }),
    });
    mediaId = image.id;
  });
  afterAll(() => t.close());

  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token: string | null,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  const createPublished = async (overrides: object = {}): Promise<ApiPost> => {
    const response = await api('POST', '/api/admin/posts', author.token, {
      title: 'Night trains return to the coast',
      standfirst: 'The line closed for four years is running again.',
      markdown: '## First night\n\nThe first train left at **21:40**.\n\nPassengers clapped.',
      tags: ['City'],
      authors: [author.slug],
      feature_image: {
        media_id: mediaId,
        alt: 'A train at a platform',
        caption: 'The first train.',
        credit: 'Ana Lind / Coast Wire',
      },
      status: 'published',
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ post: ApiPost }>().post;
  };

  it('refuses a request without a token with 401 and a stable code', async () => {
    const response = await api('POST', '/api/admin/posts', null, { title: 'x' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('lets a contributor save a draft but not publish it', async () => {
    const draft = await api('POST', '/api/admin/posts', contributor.token, {
      title: 'My draft',
      markdown: 'Words.',
    });
    expect(draft.statusCode).toBe(201);
    const published = await api('POST', '/api/admin/posts', contributor.token, {
      title: 'Straight to print',
      markdown: 'Words.',
      status: 'published',
    });
    expect(published.statusCode).toBe(403);
    expect(published.json()).toMatchObject({ error: { code: 'forbidden' } });
    const { post } = draft.json<{ post: ApiPost }>();
    const publish = await api('POST', `/api/admin/posts/${post.id}/publish`, contributor.token);
    expect(publish.statusCode).toBe(403);
    expect(publish.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers bad input with 400 naming the fields', async () => {
    const response = await api('POST', '/api/admin/posts', author.token, {
      status: 'live',
      markdown: 5,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; fields: { field: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.fields.map((f) => f.field).join(' ');
    expect(fields).toContain('title');
    expect(fields).toContain('status');
  });

  it('refuses to publish a feature image without alt text, saying which field', async () => {
    const response = await api('POST', '/api/admin/posts', author.token, {
      title: 'No alt',
      markdown: 'Text',
      authors: [author.slug],
      feature_image: { media_id: mediaId, alt: '' },
      status: 'published',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('feature_image.alt');
  });

  it('publishes a Markdown post with a feature image at its URL with every article element', async () => {
    const post = await createPublished();
    expect(post.url).toBe(`http://news.test/${post.slug}`);
    expect(post.feature_image?.url).toMatch(/^http:\/\/news\.test\/content\/files\/.+\.jpg$/);
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const firstLink = /<a [^>]*>/.exec(html)?.[0] ?? '';
    expect(firstLink).toContain('href="#content"');
    expect(html).toContain('Skip to content');
    expect(html).toContain('<main id="content" tabindex="-1"');
    expect(html).toContain('<h1>Night trains return to the coast</h1>');
    expect(html).toContain('The line closed for four years is running again.');
    expect(html).toMatch(new RegExp(`<a href="/author/${author.slug}" rel="author">Author Person`));
    expect(html).toContain(', Reporter</span>');
    expect(html).toMatch(/<time datetime="2026-11-20T09:00:00.000Z">20 November 2026/);
    expect(html).toContain('1 min read');
    expect(html).toMatch(
      /<figure class="feature-image"><picture>.*<img [^>]*alt="A train at a platform"/s,
    );
    expect(html).toContain(
      '<figcaption>The first train.<span class="credit">(Ana Lind / Coast Wire)</span></figcaption>',
    );
    expect(html).toContain('<strong>21:40</strong>');
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain(`<link rel="canonical" href="http://news.test/${post.slug}"/>`);
    expect(html).toContain(
      '<meta property="og:title" content="Night trains return to the coast"/>',
    );
    expect(html).not.toContain('Edit post');
    expect(page.headers['cache-control']).toMatch(/^public, max-age=60/);
    expect(String(page.headers['surrogate-key']).split(' ')).toContain(cacheTags.post(post.id));
  });

  it('shows an applied edit on the next request, and redirects the old slug after a slug change', async () => {
    const post = await createPublished({ title: 'Ferry timetable changes' });
    const edit = await api('PATCH', `/api/admin/posts/${post.id}`, author.token, {
      title: 'Ferry timetable changes from Monday',
      slug: 'ferry-timetable-monday',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const apply = await api('POST', `/api/admin/posts/${post.id}/pending/apply`, author.token, {});
    expect(apply.statusCode, apply.body).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: '/ferry-timetable-monday' });
    expect(page.body).toContain('<h1>Ferry timetable changes from Monday</h1>');
    const old = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/ferry-timetable-monday');
  });

  it('refuses a save made over a newer revision, so no text is silently lost', async () => {
    const post = await createPublished({ title: 'Two editors' });
    const first = await api('PATCH', `/api/admin/posts/${post.id}`, author.token, {
      standfirst: 'First',
      revision: post.revision,
    });
    expect(first.statusCode).toBe(200);
    const second = await api('PATCH', `/api/admin/posts/${post.id}`, author.token, {
      standfirst: 'Second',
      revision: post.revision,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'edit_conflict' } });
    const current = await api('GET', `/api/admin/posts/${post.id}`, author.token);
    expect(
      current.json<{ post: { pending_changes: { standfirst: string } } }>().post.pending_changes
        .standfirst,
    ).toBe('First');
  });

  it('publishes a draft with POST …/publish and no body', async () => {
    const draft = await api('POST', '/api/admin/posts', author.token, {
      title: 'Draft then live',
      markdown: 'Words.',
      authors: [author.slug],
    });
    const { post } = draft.json<{ post: ApiPost }>();
    const response = await api('POST', `/api/admin/posts/${post.id}/publish`, author.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ post: ApiPost }>().post.status).toBe('published');
  });

  it('sorts the staff list of posts by headline across pages when asked', async () => {
    for (const title of ['Zebra crossing repainted', 'Aardvark escapes the zoo']) {
      await api('POST', '/api/admin/posts', author.token, { title, markdown: 'Words.' });
    }
    const first = await api('GET', '/api/admin/posts?sort=title&limit=1', author.token);
    expect(first.json<{ posts: { title: string }[] }>().posts[0]?.title).toBe(
      'Aardvark escapes the zoo',
    );
    const bad = await api('GET', '/api/admin/posts?sort=random', author.token);
    expect(bad.statusCode).toBe(400);
  });

  it('lists only the fields asked for, without rendering or sending bodies', async () => {
    await api('POST', '/api/admin/posts', author.token, {
      title: 'Harbour dredging begins',
      markdown: 'A long body. '.repeat(500),
      authors: [author.slug],
    });
    const url = '/api/admin/posts?sort=title&fields=title,status,authors,review,updated_at';
    const lean = await api('GET', url, author.token);
    expect(lean.statusCode, lean.body).toBe(200);
    const { posts } = lean.json<{ posts: Record<string, unknown>[] }>();
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(Object.keys(post).sort()).toEqual(
        ['authors', 'id', 'review', 'status', 'title', 'updated_at'].sort(),
      );
    }
    const full = await api('GET', '/api/admin/posts?sort=title', author.token);
    const whole = full.json<{ posts: (ApiPost & { title: string; html: string })[] }>().posts;
    expect(whole.map((post) => post.id)).toEqual(posts.map((post) => post.id));
    expect(whole.find((post) => post.title === 'Harbour dredging begins')?.html).toContain(
      'A long body.',
    );
    expect(lean.body.length * 5).toBeLessThan(full.body.length);

    const typo = await api('GET', '/api/admin/posts?fields=title,bodyy', author.token);
    expect(typo.statusCode).toBe(400);
    expect(typo.json<{ error: { code: string; message: string } }>().error.code).toBe(
      'validation_failed',
    );
    expect(typo.body).toContain('“bodyy” is not a field of a post');
  });

  it('takes an unpublished post off the site', async () => {
    const post = await createPublished({ title: 'Withdrawn story' });
    const response = await api('POST', `/api/admin/posts/${post.id}/unpublish`, author.token, {});
    expect(response.json<{ post: ApiPost }>().post.status).toBe('draft');
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(410);
    const listed = await t.app.inject({ method: 'GET', url: '/api/content/posts' });
    expect(listed.json<{ posts: ApiPost[] }>().posts.map((p) => p.id)).not.toContain(post.id);
  });

  it('publishes a scheduled post when its time comes', async () => {
    const at = new Date(t.clock.now().getTime() + 2 * 60 * 60 * 1000).toISOString();
    const post = await createPublished({
      title: 'Budget vote tonight',
      status: 'scheduled',
      published_at: at,
    });
    expect(post.status).toBe('scheduled');
    expect((await t.app.inject({ method: 'GET', url: `/${post.slug}` })).statusCode).toBe(404);
    await t.runJobs();
    expect((await t.app.inject({ method: 'GET', url: `/${post.slug}` })).statusCode).toBe(404);
    t.clock.advance(2 * 60 * 60 * 1000 + 1000);
    await t.runJobs();
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<time datetime="${at}">`);
  });

  it('escapes markup in titles and strips scripts from bodies', async () => {
    const post = await createPublished({
      title: '<script>alert(1)</script> & friends',
      markdown:
        'Hello <img src=x onerror="alert(2)"> [click](javascript:alert(3))\n\n<script>alert(4)</script>',
    });
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> &amp; friends');
    expect(page.body).not.toMatch(/<script>alert|onerror|javascript:alert/);
  });

  it('publishes a 120-character headline to a working address', async () => {
    const title =
      'Regional council approves the long-delayed harbour bridge after a night of debate and protests';
    const long = `${title} outside the hall`.padEnd(120, '!');
    const post = await createPublished({ title: long });
    expect(post.slug.length).toBeLessThanOrEqual(80);
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    const cyrillic = await createPublished({
      title:
        'Київська міська рада погодила будівництво нового мосту через Дніпро після нічних дебатів і протестів',
    });
    expect(cyrillic.slug).toMatch(/^kyivska-miska-rada-pohodyla-/);
    expect((await t.app.inject({ method: 'GET', url: `/${cyrillic.slug}` })).statusCode).toBe(200);
    const typed = `${'й'.repeat(60)}-${'ї'.repeat(59)}`;
    const own = await api('PATCH', `/api/admin/posts/${cyrillic.id}`, author.token, {
      slug: typed,
    });
    expect(own.statusCode, own.body).toBe(200);
    await api('POST', `/api/admin/posts/${cyrillic.id}/pending/apply`, author.token, {});
    const encoded = await t.app.inject({ method: 'GET', url: `/${encodeURIComponent(typed)}` });
    expect(encoded.statusCode).toBe(200);
  });

  it('answers an unknown address with a real 404 page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/no-such-story' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Skip to content');
  });

  it('lists published posts with their URLs in the Content API', async () => {
    const post = await createPublished({ title: 'Listed in the API' });
    const response = await t.app.inject({ method: 'GET', url: '/api/content/posts?limit=50' });
    expect(response.statusCode).toBe(200);
    const found = response.json<{ posts: ApiPost[] }>().posts.find((p) => p.id === post.id);
    expect(found?.url).toBe(`http://news.test/${post.slug}`);
  });
});
