import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import {
  findAxeViolations,
  isBrowserAvailable,
  journeyTimeout,
  launchBrowser,
} from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!isBrowserAvailable())('a reader searches the site in Chromium', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let t: TestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    t = await createTestApp(handle);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const author = await t.tokenFor('author');
    for (let n = 1; n <= 12; n += 1) {
      await t.services.posts.createPost(systemActor, {
        title: n === 1 ? 'The night train is back' : `Night train timetable, part ${n}`,
        standfirst: 'After four years, the coast line runs again.',
        markdown: `The first night train left at 21:40 (${n}). Passengers <clapped> & cheered.`,
        tags: ['City'],
        authors: [author.slug],
        status: 'published',
      });
      t.clock.advance(60_000);
    }
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

  for (const width of [1280, 375]) {
    it(
      `finds articles from the search form with no axe violations at ${width} px`,
      async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${base}/search`);
        expect(await findAxeViolations(page)).toEqual([]);

        await page.getByRole('searchbox', { name: 'Search articles' }).fill('night train');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/search\?q=night\+train$/);
        expect(await page.locator('.search-summary').textContent()).toBe(
          '12 articles match “night train”',
        );
        expect(await page.locator('.search-results mark').first().textContent()).toMatch(/night/i);
        expect(await findAxeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Next →' }).click();
        expect(await page.getByText('Page 2 of 2').count()).toBe(1);
        expect(await findAxeViolations(page)).toEqual([]);

        await page.goto(`${base}/search?q=zeppelin`);
        expect(await page.getByText('No articles match “zeppelin”.').count()).toBe(1);
        expect(await findAxeViolations(page)).toEqual([]);
        await context.close();
      },
      journeyTimeout,
    );
  }
});
