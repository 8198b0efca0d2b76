import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderDemoImage } from '../../src/features/content/media-demo-images.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
  watchCspViolations,
} from '../support/cms-journey.js';

const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName ?? ''} ${el?.getAttribute('aria-label') ?? el?.textContent ?? ''}`;
  });

async function embed(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed a video or social post' });
  await dialog.getByLabel('Address of the video or post').fill(url);
  await dialog.getByRole('button', { name: 'Embed', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!isBrowserAvailable())(
  'images and embeds in the editor look as readers will see them',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('shows a video and a link as cards, an image with its caption and credit, all reachable by keyboard', async () => {
      const { t, base, browser } = journey();
      const writer = await addStaff(t, 'editor', 'Vera Visual');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await signInThroughCms(context, base, writer.email, '/admin/posts/new');
      const csp = watchCspViolations(page);
      await page.getByLabel('Headline', { exact: true }).fill('The harbour in pictures');
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('The tide came in early.');

      // A video: a player-shaped card naming the provider, the title to come, the address.
      await embed(page, 'https://youtu.be/dQw4w9WgXcQ');
      const video = page.getByRole('group', { name: 'Embed block: YouTube video' });
      await video.waitFor();
      expect(await video.locator('.embed-card-frame').isVisible()).toBe(true);
      expect(await video.locator('.embed-card-mark').isVisible()).toBe(false);
      expect(await video.locator('.embed-card-source').textContent()).toBe('YouTube video');
      expect(await video.locator('.embed-card-title').textContent()).toContain('No title');
      const videoLink = video.getByRole('link', {
        name: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      });
      expect(await videoLink.getAttribute('target')).toBe('_blank');
      await video.getByLabel('Title (optional)').fill('High tide at the quay');
      await expect
        .poll(() => video.locator('.embed-card-title').textContent())
        .toBe('High tide at the quay');
      // The address is one Tab stop before the title field.
      await page.keyboard.press('Shift+Tab');
      await expect
        .poll(() => focusedText(page))
        .toBe('A https://www.youtube.com/watch?v=dQw4w9WgXcQ');

      // A plain link: a quoted card with the address as its title and the site under it.
      // The cursor is still in the paragraph each insert leaves after its block.
      await embed(page, 'https://www.example.com/reports/tides');
      const link = page.getByRole('group', { name: 'Embed block: Link' });
      await link.waitFor();
      expect(await link.locator('.embed-card-frame').isVisible()).toBe(false);
      expect(await link.locator('.embed-card-mark').textContent()).toBe('E');
      expect(await link.locator('.embed-card-source').textContent()).toBe('example.com');
      expect(await link.locator('.embed-card-title').textContent()).toBe(
        'https://www.example.com/reports/tides',
      );

      // An image at the body's width, its caption and credit under it as readers see them.
      await page.getByRole('button', { name: 'Image', exact: true }).click();
      const upload = page.getByRole('dialog', { name: 'Insert an image' });
      await upload.getByLabel('Image file').setInputFiles({
        name: 'quay.png',
        mimeType: 'image/png',
        buffer: await renderDemoImage({ width: 800, height: 450, seed: 5, label: 'quay' }),
      });
      await upload.getByLabel('Alt text').fill('Water over the quay steps');
      await upload.getByRole('button', { name: 'Upload', exact: true }).click();
      const image = page.getByRole('group', { name: 'Image block' });
      await image.waitFor();
      const caption = image.locator('figcaption');
      expect(await caption.isVisible()).toBe(false);
      expect(await image.getByRole('img', { name: 'Water over the quay steps' }).count()).toBe(1);
      await image.getByLabel('Caption').fill('The quay at nine.');
      await image.getByLabel('Credit').fill('Ola Berg / Harbour Post');
      await expect
        .poll(() => caption.textContent())
        .toBe('The quay at nine. Ola Berg / Harbour Post');
      expect(await caption.locator('.credit').textContent()).toBe('Ola Berg / Harbour Post');
      await image.getByLabel('Alt text').fill('Grey water over the quay steps');
      await image.getByRole('img', { name: 'Grey water over the quay steps' }).waitFor();

      await expectNoAxeViolations(page, 'editor with image and embed cards (desktop)');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page, 'editor with image and embed cards (phone)');
      const box = await image.locator('figure').boundingBox();
      expect(box === null ? 0 : box.width).toBeLessThanOrEqual(390);

      await waitForSaved(page);
      const [post] = await t.services.posts.listPosts(systemActor, { text: 'harbour in pictures' });
      await expect
        .poll(async () => (await t.services.posts.getPost(post?.id ?? '')).body.blocks)
        .toMatchObject([
          { type: 'paragraph' },
          { type: 'embed', provider: 'youtube', title: 'High tide at the quay' },
          { type: 'embed', provider: 'link', url: 'https://www.example.com/reports/tides' },
          {
            type: 'image',
            alt: 'Grey water over the quay steps',
            caption: 'The quay at nine.',
            credit: 'Ola Berg / Harbour Post',
          },
        ]);
      expect(csp).toEqual([]);
      await context.close();
    });
  },
);
