import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { toCampaignInput } from '../../src/features/campaigns/campaign.routes.js';
import type { CampaignBody, VariantBody } from '../../src/features/campaigns/campaign.resources.js';
import {
  birthdayCampaignBody,
  recordTestContribution,
} from '../../src/features/campaigns/test-support/campaign-fixtures.js';
import { signInAsMember } from '../../src/features/members/test-support/member-sign-in.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { findAxeViolations, isBrowserAvailable, launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!isBrowserAvailable())('a reader meets the birthday campaign', () => {
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
      title: 'The harbour budget, line by line',
      markdown: 'The council met on Monday night to settle the harbour budget.',
      authors: [author.slug],
      status: 'published',
    });
    slug = post.slug;
    const { variants, ...body } = birthdayCampaignBody() as CampaignBody & {
      variants: VariantBody[];
    };
    await t.services.campaigns.createCampaign(systemActor, toCampaignInput(body), variants);
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

  it('sees the banner and the appeal, watches the count rise, and dismisses the banner', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/${slug}`);
    const banner = page.getByRole('region', { name: 'Support our journalism' }).first();
    await banner.getByText('Three years of reporting, funded by our readers').waitFor();
    const appeal = page.locator('[data-campaign-placement="appeal"]');
    await appeal.getByRole('heading', { name: 'Help us get 1,000 new members!' }).waitFor();
    await appeal.getByText('0 of 1,000 new members').waitFor();
    expect(await appeal.getByRole('progressbar').getAttribute('value')).toBe('0');
    await appeal.getByRole('link', { name: 'Become a member' }).waitFor();
    await appeal.getByRole('img', { name: 'Visa' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);

    // A contribution is recorded (payments calls the same seam inside its checkout).
    await recordTestContribution(t, { memberId: 'journey-member' });
    // The open page catches up by itself within a few seconds…
    await expect
      .poll(() => appeal.locator('.campaign-progress-text').textContent(), { timeout: 20_000 })
      .toContain('1 of 1,000');
    // …and the next page view is one higher without any script.
    await page.reload();
    expect(await appeal.getByRole('progressbar').getAttribute('value')).toBe('1');

    // Dismissed for this campaign: it stays away on the next pages.
    await banner.getByRole('button', { name: /Not now/u }).click();
    await banner.waitFor({ state: 'hidden' });
    await page.goto(`${base}/`);
    await page.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
    await page.goto(`${base}/${slug}`);
    await page.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
    await appeal.getByText('1 of 1,000 new members').waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('thanks a paying member instead of asking', async () => {
    await t.services.members.importMembers(
      systemActor,
      'email,name,labels,status\npaying@journey.test,Paying Reader,,comped',
      false,
    );
    const cookies = await signInAsMember(t, admin, 'paying@journey.test');
    const context = await browser.newContext();
    await context.addCookies(
      Object.entries(cookies).map(([name, value]) => ({ name, value, url: base })),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/${slug}`);
    const appeal = page.locator('[data-campaign-placement="appeal"]');
    await appeal.getByRole('heading', { name: 'Thank you for making this possible' }).waitFor();
    expect(await page.getByRole('link', { name: 'Become a member' }).count()).toBe(0);
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
