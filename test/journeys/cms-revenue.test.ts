import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import { drainJobs } from '../../src/platform/mail/test-support/outbox-helpers.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  watchCspViolations,
} from '../support/cms-journey.js';

/** Pays at the test provider for what a revenue form started. */
async function payFor(t: TestApp, url: string, payload: Record<string, string>): Promise<void> {
  const started = await t.app.inject({ method: 'POST', url, payload });
  expect(started.statusCode, started.body).toBe(303);
  const session = new URL(String(started.headers.location), 'http://news.test').pathname;
  expect((await t.app.inject({ method: 'POST', url: `${session}/pay` })).statusCode).toBe(303);
  await drainJobs(t);
}

async function openRevenue(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Revenue', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Revenue' }).waitFor();
  await page.getByRole('heading', { name: 'Last 90 days' }).waitFor();
  await page.getByRole('cell', { name: 'Olena (olena@cms.test)' }).waitFor();
  await page.getByRole('cell', { name: 'For the harbour reporting' }).waitFor();
}

describe.skipIf(!isBrowserAvailable())(
  'an administrator runs reader revenue from the CMS',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('reads the dashboard, gifts and donations, and sets up a tier with the keyboard', async () => {
      const { t, base, browser } = journey();
      await t.services.tiers.createTier(systemActor, {
        name: 'Supporter',
        slug: 'supporter',
        benefits: 'Every article in full',
        position: 0,
        active: true,
        prices: [{ interval: 'month', currency: 'eur', amount: 500, payWhatYouWant: false }],
      });
      await payFor(t, '/gift', {
        months: '3',
        currency: 'eur',
        recipient_name: 'Olena',
        recipient_email: 'olena@cms.test',
        buyer_email: 'taras@cms.test',
      });
      await payFor(t, '/donate', {
        currency: 'eur',
        preset: '1000',
        note: 'For the harbour reporting',
        email: 'donor@cms.test',
      });
      const admin = await addStaff(t, 'administrator', 'Ada Admin');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await signInThroughCms(context, base, admin.email);
      const csp = watchCspViolations(page);
      await openRevenue(page);
      await page
        .getByRole('img', { name: /Gifts sold/u })
        .first()
        .waitFor();
      await expectNoAxeViolations(page, 'Revenue at desktop width');

      // A new tier, from the keyboard alone; a wrong amount is said by its field.
      await page.getByRole('button', { name: 'Add a tier' }).focus();
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { name: 'New tier' });
      await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Patron');
      await page.keyboard.press('Tab');
      expect(await page.getByLabel('Slug').inputValue()).toBe('patron');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Every article in full');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('ten');
      await page.keyboard.press('Enter');
      const monthly = page.getByLabel('Monthly amount (EUR)');
      await page.getByText('Enter an amount such as 5.00.').waitFor();
      await page.getByText('One field needs your attention.').waitFor();
      expect(await monthly.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => monthly.evaluate((i) => i === document.activeElement)).toBe(true);
      await expectNoAxeViolations(page, 'Tier form with a problem');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('10');
      await page.keyboard.press('Enter');
      await page.getByText('Saved Patron. The membership page shows it now.').waitFor();
      const row = page.getByRole('row', { name: /Patron/u });
      await row.getByText('€10.00 a month').waitFor();
      await row.getByText('On offer').waitFor();

      // Archived: members keep it, readers are no longer offered it.
      await row.getByRole('button', { name: 'Edit Patron' }).click();
      await page.getByRole('heading', { name: 'Edit Patron' }).waitFor();
      await page.getByLabel('Yearly amount (EUR)').fill('100');
      await page.getByLabel('On offer').uncheck();
      await page.getByRole('button', { name: 'Save the tier' }).click();
      await page.getByText('Saved Patron. The membership page shows it now.').waitFor();
      await row.getByText('€10.00 a month, €100.00 a year').waitFor();
      await row.getByText('Archived').waitFor();
      const offers = await t.app.inject({ method: 'GET', url: '/membership' });
      expect(offers.body).toContain('Supporter');
      expect(offers.body).not.toContain('Patron');
      expect(csp).toEqual([]);
      await context.close();
    });

    it('has no axe violations at phone width, with the tier form open', async () => {
      const { t, base, browser } = journey();
      const admin = await addStaff(t, 'administrator', 'Pia Phone');
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await signInThroughCms(context, base, admin.email);
      // On a phone the navigation may fold into a menu.
      const menu = page.getByRole('button', { name: /menu/iu });
      if ((await menu.count()) > 0 && (await menu.first().isVisible())) await menu.first().click();
      await openRevenue(page);
      await expectNoAxeViolations(page, 'Revenue at phone width');
      await page.getByRole('button', { name: 'Edit Supporter' }).click();
      await page.getByLabel('Monthly amount (EUR)').fill('');
      await page.getByRole('button', { name: 'Save the tier' }).click();
      await page
        .getByText('Enter a monthly or a yearly amount, or remove this currency.')
        .waitFor();
      await expectNoAxeViolations(page, 'Tier form at phone width');
      await context.close();
    });
  },
);
