import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { toCampaignInput } from '../../src/features/campaigns/campaign.routes.js';
import type {
  CampaignBody,
  CampaignResultsResource,
  VariantBody,
} from '../../src/features/campaigns/campaign.resources.js';
import type { Campaign } from '../../src/features/campaigns/campaign.js';
import { birthdayCampaignBody } from '../../src/features/campaigns/test-support/campaign-fixtures.js';
import { systemActor } from '../../src/features/staff/actor.js';
import {
  findAxeViolations,
  isBrowserAvailable,
  journeyTimeout,
  launchBrowser,
} from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!isBrowserAvailable())(
  'a reader meets the birthday campaign and joins from its appeal',
  { timeout: journeyTimeout },
  () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let t: TestApp;
    let browser: Browser;
    let closeBrowser: () => Promise<void>;
    let base: string;
    let slug: string;
    let admin: string;
    let campaign: Campaign;

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
        benefits: 'Every article in full',
        position: 0,
        active: true,
        prices: [{ interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false }],
      });
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
      campaign = await t.services.campaigns.createCampaign(
        systemActor,
        toCampaignInput(body),
        variants,
      );
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

    async function conversionsByPlacement(): Promise<Record<string, number>> {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/admin/campaigns/${campaign.id}/results`,
        headers: { authorization: `Bearer ${admin}` },
      });
      const { results } = response.json<{ results: CampaignResultsResource }>();
      return Object.fromEntries(results.variants.map((v) => [v.placement, v.conversions]));
    }

    it('joins from the appeal on the test provider: the count rises, the member is thanked, the dismissed banner stays away', async () => {
      // One reader keeps the article open while another joins.
      const watcher = await newPage();
      await watcher.goto(`${base}/${slug}`);
      const banner = watcher.getByRole('region', { name: 'Support our journalism' }).first();
      await banner.getByText('Three years of reporting, funded by our readers').waitFor();
      const watched = watcher.locator('[data-campaign-placement="appeal"]');
      await watched.getByRole('heading', { name: 'Help us get 1,000 new members!' }).waitFor();
      await watched.getByText('0 of 1,000 new members').waitFor();
      expect(await watched.getByRole('progressbar').getAttribute('value')).toBe('0');
      await watched.getByRole('img', { name: 'Visa' }).waitFor();
      expect(await findAxeViolations(watcher)).toEqual([]);

      const reader = await newPage();
      await reader.goto(`${base}/${slug}`);
      const appeal = reader.locator('[data-campaign-placement="appeal"]');
      await appeal.getByRole('link', { name: 'Become a member' }).click();
      await reader.waitForURL(/\/membership\?campaign=/u);
      expect(await findAxeViolations(reader)).toEqual([]);
      const join = reader.getByRole('button', { name: 'Join for €5.00 a month' });
      const form = reader.locator('form').filter({ has: join });
      await form.getByLabel('E-mail address').fill('appeal-reader@journey.test');
      await join.click();
      await reader.getByRole('heading', { name: 'Pay (TEST MODE)' }).waitFor();
      await reader.getByRole('button', { name: 'Pay' }).click();
      await reader.getByRole('heading', { name: 'Welcome, member' }).waitFor();

      // The open page catches up by itself within a few seconds…
      await expect
        .poll(() => watched.locator('.campaign-progress-text').textContent(), { timeout: 20_000 })
        .toContain('1 of 1,000');
      // …and the next page view is one higher without any script.
      await watcher.reload();
      expect(await watched.getByRole('progressbar').getAttribute('value')).toBe('1');

      // The new paying member is thanked instead of asked.
      await reader.goto(`${base}/${slug}`);
      await appeal.getByRole('heading', { name: 'Thank you for making this possible' }).waitFor();
      expect(await reader.getByRole('link', { name: 'Become a member' }).count()).toBe(0);
      expect(await findAxeViolations(reader)).toEqual([]);

      // The conversion counts for the appeal's variant the reader was shown.
      expect(await conversionsByPlacement()).toEqual({ banner: 0, appeal: 1 });

      // Dismissed for this campaign: it stays away on the next pages.
      await banner.getByRole('button', { name: /Not now/u }).click();
      await banner.waitFor({ state: 'hidden' });
      await watcher.goto(`${base}/`);
      await watcher.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
      await watcher.goto(`${base}/${slug}`);
      await watcher.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
      await watched.getByText('1 of 1,000 new members').waitFor();
      expect(await findAxeViolations(watcher)).toEqual([]);
      await reader.context().close();
      await watcher.context().close();
    });
  },
);
