import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

/** The text a screen reader reads after a field's name: its hint and its error. */
function accessibleDescription(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

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
      await edit.getByLabel('Byline').fill('Ottilie Brandreth');
      await edit.getByLabel('Audience').selectOption({ label: 'Paying members' });
      await edit.getByLabel('Order').fill('first');
      const replyTo = edit.getByLabel('Reply-to address');
      await replyTo.fill('ottilie at the desk');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      // Each message is tied to its field, so a screen reader reads it with the field.
      await expect.poll(() => replyTo.getAttribute('aria-invalid')).toBe('true');
      const replyProblem = await accessibleDescription(replyTo);
      expect(replyProblem).toContain('Enter an e-mail address such as editor@news.example');
      expect(await accessibleDescription(edit.getByLabel('Order'))).toContain(
        'Enter a whole number from 0 to 10,000',
      );
      await expectNoAxeViolations(page, 'newsletters, an edit with errors');

      await replyTo.fill('ottilie@news.test');
      await edit.getByLabel('Order').fill('4');
      await edit.getByLabel('Active').uncheck();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.getByRole('status').filter({ hasText: 'is saved' }).waitFor();
      await expectNoAxeViolations(page, 'newsletters, one saved');
      await expect
        .poll(
          async () => (await t.services.newsletters.newsletters.listNewsletters())[0]?.newsletter,
        )
        .toMatchObject({
          description: 'The news in five minutes.',
          briefing: false,
          authorName: 'Ottilie Brandreth',
          replyTo: 'ottilie@news.test',
          audience: 'paying',
          sortOrder: 4,
          status: 'archived',
        });
      // The table says so, and readers no longer find it.
      await page
        .getByRole('row', { name: /The Morning Ledger/ })
        .getByText('archived')
        .waitFor();
      expect((await t.app.inject({ url: '/newsletters/morning-ledger' })).statusCode).toBe(404);
      await context.close();
    });
  },
);
