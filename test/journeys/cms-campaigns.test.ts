import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  watchCspViolations,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'an editor starts a campaign and previews its appeals',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('starts a campaign, previews an appeal at two widths as the copy is typed, saves, and reads the results', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Eda Editor');
      const context = await browser.newContext();
      const page = await signInThroughCms(context, base, editor.email);
      const csp = watchCspViolations(page);
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: 'Campaigns', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      await expectNoAxeViolations(page, 'Campaigns');
      await page.getByLabel('Name of a new campaign').fill('Winter drive');
      await page.getByRole('button', { name: 'Start a campaign' }).click();
      await page.getByRole('heading', { level: 1, name: 'Winter drive' }).waitFor();

      await page.getByRole('button', { name: 'Add an appeal variant' }).click();
      const desktop = page.locator('iframe[title="Appeal 1 at desktop width"]');
      const phone = page.locator('iframe[title="Appeal 1 at phone width"]');
      // The new variant is saved and previewed with its default copy first.
      await expect
        .poll(() => desktop.getAttribute('srcdoc'), { timeout: 30_000 })
        .toContain('Help us get 1,000 new members');
      expect(await desktop.getAttribute('width')).toBe('1024');
      expect(await phone.getAttribute('width')).toBe('375');

      // Typing changes both previews before anything is saved: the copy, then the goal.
      const appeal = page.getByRole('group', { name: /appeal: appeal 1/u });
      await appeal.getByLabel('Headline').fill('Winter is long: {remaining} members to go');
      await expect
        .poll(() => phone.getAttribute('srcdoc'), { timeout: 30_000 })
        .toContain('Winter is long: 1,000 members to go');
      await page.getByLabel('Goal', { exact: true }).fill('2500');
      await expect
        .poll(() => desktop.getAttribute('srcdoc'), { timeout: 30_000 })
        .toContain('Winter is long: 2,500 members to go');
      expect(await phone.getAttribute('srcdoc')).toContain('Winter is long: 2,500 members to go');
      expect((await t.services.campaigns.listCampaigns(systemActor))[0]).toMatchObject({
        goalTarget: 1000,
      });

      await page.getByRole('button', { name: 'Save the campaign' }).click();
      await page.getByText('Saved. Readers see the change on their next page.').waitFor();
      await page.getByRole('table', { name: /Per-variant results/u }).waitFor();
      await page.getByText('No contributions counted yet.').waitFor();
      const [saved] = await t.services.campaigns.listCampaigns(systemActor);
      expect(saved?.goalTarget).toBe(2500);
      expect(saved?.variants.map((v) => v.headline)).toEqual([
        'Winter is long: {remaining} members to go',
      ]);
      await expectNoAxeViolations(page, 'Campaign');
      expect(csp).toEqual([]);
      await context.close();
    });
  },
);
