import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { drainJobs, readOutbox } from '../../src/platform/mail/test-support/outbox-helpers.js';
import { findAxeViolations, isBrowserAvailable, launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const preview = 'The council met behind closed doors on Tuesday.';
const locked = 'The minutes show the vote was six to three.';
const dayMs = 24 * 60 * 60 * 1000;

describe.skipIf(!isBrowserAvailable())('readers pay on the test provider in Chromium', () => {
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
    await t.services.tiers.createTier(systemActor, {
      name: 'Supporter',
      slug: 'supporter',
      benefits: 'Every article in full\nA letter from the editor each week',
      position: 0,
      active: true,
      prices: [
        { interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false },
        { interval: 'year', currency: 'eur', amount: 5000, payWhatYouWant: false },
      ],
    });
    const post = await t.services.posts.createPost(systemActor, {
      title: 'What the council decided',
      markdown: `${preview}\n\n[paywall]\n\n${locked}`,
      authors: [author.slug],
      visibility: 'paid',
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

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function joinMonthly(page: Page, email: string): Promise<void> {
    await page.goto(`${base}/membership`);
    const form = page.locator('form').filter({
      has: page.getByRole('button', { name: 'Join for €5.00 a month' }),
    });
    await form.getByLabel('E-mail address').fill(email);
    await form.getByRole('button', { name: 'Join for €5.00 a month' }).click();
    await page.getByRole('heading', { name: 'Pay (TEST MODE)' }).waitFor();
  }

  it('becomes a monthly member, sees it on the account page and reads a paid article whole', async () => {
    const page = await newPage();
    await page.goto(`${base}/${slug}`);
    await page.getByRole('heading', { name: 'This article is for paying members' }).waitFor();
    expect(await page.getByText(locked).count()).toBe(0);

    await page.goto(`${base}/membership`);
    await page.getByRole('img', { name: 'Visa' }).waitFor();
    await page.getByRole('img', { name: 'American Express' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    await joinMonthly(page, 'member@journey.test');
    await page.getByText('TEST MODE', { exact: true }).first().waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('heading', { name: 'Welcome, member' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto(`${base}/account`);
    await page.getByText('Paying member', { exact: true }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto(`${base}/${slug}`);
    await page.getByText(locked).waitFor();
    await page.context().close();
  }, 120_000);

  it('changes nothing when the card is declined, and says so', async () => {
    const page = await newPage();
    await joinMonthly(page, 'declined@journey.test');
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Your payment was not completed. Nothing was charged.').waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    const found = await t.services.members.listMembers(
      systemActor,
      { q: 'declined@journey.test' },
      { page: 1, limit: 1 },
    );
    expect(found.total).toBe(0);
    await page.goto(`${base}/account`);
    await page.waitForURL(/\/signin/);
    await page.context().close();
  }, 120_000);

  it('buys a gift for a later day; on that day the recipient redeems it in another browser', async () => {
    const buyer = await newPage();
    await buyer.goto(`${base}/gift`);
    expect(await findAxeViolations(buyer)).toEqual([]);
    await buyer.getByLabel('3 months').check();
    await buyer.getByLabel("Recipient's name").fill('Olena');
    await buyer.getByLabel("Recipient's e-mail address").fill('olena@journey.test');
    await buyer.getByLabel('Message (optional)').fill('Happy birthday!');
    const day = new Date(t.clock.now().getTime() + 10 * dayMs).toISOString().slice(0, 10);
    await buyer.getByLabel('Delivery date').fill(day);
    await buyer.getByLabel('Your name').fill('Taras');
    await buyer.getByLabel('Your e-mail address (for the receipt)').fill('taras@journey.test');
    await buyer.getByRole('button', { name: 'Buy the gift' }).click();
    await buyer.getByRole('button', { name: 'Pay' }).click();
    await buyer.getByRole('heading', { name: 'Thank you for your gift' }).waitFor();
    expect(await findAxeViolations(buyer)).toEqual([]);
    await buyer.getByRole('link', { name: 'Print the gift card' }).click();
    await buyer.getByRole('heading', { name: /3-month membership .* for Olena/ }).waitFor();
    await buyer.context().close();

    await drainJobs(t);
    expect((await readOutbox(t, admin)).filter((m) => m.to === 'olena@journey.test')).toEqual([]);

    t.clock.advance(11 * dayMs);
    await drainJobs(t);
    await drainJobs(t);
    const gifts = (await readOutbox(t, admin)).filter((m) => m.to === 'olena@journey.test');
    expect(gifts).toHaveLength(1);
    const path = /http:\/\/news\.test(\/gift\/redeem\/[0-9A-Z]{20})/.exec(
      gifts[0]?.text ?? '',
    )?.[1];
    expect(path).toBeDefined();

    const recipient = await newPage();
    await recipient.goto(`${base}${path ?? ''}`);
    await recipient.getByText('Happy birthday!').waitFor();
    expect(await findAxeViolations(recipient)).toEqual([]);
    await recipient.getByRole('button', { name: 'Redeem the gift' }).click();
    await recipient.getByRole('heading', { name: 'Your gift membership has started' }).waitFor();
    const until = new Date(t.clock.now());
    until.setUTCMonth(until.getUTCMonth() + 3);
    await recipient.locator(`time[datetime="${until.toISOString()}"]`).waitFor();
    expect(await findAxeViolations(recipient)).toEqual([]);
    await recipient.goto(`${base}/account`);
    await recipient.getByText('Gift membership', { exact: true }).waitFor();
    await recipient.goto(`${base}/${slug}`);
    await recipient.getByText(locked).waitFor();
    await recipient.context().close();
  }, 120_000);

  it('donates once and receives the receipt', async () => {
    const page = await newPage();
    await page.goto(`${base}/donate`);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByLabel('€25.00').check();
    await page.getByLabel('Note (optional)').fill('For the council coverage');
    await page.getByLabel('Your e-mail address (for the receipt)').fill('donor@journey.test');
    await page.getByRole('button', { name: 'Donate' }).click();
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('heading', { name: 'Thank you for your donation' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await drainJobs(t);
    const receipt = (await readOutbox(t, admin)).find((m) => m.to === 'donor@journey.test');
    expect(receipt?.text).toContain('€25.00');
    expect(receipt?.text).toContain('For the council coverage');
    await page.context().close();
  }, 120_000);
});
