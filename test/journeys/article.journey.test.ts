import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDemoImage } from '../../src/features/content/media-demo-images.js';
import { systemActor } from '../../src/features/staff/actor.js';
import type { Browser } from 'playwright-core';
import { findAxeViolations, isBrowserAvailable, launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';

describe.skipIf(!isBrowserAvailable())(
  'a reader and a staff member open an article in Chromium',
  () => {
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
      t = await createTestApp(handle);
      base = await t.app.listen({ host: '127.0.0.1', port: 0 });
      await t.services.staff.createStaff(systemActor, {
        email: 'editor@news.test',
        name: 'Mira Editor',
        role: 'editor',
        password: 'a long enough password',
        jobTitle: 'Senior Editor',
      });
      const image = await t.services.media.upload(systemActor, {
        filename: 'rail.png',
        data: await renderDemoImage({ width: 1200, height: 675, seed: 5, label: 'rail' }),
      });
      const post = await t.services.posts.createPost(systemActor, {
        title: 'The night train is back',
        standfirst: 'After four years, the coast line runs again.',
        markdown:
          'The first train left at 21:40.\n\n## What changes\n\nTickets go on sale on [the operator’s site](https://rail.example).',
        authors: ['mira-editor'],
        tags: ['City'],
        featureImage: {
          mediaId: image.id,
          alt: 'A train at a platform at night',
          caption: 'The first departure.',
          credit: 'Ana Lind / Coast Wire',
        },
        status: 'published',
      });
      slug = post.slug;
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

    it('moves focus to the article with the skip link and has no axe violations', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/${slug}`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe(
        'Skip to content',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
      expect(await page.locator('h1').textContent()).toBe('The night train is back');
      expect(await page.getByRole('link', { name: 'Edit post' }).count()).toBe(0);
      expect(await findAxeViolations(page)).toEqual([]);
      await context.close();
    });

    it('shows "Edit post" to a signed-in staff member, linking to the CMS editor', async () => {
      const context = await browser.newContext();
      const signIn = await context.request.post(`${base}/api/admin/session`, {
        data: { email: 'editor@news.test', password: 'a long enough password' },
      });
      expect(signIn.status()).toBe(200);
      const page = await context.newPage();
      await page.goto(`${base}/${slug}`);
      const edit = page.getByRole('link', { name: 'Edit post' });
      expect(await edit.getAttribute('href')).toMatch(/^\/admin\/posts\/.+/);
      expect(await findAxeViolations(page)).toEqual([]);
      await context.close();
    });
  },
);
