import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { seedDemoNewsroom } from '../../src/main/demo/seed-demo.js';
import { findAxeViolations, isBrowserAvailable, launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!isBrowserAvailable())('a reader listens to a demo article in Chromium', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let t: TestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;
  let slug: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    // The embedded engine: flite in a child process, MP3 by lamejs; at the test's priority,
    // which a busy machine does not starve as it would nice 19.
    t = await createTestApp(handle, {
      MASTHEAD_DEMO: 'true',
      MASTHEAD_TTS_PROVIDER: 'flite',
      MASTHEAD_TTS_PRIORITY: 'normal',
    });
    await seedDemoNewsroom(t.services);
    // The demo's shortest public article keeps the test quick on a busy machine.
    const [post] = (await t.services.posts.listPublished({ limit: 100 }))
      .filter((p) => p.visibility === 'public')
      .sort((a, b) => a.plainText.length - b.plainText.length);
    if (post === undefined) throw new Error('The demo has no published article.');
    slug = post.slug;
    expect(await t.services.narration.narrateNow(post.id, false)).toBe('generated');
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 600_000);

  afterAll(async () => {
    /* eslint-disable @typescript-eslint/no-unnecessary-condition */
    await closeBrowser?.();
    await t?.close();
    await handle?.close();
    await database?.drop();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('plays, seeks with a byte range, skips and changes speed; the label names the engine', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const ranges: {
      status: number;
      range: string | undefined;
      contentRange: string | undefined;
    }[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/audio/')) return;
      ranges.push({
        status: response.status(),
        range: response.request().headers().range,
        contentRange: response.headers()['content-range'],
      });
    });
    await page.goto(`${base}/${slug}`);
    const player = page.locator('[data-audio-player]');
    await expect
      .poll(() => player.getByRole('heading').textContent(), { timeout: 30_000 })
      .toMatch(/^Listen · \d+ min$/);
    await expect
      .poll(() => player.locator('.article-audio-disclosure').textContent(), { timeout: 30_000 })
      .toContain('This audio is created with AI assistance');
    expect(await player.locator('.article-audio-disclosure').textContent()).toContain('Flite');
    // The island shows its tools.
    await player.getByRole('button', { name: 'Forward 15 seconds' }).waitFor({ state: 'visible' });

    const audio = player.locator('audio');
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration), { timeout: 30_000 })
      .toBeGreaterThan(20);
    const duration = await audio.evaluate((el: HTMLAudioElement) => el.duration);
    await audio.evaluate((el: HTMLAudioElement) => {
      el.muted = true;
      return el.play();
    });
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 30_000 })
      .toBeGreaterThan(0.2);

    // Seek to the middle: Chromium asks for a byte range and gets 206.
    await audio.evaluate((el: HTMLAudioElement, to: number) => {
      el.currentTime = to;
    }, duration / 2);
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 30_000 })
      .toBeGreaterThan(duration / 2 - 1);
    await expect.poll(() => ranges.some((r) => r.status === 206), { timeout: 30_000 }).toBe(true);
    const partial = ranges.find((r) => r.status === 206);
    expect(partial?.contentRange).toMatch(/^bytes \d+-\d+\/\d+$/);

    // Skip back 15 s, and play faster.
    const before = await audio.evaluate((el: HTMLAudioElement) => el.currentTime);
    await player.getByRole('button', { name: 'Back 15 seconds' }).click();
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 30_000 })
      .toBeLessThan(before - 10);
    await player.getByLabel('Speed').selectOption('1.5');
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => el.playbackRate), { timeout: 30_000 })
      .toBe(1.5);

    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('without JavaScript the native player and the download link are still there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/${slug}`);
    const player = page.locator('[data-audio-player]');
    expect(await player.locator('audio[controls]').count()).toBe(1);
    expect(await player.locator('[data-audio-tools]').isHidden()).toBe(true);
    const href = await player.getByRole('link', { name: /Download MP3/ }).getAttribute('href');
    const download = await fetch(`${base}${href ?? ''}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.mp3"$/);
    expect(download.headers.get('content-type')).toBe('audio/mpeg');
    await context.close();
  });
});
