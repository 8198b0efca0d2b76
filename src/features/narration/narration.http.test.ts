import Parser from 'rss-parser';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeSpeechApi, type FakeSpeechApi } from '../../../test/support/fake-speech-api.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';
import { defaultNarrationDebounceMs } from './narration.service.js';

const key = 'sk-narration-test';

describeEachEngine('narration pipeline', (ctx) => {
  let api: FakeSpeechApi;
  let t: TestApp;
  let editor: { token: string; slug: string };
  /** A byline said the same on every run (a generated name would be read by its digits). */
  let author: { slug: string };

  const auth = () => ({ authorization: `Bearer ${editor.token}` });
  const spoken = (from: number) =>
    api.requests.slice(from).map((r) => (JSON.parse(r.body) as { input: string }).input);

  async function status(postId: string) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/posts/${postId}/narration`,
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{
      narration: Record<string, unknown> & { audio: Record<string, unknown> | null };
    }>().narration;
  }

  /**
   * Waits for the request the last save made: a subscriber makes it after the save
   * commits, at the test clock's time, which stands still until the test moves it.
   */
  async function requested(postId: string) {
    const at = t.clock.now().toISOString();
    await expect
      .poll(async () => (await status(postId)).requested_at, { timeout: 20_000 })
      .toBe(at);
  }

  /** Waits for the request a save made, then lets the quiet spell pass and runs the job. */
  async function settle(postId: string) {
    await requested(postId);
    expect((await status(postId)).status).toBe('queued');
    t.clock.advance(defaultNarrationDebounceMs + 1);
    await t.runJobs();
  }

  async function publish(markdown: string, extra: Record<string, unknown> = {}) {
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Trams return to Podil',
      standfirst: 'The line closed in 2019',
      markdown,
      authors: [author.slug],
      status: 'published',
      ...extra,
    });
    await settle(post.id);
    expect((await status(post.id)).status).toBe('ready');
    return post;
  }

  async function editLive(postId: string, input: Record<string, unknown>) {
    await t.services.posts.updatePost(systemActor, postId, input);
    await t.services.posts.applyPendingChanges(systemActor, postId);
  }

  beforeAll(async () => {
    api = await startFakeSpeechApi(key);
    t = await createTestApp(ctx.handle, {
      MASTHEAD_TTS_PROVIDER: 'openai',
      MASTHEAD_TTS_API_KEY: key,
      MASTHEAD_TTS_BASE_URL: api.url,
    });
    editor = await t.tokenFor('editor');
    author = await t.services.staff.createStaff(systemActor, {
      email: 'olena@news.test',
      name: 'Olena Kovalenko',
      role: 'author',
      password: 'correct horse battery',
    });
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });
  beforeEach(() => {
    t.clock.advance(60 * 60_000);
  });

  it('narrates a published article once the quiet spell passes, recording provider, voice and hash', async () => {
    const before = api.requests.length;
    const post = await publish('The first tram ran at dawn on 2026-11-20, costing $4.5m.');
    const narration = await status(post.id);
    expect(narration.status).toBe('ready');
    expect(narration.generations).toBe(1);
    expect(narration.audio).toMatchObject({ provider: 'openai', voice: 'alloy' });
    expect(narration.audio?.script_hash).toMatch(/^[a-f0-9]{64}$/);
    expect(Number(narration.audio?.duration_ms)).toBeGreaterThan(400);
    const [said] = spoken(before);
    expect(spoken(before)).toHaveLength(1);
    expect(said).toMatch(
      /^Trams return to Podil\.\n\nBy Olena Kovalenko\.\n\nThe line closed in twenty nineteen\./,
    );
    expect(said).toContain(
      'The first tram ran at dawn on the twentieth of November twenty twenty-six, costing four point five million dollars.',
    );
  });

  it('a burst of body edits makes one new narration; the old audio stays meanwhile', async () => {
    const post = await publish('Version zero.');
    const first = await status(post.id);
    const before = api.requests.length;
    for (let n = 1; n <= 4; n += 1) {
      await editLive(post.id, { markdown: `Version ${n}.` });
      await requested(post.id);
      t.clock.advance(10_000);
      expect(await t.runJobs()).toBe(0);
      // Readers keep the previous audio while the next one waits.
      expect((await status(post.id)).audio?.url).toBe(first.audio?.url);
    }
    await expect
      .poll(async () => {
        const jobs = await t.services.jobs.listJobs({ status: 'queued', limit: 50 });
        return jobs.filter((j) => j.kind === 'narration.generate' && j.payload.includes(post.id))
          .length;
      })
      .toBe(1);
    t.clock.advance(defaultNarrationDebounceMs);
    await t.runJobs();
    const after = await status(post.id);
    expect(after.generations).toBe(2);
    expect(spoken(before)).toHaveLength(1);
    expect(spoken(before)[0]).toContain('Version four.');
  });

  it('changing only the SEO title does not narrate again', async () => {
    const post = await publish('Nothing said changes.');
    const first = await status(post.id);
    const before = api.requests.length;
    await editLive(post.id, { seoTitle: 'A better title for search engines' });
    await settle(post.id);
    const after = await status(post.id);
    expect(after.status).toBe('ready');
    expect(after.generations).toBe(first.generations);
    expect(after.audio?.script_hash).toBe(first.audio?.script_hash);
    expect(api.requests.length).toBe(before);
  });

  it('a lexicon change applies to the next narration', async () => {
    const post = await publish('We met in Chernihiv.');
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/admin/narration/lexicon',
      headers: auth(),
      payload: { term: 'Chernihiv', say: 'Cher-nee-hiv' },
    });
    expect(added.statusCode).toBe(201);
    const before = api.requests.length;
    const regenerated = await t.app.inject({
      method: 'POST',
      url: `/api/admin/posts/${post.id}/narration/regenerate`,
      headers: auth(),
    });
    expect(regenerated.statusCode).toBe(202);
    await t.runJobs();
    expect(spoken(before)[0]).toContain('We met in Cher-nee-hiv.');
    expect((await status(post.id)).generations).toBe(2);
  });

  it('a refusal fails at once with the provider message; 5xx answers retry with backoff', async () => {
    const post = await publish('First words.');
    api.respondWith(400);
    await editLive(post.id, { markdown: 'Second words.' });
    await settle(post.id);
    const failed = await status(post.id);
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toMatch(
      /OpenAI refused the narration with HTTP 400: Simulated answer 400/,
    );
    expect(failed.audio).not.toBeNull();

    api.respondWith(500, 500, 500, 500);
    await editLive(post.id, { markdown: 'Third words.' });
    await settle(post.id);
    const retrying = await status(post.id);
    expect(retrying.status).toBe('retrying');
    expect(retrying.last_error).toMatch(/did not answer after 4 attempts/);
    t.clock.advance(60 * 60_000);
    await t.runJobs();
    const ready = await status(post.id);
    expect(ready.status).toBe('ready');
    expect(ready.last_error).toBeNull();
  });

  it('serves audio with byte ranges, and gated audio only as a preview to readers without access', async () => {
    const open = await publish('Open words.');
    const openAudio = (await status(open.id)).audio;
    const url = String(openAudio?.url);
    const whole = await t.app.inject({ method: 'GET', url });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/mpeg');
    expect(whole.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const size = whole.rawPayload.length;
    expect(size).toBe(openAudio?.bytes);
    const part = await t.app.inject({ method: 'GET', url, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(part.rawPayload).toEqual(whole.rawPayload.subarray(100, 200));
    const page = await t.app.inject({ method: 'GET', url: `/${open.slug}` });
    expect(page.body).toContain(`src="${url}"`);
    expect(page.body).toContain('This audio is created with AI assistance');
    expect(page.body).toContain('OpenAI text-to-speech');

    const gated = await publish('Open part.\n\n[paywall]\n\nLocked part.', { visibility: 'paid' });
    const narration = await status(gated.id);
    expect(narration.audio?.preview).not.toBeNull();
    const wholeUrl = String(narration.audio?.url);
    const previewUrl = (narration.audio?.preview as { url: string }).url;
    const anonymousPage = await t.app.inject({ method: 'GET', url: `/${gated.slug}` });
    expect(anonymousPage.body).toContain(`src="${previewUrl}"`);
    expect(anonymousPage.body).not.toContain(wholeUrl);
    expect((await t.app.inject({ method: 'GET', url: previewUrl })).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'GET', url: wholeUrl });
    expect(refused.statusCode).toBe(403);
    const ranged = await t.app.inject({
      method: 'GET',
      url: wholeUrl,
      headers: { range: 'bytes=0-' },
    });
    expect(ranged.statusCode).toBe(403);
    // Not from the public files path either.
    const key = wholeUrl.split('/').at(-1);
    const files = await t.app.inject({
      method: 'GET',
      url: `/content/files/private/narration/${gated.id}/${key}`,
    });
    expect(files.statusCode).toBe(404);
    const staff = await t.app.inject({ method: 'GET', url: wholeUrl, headers: auth() });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it('narration turned off shows no player', async () => {
    const post = await publish('Soon silent.');
    const off = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/posts/${post.id}/narration`,
      headers: auth(),
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<audio');
  });

  it('lists narrated articles in a podcast feed that a real feed parser reads', async () => {
    const post = await publish('Heard on the radio.', { tags: ['City'] });
    const gated = await publish('Free start.\n\n[paywall]\n\nPaid end.', {
      visibility: 'paid',
      tags: ['City'],
    });
    const response = await t.app.inject({ method: 'GET', url: '/podcast/rss' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = await new Parser().parseString(response.body);
    expect(feed.itunes?.image).toBe('http://news.test/podcast/artwork.png');
    const episode = feed.items.find((item) => item.guid === post.id);
    const narration = await status(post.id);
    expect(episode?.enclosure).toEqual({
      url: `http://news.test${String(narration.audio?.url)}`,
      length: String(narration.audio?.bytes),
      type: 'audio/mpeg',
    });
    expect((episode?.itunes as { duration?: string } | undefined)?.duration).toMatch(/^00:00:0\d$/);
    // A gated article appears as the preview anyone may hear, never the whole.
    const gatedNarration = await status(gated.id);
    const preview = feed.items.find((item) => item.guid === `${gated.id}-preview`);
    expect(preview?.enclosure?.url).toBe(
      `http://news.test${(gatedNarration.audio?.preview as { url: string }).url}`,
    );
    expect(response.body).not.toContain(String(gatedNarration.audio?.url));

    const section = await t.app.inject({ method: 'GET', url: '/podcast/city/rss' });
    const sectionFeed = await new Parser().parseString(section.body);
    expect(sectionFeed.items.map((item) => item.guid).sort()).toEqual(
      [post.id, `${gated.id}-preview`].sort(),
    );
    const artwork = await t.app.inject({ method: 'GET', url: '/podcast/artwork.png' });
    expect(artwork.statusCode).toBe(200);
    expect(artwork.headers['content-type']).toBe('image/png');
  });
});
