import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'an editor changes a live article, publishes and unpublishes, with the site unchanged until they say so',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let context: BrowserContext;
    let page: Page;
    let postId = '';
    let slug = '';
    let firstPublished = '';

    const readerText = async (path: string): Promise<{ status: number; text: string }> => {
      const response = await fetch(`${journey().base}${path}`);
      return { status: response.status, text: await response.text() };
    };

    /** Presses Tab until the named button has focus, as a keyboard user would. */
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused.trim() === name) return;
      }
      throw new Error(`Tab never reached “${name}”.`);
    };

    it('opens a published article in the editor', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Mira Editor');
      const post = await t.services.posts.createPost(systemActor, {
        title: 'Harbour bridge reopens',
        standfirst: 'The live standfirst.',
        markdown: 'The bridge opened at six.',
        authors: [editor.slug],
        tags: ['City'],
        status: 'published',
      });
      postId = post.id;
      slug = post.slug;
      firstPublished = post.publishedAt?.toISOString() ?? '';
      context = await browser.newContext();
      page = await signInThroughCms(context, base, editor.email, `/admin/posts/${postId}`);
      await page.getByLabel('Headline').waitFor();
    });

    it('keeps typed edits from readers until “Update live article”', async () => {
      await page.getByLabel('Standfirst').fill('Half a sentence typ');
      await waitForSaved(page);
      expect(await page.locator('[data-save-status]').textContent()).toBe(
        'Changes saved, not live yet',
      );
      expect((await readerText(`/${slug}`)).text).toContain('The live standfirst.');
      expect((await readerText(`/${slug}`)).text).not.toContain('Half a sentence');
      await expectNoAxeViolations(page, 'editor with pending changes');

      await page.getByLabel('Standfirst').fill('The updated standfirst.');
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Update live article' }).click();
      await page.getByText('The live article is updated.').waitFor();
      expect((await readerText(`/${slug}`)).text).toContain('The updated standfirst.');
    });

    it('brings back the live text on “Discard changes”, after asking', async () => {
      await page.getByLabel('Standfirst').fill('An edit nobody should see.');
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Discard changes' }).click();
      const dialog = page.getByRole('dialog', { name: 'Discard the pending changes?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'discard dialog');
      await dialog.getByRole('button', { name: 'Discard changes' }).click();
      await page.getByText('Changes discarded', { exact: false }).waitFor();
      expect(await page.getByLabel('Standfirst').inputValue()).toBe('The updated standfirst.');
      expect((await readerText(`/${slug}`)).text).not.toContain('An edit nobody should see.');
    });

    it('asks before unpublishing', async () => {
      await page.getByRole('button', { name: 'Unpublish' }).click();
      const dialog = page.getByRole('dialog', { name: 'Unpublish this post?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'unpublish dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('.publish-panel .status').textContent()).toBe('Published');
      expect((await readerText(`/${slug}`)).status).toBe(200);

      await page.getByRole('button', { name: 'Unpublish' }).click();
      await dialog.getByRole('button', { name: 'Unpublish' }).click();
      await page.getByText('Back to draft: no longer on the site.').waitFor();
      expect((await readerText(`/${slug}`)).status).toBe(410);
    });

    it('republishes with the keyboard alone, keeping the first publication time', async () => {
      await page.getByLabel('Headline').focus();
      await tabTo('Publish now');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Keeps its first publication time');
      expect(await dialog.locator('.final-url').textContent()).toMatch(new RegExp(`/${slug}$`));
      await expectNoAxeViolations(page, 'publish summary');
      // The confirming button has focus: Enter publishes.
      await page.keyboard.press('Enter');
      await page.getByText('Published.', { exact: true }).waitFor();
      const { t } = journey();
      expect((await t.services.posts.getPost(postId)).publishedAt?.toISOString()).toBe(
        firstPublished,
      );
      expect((await readerText(`/${slug}`)).status).toBe(200);
    });

    it('publishes a 120-character headline to a working address shown before publishing', async () => {
      const headline =
        'Regional council approves the long-delayed harbour bridge after a night of debate, protests outside and one vote at dawn';
      expect(headline.length).toBe(120);
      await page.getByRole('link', { name: 'New post', exact: true }).click();
      await page.getByLabel('Headline').fill(headline);
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('The vote was 31 to 12.');
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Publish now' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
      const url = (await dialog.locator('.final-url').textContent()) ?? '';
      const path = new URL(url).pathname;
      expect(path.length).toBeLessThanOrEqual(81);
      expect(path).toBe(
        '/regional-council-approves-the-long-delayed-harbour-bridge-after-a-night-of',
      );
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Published.', { exact: true }).waitFor();
      const article = await readerText(path);
      expect(article.status).toBe(200);
      expect(article.text).toContain(headline);
    });

    it('shows the publish summary and the editor without axe violations on a phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      // On a phone the navigation folds behind the menu button.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'New post', exact: true }).click();
      await page.getByLabel('Headline').fill('Phone-sized publishing');
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByRole('dialog', { name: 'Publish this post?' }).waitFor();
      await expectNoAxeViolations(page, 'publish summary on a phone');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await context.close();
    });
  },
);
