import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

/** The public news feed page as a reader loads it now. */
async function readPublicFeed(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/news-feed`);
  return (await page.locator('body').textContent()) ?? '';
}

describe.skipIf(!isBrowserAvailable())(
  'an editor runs the news feed from the CMS',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('posts with Ctrl+Enter, edits with an Updated stamp, pins and deletes an entry', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Nia Editor');
      const context = await browser.newContext();
      const page = await signInThroughCms(context, base, editor.email, '/admin/news-feed');
      const reader = await context.newPage();
      await page.getByRole('heading', { level: 1, name: 'News feed' }).waitFor();
      await page.getByText('No entries yet.').waitFor();
      await expectNoAxeViolations(page, 'news feed, empty');

      const headline = page.getByLabel('Headline');
      await headline.click();
      await page.keyboard.type('Bridge closed after storm');
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('Body').evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
      await page.keyboard.type('Police say the **north bridge** stays shut tonight.');
      await page.getByLabel('Key event').check();
      await page.getByLabel('Body').focus();
      await page.keyboard.press('Control+Enter');

      await page
        .getByRole('status')
        .filter({ hasText: 'Posted “Bridge closed after storm”.' })
        .waitFor();
      expect(await headline.inputValue()).toBe('');
      expect(await headline.evaluate((el) => el === document.activeElement)).toBe(true);
      const item = page.getByRole('listitem', { name: /Bridge closed after storm/ });
      await item.waitFor();
      expect(await item.textContent()).toContain('Key event');
      expect(await item.textContent()).toContain('Police say the north bridge stays shut tonight.');
      await expectNoAxeViolations(page, 'news feed with an entry');

      let published = await readPublicFeed(reader, base);
      expect(published).toContain('Bridge closed after storm');
      expect(published).not.toContain('Updated');

      // An edit more than a minute after posting is an update readers are told about.
      t.clock.advance(5 * 60_000);
      await item.getByRole('button', { name: 'Edit: Bridge closed after storm' }).click();
      const form = page.getByRole('form', { name: 'Edit “Bridge closed after storm”' });
      const editHeadline = form.getByLabel('Headline');
      await expect
        .poll(() => editHeadline.evaluate((el) => el === document.activeElement))
        .toBe(true);
      expect(await form.getByLabel('Body').inputValue()).toBe(
        'Police say the **north bridge** stays shut tonight.',
      );
      await editHeadline.fill('Bridge closed until morning');
      await page.keyboard.press('Control+Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'Saved “Bridge closed until morning”.' })
        .waitFor();
      const edited = page.getByRole('listitem', { name: /Bridge closed until morning/ });
      expect(await edited.textContent()).toContain('Updated');
      published = await readPublicFeed(reader, base);
      expect(published).toContain('Bridge closed until morning');
      expect(published).toMatch(/\(Updated: \d{1,2}:\d{2}/);

      // Someone else saves while this editor edits: nothing of theirs is lost, nor of ours.
      const [posted] = (await t.services.feed.listEntriesFor(systemActor, {})).entries;
      await edited.getByRole('button', { name: 'Edit: Bridge closed until morning' }).click();
      const conflictForm = page.getByRole('form', { name: 'Edit “Bridge closed until morning”' });
      // The form focuses its headline once open; typing before then could land there instead.
      await expect
        .poll(() =>
          conflictForm.getByLabel('Headline').evaluate((el) => el === document.activeElement),
        )
        .toBe(true);
      await conflictForm.getByLabel('Body').fill('Our own wording.');
      await t.services.feed.updateEntry(systemActor, posted?.id ?? '', {
        title: 'Bridge closed until noon',
      });
      await conflictForm.getByRole('button', { name: 'Save' }).click();
      const warning = conflictForm
        .getByRole('alert')
        .filter({ hasText: 'Someone else changed this entry' });
      await warning.waitFor();
      expect(await conflictForm.getByLabel('Body').inputValue()).toBe('Our own wording.');
      await warning.getByRole('button', { name: 'Load their version' }).click();
      const theirForm = page.getByRole('form', { name: 'Edit “Bridge closed until noon”' });
      expect(await theirForm.getByLabel('Headline').inputValue()).toBe('Bridge closed until noon');
      await theirForm.getByLabel('Headline').fill('Bridge closed until morning');
      await page.keyboard.press('Control+Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'Saved “Bridge closed until morning”.' })
        .waitFor();

      await edited.getByRole('button', { name: 'Pin: Bridge closed until morning' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Pinned “Bridge closed until morning”.' })
        .waitFor();
      expect(await edited.getByRole('heading').textContent()).toContain('Pinned');
      const [entry] = (await t.services.feed.listEntriesFor(systemActor, {})).entries;
      expect(entry?.pinned).toBe(true);

      await edited.getByRole('button', { name: 'Delete: Bridge closed until morning' }).click();
      await edited.getByRole('button', { name: 'Keep it' }).click();
      expect(await edited.count()).toBe(1);
      await edited.getByRole('button', { name: 'Delete: Bridge closed until morning' }).click();
      await edited.getByRole('button', { name: 'Delete the entry' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Deleted “Bridge closed until morning”.' })
        .waitFor();
      expect(await page.getByRole('listitem', { name: /Bridge closed/ }).count()).toBe(0);
      expect(await readPublicFeed(reader, base)).not.toContain('Bridge closed');
      await expectNoAxeViolations(page, 'news feed after a delete');
      await context.close();
    });
  },
);
