import { describe, expect, it } from 'vitest';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'an editor creates and edits a newsletter in the CMS',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('refuses a bad slug with a message beside it, then creates and edits the newsletter', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Nora Newsletters');
      const context = await browser.newContext();
      const page = await signInThroughCms(context, base, editor.email, '/admin/newsletters');
      await page.getByRole('heading', { level: 1, name: 'Newsletters' }).waitFor();
      const create = page.getByRole('form', { name: 'New newsletter' });
      await create.waitFor();
      await expectNoAxeViolations(page, 'newsletters, none yet');

      await create.getByLabel('Name', { exact: true }).fill('The Morning Ledger');
      expect(await create.getByLabel('Slug', { exact: true }).inputValue()).toBe(
        'the-morning-ledger',
      );
      await create.getByLabel('Slug', { exact: true }).fill('Morning Ledger');
      await create.getByLabel('Sender address').fill('desk');
      await create.getByRole('button', { name: 'Create newsletter' }).click();
      await create.getByText('Use lower-case letters, digits and single hyphens').waitFor();
      await create.getByText('Enter an e-mail address such as').waitFor();
      expect(await create.getByLabel('Name', { exact: true }).inputValue()).toBe(
        'The Morning Ledger',
      );
      await expectNoAxeViolations(page, 'newsletters, a form with errors');

      await create.getByLabel('Slug', { exact: true }).fill('morning-ledger');
      await create.getByLabel('Sender address').fill('desk@news.test');
      await create.getByLabel('Cadence').fill('Every weekday at 7 a.m.');
      await create.getByLabel(/Daily briefing/).check();
      await create.getByRole('button', { name: 'Create newsletter' }).click();
      const edit = page.getByRole('form', { name: 'Edit The Morning Ledger' });
      await edit.waitFor();
      const [saved] = (await t.services.newsletters.newsletters.listNewsletters()).map(
        (e) => e.newsletter,
      );
      expect(saved).toMatchObject({
        slug: 'morning-ledger',
        senderEmail: 'desk@news.test',
        cadence: 'Every weekday at 7 a.m.',
        briefing: true,
      });

      await edit.getByLabel('Description').fill('The news in five minutes.');
      await edit.getByLabel(/Daily briefing/).uncheck();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.getByRole('status').filter({ hasText: 'is saved' }).waitFor();
      await expectNoAxeViolations(page, 'newsletters, one saved');
      await expect
        .poll(
          async () => (await t.services.newsletters.newsletters.listNewsletters())[0]?.newsletter,
        )
        .toMatchObject({ description: 'The news in five minutes.', briefing: false });
      await context.close();
    });
  },
);
