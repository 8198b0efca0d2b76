import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import {
  findAxeViolations,
  findAxeViolationsWithoutJavaScript,
  isBrowserAvailable,
  launchBrowser,
} from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!isBrowserAvailable())('a reader subscribes from an article', () => {
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
    await t.services.newsletters.newsletters.createNewsletter(systemActor, {
      slug: 'daily-briefing',
      name: 'Daily Briefing',
      cadence: 'Every weekday',
    });
    await t.services.newsletters.newsletters.createNewsletter(systemActor, {
      slug: 'weekly-letter',
      name: 'Weekly Letter',
      cadence: 'Every Saturday',
    });
    const author = await t.tokenFor('author');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'The bridge reopens',
      markdown: 'Trams crossed the river again on Monday.',
      authors: [author.slug],
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

  const statusOf = async (email: string) =>
    (
      await t.services.database.db
        .selectFrom('newsletter_subscriptions as s')
        .innerJoin('newsletter_subscribers as sub', 'sub.id', 's.subscriber_id')
        .select('s.status')
        .where('sub.email', '=', email)
        .execute()
    ).map((row) => row.status);

  it('without JavaScript: a plain form POST, a corrected address, then the thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/${slug}`);
    const form = page.locator('form[data-newsletter-signup]');
    await form.getByText('indicates required').waitFor();
    expect(await findAxeViolationsWithoutJavaScript(page)).toEqual([]);

    await form.getByLabel('Enter your e-mail to subscribe').fill('reader-at-example');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Please enter a correct e-mail address').waitFor();
    expect(await page.getByLabel('Enter your e-mail to subscribe').inputValue()).toBe(
      'reader-at-example',
    );
    expect(await findAxeViolationsWithoutJavaScript(page)).toEqual([]);

    await page.getByLabel('Enter your e-mail to subscribe').fill('plain@example.com');
    await page.getByLabel('Weekly Letter').uncheck();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText("We've sent you a confirmation e-mail").waitFor();
    expect(await findAxeViolationsWithoutJavaScript(page)).toEqual([]);
    expect(await statusOf('plain@example.com')).toEqual(['pending']);
    await context.close();
  }, 180_000);

  it('with JavaScript: the answer appears inside the form and the page stays', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/${slug}`);
    const form = page.locator('form[data-newsletter-signup]');
    const email = form.getByLabel('Enter your e-mail to subscribe');
    await email.fill('not an address');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await form.getByText('Please enter a correct e-mail address').waitFor();
    expect(page.url()).toBe(`${base}/${slug}`);
    expect(await email.inputValue()).toBe('not an address');

    await email.fill('island@example.com');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await form.getByText("We've sent you a confirmation e-mail").waitFor();
    expect(page.url()).toBe(`${base}/${slug}`);
    expect(await findAxeViolations(page)).toEqual([]);
    await expect.poll(() => statusOf('island@example.com')).toEqual(['pending', 'pending']);
    await context.close();
  }, 180_000);
});
