import { describe, expect, it } from 'vitest';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'a contributor submits a post and an editor publishes it',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('goes from the contributor’s draft through the review queue to the site', async () => {
      const { t, base, browser } = journey();
      const contributor = await addStaff(t, 'contributor', 'Cleo Contributor');
      const editor = await addStaff(t, 'editor', 'Eve Editor');

      const writer = await browser.newContext();
      const page = await signInThroughCms(writer, base, contributor.email);
      expect(
        await page
          .getByRole('navigation', { name: 'CMS' })
          .getByRole('link', { name: 'Staff' })
          .count(),
      ).toBe(0);
      await page.getByRole('link', { name: 'Write a new post' }).click();
      await page.getByLabel('Headline').fill('Night buses to run all week');
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('From Monday, three night routes run every day.');
      await waitForSaved(page);
      expect(await page.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
      await page.getByLabel('Note for the editor (optional)').fill('Ready for the morning.');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Submitted for review.', { exact: true }).waitFor();
      await expectNoAxeViolations(page, 'editor after submitting for review');
      await writer.close();

      const desk = await browser.newContext();
      const editorPage = await signInThroughCms(desk, base, editor.email);
      await editorPage.getByRole('link', { name: /^Review queue/ }).click();
      const item = editorPage.getByRole('link', { name: 'Night buses to run all week' });
      await item.waitFor();
      expect(await editorPage.getByText('Ready for the morning.').count()).toBe(1);
      await expectNoAxeViolations(editorPage, 'review queue');
      await item.click();
      await editorPage.getByRole('button', { name: 'Publish now' }).click();
      await editorPage
        .getByRole('dialog', { name: 'Publish this post?' })
        .getByRole('button', { name: 'Publish', exact: true })
        .click();
      await editorPage.getByText('Published.', { exact: true }).waitFor();
      await desk.close();

      const reader = await browser.newContext();
      const article = await reader.newPage();
      await article.goto(`${base}/night-buses-to-run-all-week`);
      expect(await article.locator('h1').textContent()).toBe('Night buses to run all week');
      await reader.close();
    });
  },
);
