import { describe, expect, it } from 'vitest';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  journeyPassword,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'a writer changes their own password and e-mail in the CMS',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('asks for the current password, says when it is wrong, and signs out other browsers', async () => {
      const { t, base, browser } = journey();
      const writer = await addStaff(t, 'author', 'Wanda Writer');
      const here = await browser.newContext();
      const elsewhere = await browser.newContext();
      try {
        const page = await signInThroughCms(here, base, writer.email);
        const other = await signInThroughCms(elsewhere, base, writer.email);

        await page.getByRole('link', { name: 'Your account' }).click();
        await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
        await expectNoAxeViolations(page, 'your account');

        const passwordForm = page.getByRole('form', { name: 'Your password' });
        await passwordForm.getByLabel('Current password').fill('not the password');
        await passwordForm.getByLabel('New password', { exact: true }).fill('a fresh new password');
        await passwordForm.getByLabel('Repeat the new password').fill('a fresh new password');
        await passwordForm.getByRole('button', { name: 'Change the password' }).click();
        await passwordForm.getByRole('alert').filter({ hasText: 'current password' }).waitFor();
        await expectNoAxeViolations(page, 'your account, wrong password');

        await passwordForm.getByLabel('Current password').fill(journeyPassword);
        await passwordForm.getByRole('button', { name: 'Change the password' }).click();
        await passwordForm
          .getByRole('status')
          .filter({ hasText: 'signed out everywhere else' })
          .waitFor();

        const emailForm = page.getByRole('form', { name: 'Your e-mail' });
        await emailForm.getByLabel('E-mail').fill('wanda.moved@news.test');
        await emailForm.getByLabel('Current password').fill('a fresh new password');
        await emailForm.getByRole('button', { name: 'Change the e-mail' }).click();
        await emailForm.getByRole('status').filter({ hasText: 'wanda.moved@news.test' }).waitFor();

        // The other browser's session ended with the password change.
        await other.reload();
        await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        expect((await t.services.staff.getStaff(writer.id)).email).toBe('wanda.moved@news.test');
      } finally {
        await here.close();
        await elsewhere.close();
      }
    });
  },
);
