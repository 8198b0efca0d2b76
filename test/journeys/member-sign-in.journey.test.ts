import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { drainJobs, readOutbox } from '../../src/platform/mail/test-support/outbox-helpers.js';
import {
  findAxeViolations,
  isBrowserAvailable,
  journeyTimeout,
  launchBrowser,
} from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const preview = 'The harbour authority voted on Monday night.';
const locked = 'Three of the contracts went to one company.';

describe.skipIf(!isBrowserAvailable())(
  'a reader signs in by magic link to read a members article',
  () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let t: TestApp;
    let browser: Browser;
    let closeBrowser: () => Promise<void>;
    let base: string;
    let slug: string;
    let admin: string;

    beforeAll(async () => {
      database = await createTestDatabase('sqlite');
      handle = openDatabase(database.url);
      t = await createTestApp(handle);
      base = await t.app.listen({ host: '127.0.0.1', port: 0 });
      admin = (await t.tokenFor('administrator')).token;
      const author = await t.tokenFor('author');
      const post = await t.services.posts.createPost(systemActor, {
        title: 'What the harbour contracts say',
        markdown: `${preview}\n\n[paywall]\n\n${locked}`,
        authors: [author.slug],
        visibility: 'members',
        status: 'published',
      });
      slug = post.slug;
      ({ browser, close: closeBrowser } = await launchBrowser());
    });

    afterAll(async () => {
      /* eslint-disable @typescript-eslint/no-unnecessary-condition */
      await closeBrowser?.();
      await t?.close();
      await handle?.close();
      await database?.drop();
      /* eslint-enable @typescript-eslint/no-unnecessary-condition */
    });

    it(
      'shows the preview, signs in from the e-mailed link, reads it whole, and signs out',
      async () => {
        const context = await browser.newContext();
        const page = await context.newPage();

        page.setDefaultTimeout(15_000);
        await page.goto(`${base}/${slug}`);
        await page.getByText(preview).waitFor();
        await page.getByRole('heading', { name: 'This article is for members' }).waitFor();
        expect(await page.getByText(locked).count()).toBe(0);
        expect(await findAxeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Sign in' }).click();
        await page.getByLabel('E-mail address').fill('reader@journey.test');
        await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
        await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
        expect(await findAxeViolations(page)).toEqual([]);

        await drainJobs(t);
        const message = (await readOutbox(t, admin)).find((m) => m.to === 'reader@journey.test');
        const link = /http:\/\/news\.test(\/signin\/link\/[\w-]+)/.exec(message?.text ?? '')?.[1];
        expect(link).toBeDefined();
        await page.goto(`${base}${link ?? ''}`);
        expect(await findAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Sign in' }).click();

        await page.waitForURL(`${base}/${slug}`);
        await page.getByText(locked).waitFor();
        expect(
          await page.getByRole('heading', { name: 'This article is for members' }).count(),
        ).toBe(0);

        await page.goto(`${base}/account`);
        await page.getByText('You sign in with reader@journey.test.').waitFor();
        expect(await findAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Sign out', exact: true }).click();
        await page.waitForURL(`${base}/`);

        await page.goto(`${base}/${slug}`);
        await page.getByRole('heading', { name: 'This article is for members' }).waitFor();
        expect(await page.getByText(locked).count()).toBe(0);
        await context.close();
      },
      journeyTimeout,
    );
  },
);
