import { beforeAll, describe, expect, it } from 'vitest';
import { toCampaignInput } from '../../src/features/campaigns/campaign.routes.js';
import type {
  CampaignBody,
  CampaignResultsResource,
  VariantBody,
} from '../../src/features/campaigns/campaign.resources.js';
import type { Campaign } from '../../src/features/campaigns/campaign.js';
import { birthdayCampaignBody } from '../../src/features/campaigns/test-support/campaign-fixtures.js';
import { createSupporterTier } from '../../src/features/memberships/test-support/supporter-tier.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { findAxeViolations, isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import { payAsNewMember, startMonthlyCheckout } from '../support/membership-checkout.js';
import { useReaderJourney } from '../support/reader-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'a reader meets the birthday campaign and joins from its appeal',
  { timeout: journeyTimeout },
  () => {
    const site = useReaderJourney();
    let slug: string;
    let campaign: Campaign;

    beforeAll(async () => {
      await createSupporterTier(site.t, { benefits: 'Every article in full' });
      slug = await site.publishArticle({
        title: 'The harbour budget, line by line',
        markdown: 'The council met on Monday night to settle the harbour budget.',
      });
      const { variants, ...body } = birthdayCampaignBody() as CampaignBody & {
        variants: VariantBody[];
      };
      campaign = await site.t.services.campaigns.createCampaign(
        systemActor,
        toCampaignInput(body),
        variants,
      );
    });

    async function conversionsByPlacement(): Promise<Record<string, number>> {
      const response = await site.t.app.inject({
        method: 'GET',
        url: `/api/admin/campaigns/${campaign.id}/results`,
        headers: { authorization: `Bearer ${site.admin}` },
      });
      const { results } = response.json<{ results: CampaignResultsResource }>();
      return Object.fromEntries(results.variants.map((v) => [v.placement, v.conversions]));
    }

    it('joins from the appeal on the test provider: the count rises, the member is thanked, the dismissed banner stays away', async () => {
      // One reader keeps the article open while another joins.
      const watcher = await site.newPage();
      await watcher.goto(`${site.base}/${slug}`);
      const banner = watcher.getByRole('region', { name: 'Support our journalism' }).first();
      await banner.getByText('Three years of reporting, funded by our readers').waitFor();
      const watched = watcher.locator('[data-campaign-placement="appeal"]');
      await watched.getByRole('heading', { name: 'Help us get 1,000 new members!' }).waitFor();
      await watched.getByText('0 of 1,000 new members').waitFor();
      expect(await watched.getByRole('progressbar').getAttribute('value')).toBe('0');
      await watched.getByRole('img', { name: 'Visa' }).waitFor();
      expect(await findAxeViolations(watcher)).toEqual([]);

      const reader = await site.newPage();
      await reader.goto(`${site.base}/${slug}`);
      const appeal = reader.locator('[data-campaign-placement="appeal"]');
      await appeal.getByRole('link', { name: 'Become a member' }).click();
      await reader.waitForURL(/\/membership\?campaign=/u);
      expect(await findAxeViolations(reader)).toEqual([]);
      await startMonthlyCheckout(reader, 'appeal-reader@journey.test');
      await payAsNewMember(reader);

      // The open page catches up by itself within a few seconds…
      await expect
        .poll(() => watched.locator('.campaign-progress-text').textContent(), { timeout: 20_000 })
        .toContain('1 of 1,000');
      // …and the next page view is one higher without any script.
      await watcher.reload();
      expect(await watched.getByRole('progressbar').getAttribute('value')).toBe('1');

      // The new paying member is thanked instead of asked.
      await reader.goto(`${site.base}/${slug}`);
      await appeal.getByRole('heading', { name: 'Thank you for making this possible' }).waitFor();
      expect(await reader.getByRole('link', { name: 'Become a member' }).count()).toBe(0);
      expect(await findAxeViolations(reader)).toEqual([]);

      // The conversion counts for the appeal's variant the reader was shown.
      expect(await conversionsByPlacement()).toEqual({ banner: 0, appeal: 1 });

      // Dismissed for this campaign: it stays away on the next pages.
      await banner.getByRole('button', { name: /Not now/u }).click();
      await banner.waitFor({ state: 'hidden' });
      await watcher.goto(`${site.base}/`);
      await watcher.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
      await watcher.goto(`${site.base}/${slug}`);
      await watcher.locator('[data-campaign-placement="banner"]').waitFor({ state: 'hidden' });
      await watched.getByText('1 of 1,000 new members').waitFor();
      expect(await findAxeViolations(watcher)).toEqual([]);
      await reader.context().close();
      await watcher.context().close();
    });
  },
);
