import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import {
  renderDemoImage,
  renderDemoPortrait,
} from '../../src/features/content/media-demo-images.js';
import { systemActor } from '../../src/features/staff/actor.js';
import {
  findAxeViolations,
  isBrowserAvailable,
  journeyTimeout,
  launchBrowser,
} from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const widths = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
} as const;

describe.skipIf(!isBrowserAvailable())('a reader browses the site in Chromium', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let t: TestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;
  let articleSlug: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    t = await createTestApp(handle);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { media, staff, tags, posts, picks } = t.services;
    const portrait = await media.upload(systemActor, {
      filename: 'p.png',
      data: await renderDemoPortrait({ seed: 1, initials: 'AL' }),
    });
    await staff.createStaff(systemActor, {
      email: 'ana@news.test',
      name: 'Ana Lind',
      role: 'editor',
      password: 'a long enough password',
      jobTitle: 'Reporter',
      bio: 'Ana covers the city council and the port.',
      photoMediaId: portrait.id,
    });
    await tags.createTag(systemActor, { name: 'City', description: 'The city and its council.' });
    await tags.createTag(systemActor, { name: 'Culture' });
    const ids: string[] = [];
    const stories: [string, string][] = [
      ['Harbour bridge reopens after repairs', 'City'],
      ['Council approves the winter budget', 'City'],
      ['A festival of small theatres', 'Culture'],
    ];
    for (const [index, [title, section]] of stories.entries()) {
      const image = await media.upload(systemActor, {
        filename: `${index}.png`,
        data: await renderDemoImage({ width: 960, height: 540, seed: index + 2, label: 'harbour' }),
      });
      t.clock.advance(60 * 60 * 1000);
      const post = await posts.createPost(systemActor, {
        title,
        standfirst: `${title}: what it means for readers.`,
        markdown: `First paragraph about ${title.toLowerCase()}.\n\n## Why it matters\n\nSecond paragraph.`,
        tags: [section],
        authors: ['ana-lind'],
        featureImage: {
          mediaId: image.id,
          alt: `Photo for ${title}`,
          caption: 'A caption.',
          credit: 'Ana Lind / The Test Times',
        },
        status: 'published',
      });
      ids.push(post.id);
      articleSlug = post.slug;
    }
    await picks.setPicks(systemActor, ids.slice(0, 2));
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, journeyTimeout);

  afterAll(async () => {
    await closeBrowser();
    await t.close();
    await handle.close();
    await database.drop();
  });

  for (const [name, viewport] of Object.entries(widths)) {
    it(`has no axe violations on the front, article, section and author pages at ${name} width`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const path of ['/', `/${articleSlug}`, '/tag/city', '/author/ana-lind']) {
        const response = await page.goto(`${base}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(await findAxeViolations(page), path).toEqual([]);
      }
      await context.close();
    });
  }

  it('reaches every article from the front page and its sections, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const fromFront = await page
      .locator('main a[href^="/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const slug of [
      'harbour-bridge-reopens-after-repairs',
      'council-approves-the-winter-budget',
      'a-festival-of-small-theatres',
    ]) {
      expect(fromFront).toContain(`/${slug}`);
    }
    await page.getByRole('link', { name: 'Harbour bridge reopens after repairs' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('Harbour bridge reopens after repairs');
    expect(await page.getByRole('heading', { name: 'More on City' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Editors’ Picks' }).count()).toBe(1);
    await context.close();
  });

  it('keeps the article page under 60 KB compressed, HTML, CSS and scripts together', async () => {
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    const page = (await t.app.inject({ method: 'GET', url: `/${articleSlug}` })).body;
    // The cache compresses a page off the event loop, just after storing it.
    await expect
      .poll(async () => (await get(`/${articleSlug}`)).headers['content-encoding'])
      .toBe('br');
    const html = await get(`/${articleSlug}`);
    const assets = [
      ...page.matchAll(/<(?:link rel="stylesheet" href|script[^>]* src)="([^"]+)"/g),
    ].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    let bytes = html.rawPayload.length;
    for (const asset of assets) {
      const response = await get(asset);
      expect(response.headers['content-encoding'], asset).toBe('br');
      bytes += response.rawPayload.length;
    }
    expect(bytes).toBeLessThan(60 * 1024);
  });
});
