import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { findAxeViolations, isBrowserAvailable, launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** DESIGN.md: an entry reaches an open page within 2 s; the waits below allow no more. */
// Live means without a reload; the bound only allows for a busy machine.
const live = { timeout: 60_000 };

describe.skipIf(!isBrowserAvailable())('a reader follows the news feed live in Chromium', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let t: TestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    t = await createTestApp(handle);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    await t.services.settings.updateSiteSettings(systemActor, {
      title: 'The Harbour Gazette',
      locale: 'en-US',
      timezone: 'UTC',
    });
    ({ token } = await t.tokenFor('editor'));
    ({ browser, close: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    // Each step may be missing if beforeAll failed part-way.
    /* eslint-disable @typescript-eslint/no-unnecessary-condition */
    await closeBrowser?.();
    await t?.close();
    await handle?.close();
    await database?.drop();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  async function api(method: string, path: string, body?: object): Promise<{ id: string }> {
    const response = await fetch(`${base}/api/admin/feed${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    if (response.status === 204) return { id: '' };
    return ((await response.json()) as { entry: { id: string } }).entry;
  }

  /** Waits until the island has connected, so what is posted next is live, not on load. */
  async function openLive(page: Page, path: string): Promise<void> {
    const connected = page.waitForResponse((r) => r.url().includes('/news-feed/live'));
    await page.goto(`${base}${path}`);
    await connected;
  }

  it('shows a posted entry on the open front page, then its edit, then its removal', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openLive(page, '/');
    const widget = page.locator('[data-news-feed="widget"]');
    expect(await widget.getByRole('heading', { name: 'News Feed' }).count()).toBe(1);
    expect(await widget.getByRole('link', { name: 'More news' }).getAttribute('href')).toBe(
      '/news-feed',
    );

    const entry = await api('POST', '', {
      title: 'Storm reaches the coast',
      markdown: 'Ferries are cancelled.',
    });
    const item = widget.locator(`[data-entry-id="${entry.id}"]`);
    await item.getByRole('link', { name: 'Storm reaches the coast' }).waitFor(live);
    expect(await item.locator('time').first().textContent()).toMatch(/^9:00\sAM$/);
    expect(await item.textContent()).not.toContain('Updated');
    // The announcement is written a moment after the entry, so screen readers notice it.
    await widget
      .locator('[aria-live="polite"]', { hasText: /^New update: Storm reaches the coast$/ })
      .waitFor({ ...live, state: 'attached' });

    t.clock.advance(7 * 60_000);
    await api('PATCH', `/${entry.id}`, { title: 'Storm reaches the coast; ferries cancelled' });
    await item.getByText('Storm reaches the coast; ferries cancelled').waitFor(live);
    expect(await item.locator('.news-feed-updated').textContent()).toMatch(
      /^ \(Updated: 9:07\sAM\)$/,
    );

    await api('DELETE', `/${entry.id}`);
    await item.waitFor({ state: 'detached', ...live });
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('waits behind an "N new updates" button while the reader is scrolled down the archive', async () => {
    for (let n = 1; n <= 12; n++) {
      t.clock.advance(60_000);
      await api('POST', '', {
        title: `Earlier update ${n}`,
        markdown: 'A paragraph long enough to take up some room on the page. '.repeat(6),
      });
    }
    const context = await browser.newContext({
      viewport: { width: 1000, height: 700 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await openLive(page, '/news-feed');
    // Without the browser's scroll anchoring, so any shift of the text would show.
    await page.evaluate(() =>
      document.documentElement.style.setProperty('overflow-anchor', 'none'),
    );
    const reading = page.getByRole('heading', { name: 'Earlier update 6' });
    await reading.scrollIntoViewIfNeeded();
    const readingTop = await reading.evaluate((el) => el.getBoundingClientRect().top);

    t.clock.advance(60_000);
    await api('POST', '', { title: 'A new development' });
    const button = page.getByRole('button', { name: '1 new update' });
    await button.waitFor(live);
    expect(await page.title()).toBe('(1) News feed | The Harbour Gazette');
    expect(await page.getByText('A new development').count()).toBe(0);
    expect(await reading.evaluate((el) => el.getBoundingClientRect().top)).toBe(readingTop);

    await button.focus();
    await page.keyboard.press('Enter');
    const arrived = page.locator('.news-feed-entry', { hasText: 'A new development' });
    await arrived.waitFor(live);
    expect(await arrived.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await arrived.evaluate((el) => el.classList.contains('news-feed-arrived'))).toBe(false);
    expect(await page.title()).toBe('News feed | The Harbour Gazette');
    expect(await button.isHidden()).toBe(true);
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('still shows the latest entries when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const items = page.locator('[data-news-feed="widget"] li');
    expect(await items.count()).toBe(6);
    expect(await items.first().textContent()).toContain('A new development');
    await context.close();
  });
});
