import { describe, expect, it } from 'vitest';
import { renderDemoImage } from '../../src/features/content/media-demo-images.js';
import { systemActor } from '../../src/features/staff/actor.js';
import type { BrowserContext, Page } from 'playwright-core';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
  watchCspViolations,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'an editor writes and publishes an article in the CMS',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let context: BrowserContext;
    let page: Page;
    let postId = '';
    let cspViolations: string[] = [];

    it('signs in and lands on the dashboard', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Mira Editor');
      await t.services.posts.createPost(systemActor, {
        title: 'The night train is back',
        markdown: 'The first train left at 21:40.',
        authors: [editor.slug],
        status: 'published',
      });
      context = await browser.newContext();
      page = await signInThroughCms(context, base, editor.email);
      cspViolations = watchCspViolations(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
      await expectNoAxeViolations(page, 'dashboard');
    });

    it('writes an article with an uploaded image, its caption and credit, and a related card', async () => {
      await page.getByRole('link', { name: 'Write a new post' }).click();
      await page.getByLabel('Headline').fill('Ferries return to the islands');
      await page.getByLabel('Standfirst').fill('Three routes reopen on Monday.');
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('The first boat leaves at dawn.');

      await page.getByRole('button', { name: 'Image', exact: true }).click();
      const upload = page.getByRole('dialog', { name: 'Insert an image' });
      await upload.getByLabel('Image file').setInputFiles({
        name: 'ferry.png',
        mimeType: 'image/png',
        buffer: await renderDemoImage({ width: 800, height: 450, seed: 3, label: 'ferry' }),
      });
      await upload.getByLabel('Alt text').fill('A ferry leaving the harbour at dawn');
      await upload.getByLabel('Caption').fill('The first crossing in two years.');
      await upload.getByLabel('Credit').fill('Ana Lind / Coast Wire');
      await upload.getByRole('button', { name: 'Upload', exact: true }).click();
      const image = page.getByRole('group', { name: 'Image block' });
      await image.waitFor();
      expect(await image.getByLabel('Caption').inputValue()).toBe(
        'The first crossing in two years.',
      );
      expect(await image.getByLabel('Credit').inputValue()).toBe('Ana Lind / Coast Wire');

      await page.getByRole('button', { name: 'Related article' }).click();
      const picker = page.getByRole('dialog', { name: 'Insert a related article' });
      await picker.getByLabel('Search published posts').fill('night train');
      await picker.getByRole('button', { name: /The night train is back/ }).click();
      await page.getByRole('group', { name: 'Related article block' }).waitFor();

      await waitForSaved(page);
      await page.waitForURL(/\/admin\/posts\/[^/]+$/);
      postId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      const { t } = journey();
      const saved = await t.services.posts.getPost(postId);
      expect(saved.title).toBe('Ferries return to the islands');
      expect(saved.body.blocks.map((block) => block.type)).toEqual([
        'paragraph',
        'image',
        'related',
      ]);
      expect(saved.body.blocks[1]).toMatchObject({
        caption: 'The first crossing in two years.',
        credit: 'Ana Lind / Coast Wire',
        alt: 'A ferry leaving the harbour at dawn',
      });
      await expectNoAxeViolations(page, 'post editor');
    });

    it('previews the draft as a reader would see it', async () => {
      const [preview] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Preview' }).click(),
      ]);
      await preview.waitForURL(/\/preview\//);
      expect(await preview.locator('h1').textContent()).toBe('Ferries return to the islands');
      expect(await preview.locator('figcaption').first().textContent()).toContain(
        'Ana Lind / Coast Wire',
      );
      await preview.close();
    });

    it('publishes, and readers find the article with its image credit and related card', async () => {
      const { base } = journey();
      await page.getByRole('button', { name: 'Publish now' }).click();
      const summary = page.getByRole('dialog', { name: 'Publish this post?' });
      expect(await summary.locator('.final-url').textContent()).toMatch(
        /\/ferries-return-to-the-islands$/,
      );
      await summary.getByRole('button', { name: 'Publish', exact: true }).click();

      await page.getByText('Published.', { exact: true }).waitFor();
      expect(await page.locator('.publish-panel .status').textContent()).toBe('Published');

      const reader = await journey().browser.newContext();
      const article = await reader.newPage();
      await article.goto(`${base}/ferries-return-to-the-islands`);
      expect(await article.locator('h1').textContent()).toBe('Ferries return to the islands');
      expect(await article.locator('main').textContent()).toContain(
        'The first boat leaves at dawn.',
      );
      expect(await article.locator('main').textContent()).toContain('Ana Lind / Coast Wire');
      expect(
        await article.getByRole('link', { name: /The night train is back/ }).count(),
      ).toBeGreaterThan(0);
      await reader.close();
    });

    it('refuses to publish without alt text, saying so next to the image', async () => {
      await page.getByRole('link', { name: 'New post' }).click();
      await page.getByLabel('Headline').fill('An image without words');
      await page.getByRole('button', { name: 'Image', exact: true }).click();
      const upload = page.getByRole('dialog', { name: 'Insert an image' });
      await upload.getByLabel('Image file').setInputFiles({
        name: 'quay.png',
        mimeType: 'image/png',
        buffer: await renderDemoImage({ width: 640, height: 360, seed: 9, label: 'quay' }),
      });
      await upload.getByRole('button', { name: 'Upload', exact: true }).click();
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Publish now' }).click();
      const problem = page
        .getByRole('group', { name: 'Image block' })
        .getByText(/Add alt text before publishing/);
      expect(await problem.isVisible()).toBe(true);
      expect(
        await page.getByRole('alert').filter({ hasText: 'not ready to publish' }).textContent(),
      ).toContain('Image 1 in the body needs alt text');
      expect(await page.locator('.publish-panel .status').textContent()).toBe('Draft');
      await expectNoAxeViolations(page, 'post editor with publish problems');
      await context.close();
    });

    it('ran the whole way under the site’s Content-Security-Policy without a refusal', () => {
      expect(cspViolations).toEqual([]);
    });
  },
);
