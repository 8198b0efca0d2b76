import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

/** The first link to `/admin/{kind}/…` in the newest outbox message, read in the CMS. */
async function linkFromOutbox(page: Page, kind: 'invite' | 'reset'): Promise<string> {
  await page.getByRole('navigation', { name: 'CMS' }).getByRole('link', { name: 'Outbox' }).click();
  await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
  await page.getByRole('button', { name: 'Read the message' }).first().click();
  const text = (await page.locator('.outbox-text').first().textContent()) ?? '';
  const match = new RegExp(`/admin/${kind}/[\\w-]+`).exec(text);
  if (match === null) throw new Error(`No ${kind} link in the outbox message: ${text}`);
  return match[0];
}

describe.skipIf(!isBrowserAvailable())(
  'staff join by invitation and reset a forgotten password',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('invites a writer, who accepts from the e-mail in the outbox and is signed in', async () => {
      const { t, base, browser } = journey();
      const admin = await addStaff(t, 'administrator', 'Ida Admin');
      const adminContext = await browser.newContext();
      const page = await signInThroughCms(adminContext, base, admin.email);
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: 'Staff' })
        .click();
      await page.getByLabel('E-mail', { exact: true }).fill('nora@news.test');
      await page.getByLabel('Name (optional)').fill('Nora New');
      await page.getByLabel('Role', { exact: true }).selectOption('author');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(/Invitation sent to nora@news.test/).waitFor();
      await page
        .getByRole('button', { name: 'Withdraw the invitation to nora@news.test' })
        .waitFor();
      await t.runJobs();
      const link = await linkFromOutbox(page, 'invite');
      await expectNoAxeViolations(page, 'outbox');
      await adminContext.close();

      const newcomer = await browser.newContext();
      const invited = await newcomer.newPage();
      await invited.goto(`${base}${link}`);
      await invited.getByRole('heading', { level: 1, name: 'Join the newsroom' }).waitFor();
      expect(await invited.getByLabel('Your name').inputValue()).toBe('Nora New');
      await expectNoAxeViolations(invited, 'invitation');
      await invited.getByLabel('New password', { exact: true }).fill('seagulls over the pier');
      await invited.getByLabel('Repeat the new password').fill('seagulls over the pier');
      await invited.getByRole('button', { name: 'Accept and sign in' }).click();
      await invited.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      expect(await invited.locator('.shell-user').textContent()).toContain('Nora New');
      await newcomer.close();
    });

    it('sends a reset link for a forgotten password, and the new password signs in', async () => {
      const { t, base, browser } = journey();
      const writer = await addStaff(t, 'author', 'Walt Writer');
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/admin`);
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('E-mail').fill(writer.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(/we have sent it a link/).waitFor();
      await t.runJobs();

      const admin = await addStaff(t, 'administrator', 'Oli Outbox');
      const adminContext = await browser.newContext();
      const adminPage = await signInThroughCms(adminContext, base, admin.email);
      const link = await linkFromOutbox(adminPage, 'reset');
      await adminContext.close();

      await page.goto(`${base}${link}`);
      await page.getByLabel('New password', { exact: true }).fill('lighthouse keeper notes');
      await page.getByLabel('Repeat the new password').fill('lighthouse keeper notes');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByRole('link', { name: 'Sign in with it' }).click();
      await page.getByLabel('E-mail').fill(writer.email);
      await page.getByLabel('Password').fill('lighthouse keeper notes');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await context.close();
    });
  },
);
