import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  'an editor keeps old links working from the Redirects screen',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let context: BrowserContext;
    let page: Page;

    const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

    it('tests an old dated link, then adds, edits and deletes a redirect', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Esther Editor');
      await t.services.posts.createPost(systemActor, {
        title: 'Harbour bridge reopens',
        markdown: 'Text.',
        authors: [editor.slug],
        status: 'published',
      });
      context = await browser.newContext();
      page = await signInThroughCms(context, base, editor.email);
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: 'Redirects', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Redirects' }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      await expectNoAxeViolations(page, 'redirects, empty');

      await page.getByLabel('Path to test').fill('/2024/11/14/harbour-bridge-reopens/');
      await page.getByRole('button', { name: 'Test the path' }).click();
      await status('A reader lands on a page.');
      expect(await page.locator('.redirect-hops li').allTextContents()).toEqual([
        '/2024/11/14/harbour-bridge-reopens/ answers 301 and leads to /harbour-bridge-reopens',
        '/harbour-bridge-reopens answers 200',
      ]);

      await page.getByLabel('From', { exact: true }).fill('/bridge/');
      await page.getByLabel('To', { exact: true }).fill('/harbour-bridge-reopens');
      await page.getByRole('button', { name: 'Add the redirect' }).click();
      await status('Added the redirect from /bridge/.');
      await page.getByRole('heading', { level: 3, name: '/bridge' }).waitFor();
      const reader = await fetch(`${base}/bridge`, { redirect: 'manual' });
      expect([reader.status, reader.headers.get('location')]).toEqual([
        301,
        '/harbour-bridge-reopens',
      ]);

      await page.getByRole('button', { name: 'Edit the redirect from /bridge' }).click();
      await page.getByLabel('Kind').last().selectOption('302');
      await page.getByRole('button', { name: 'Save the redirect' }).click();
      await status('Saved the redirect from /bridge.');
      expect((await fetch(`${base}/bridge`, { redirect: 'manual' })).status).toBe(302);
      await expectNoAxeViolations(page, 'redirects, one redirect');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Delete the redirect from /bridge' }).click();
      await status('Deleted the redirect from /bridge.');
      expect((await fetch(`${base}/bridge`, { redirect: 'manual' })).status).toBe(404);
    });

    it('imports a CSV file and exports it back', async () => {
      const { base } = journey();
      await page.getByLabel('CSV file').setInputFiles({
        name: 'redirects.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('from,to,status\n/old-bridge,/harbour-bridge-reopens,301\n'),
      });
      await page.getByRole('button', { name: 'Import the file' }).click();
      await status('Imported 1 new redirect and replaced 0.');
      await page.getByRole('heading', { level: 3, name: '/old-bridge' }).waitFor();
      const exported = await context.request.get(
        `${base}${await page.getByRole('link', { name: 'Export all as CSV' }).getAttribute('href')}`,
      );
      expect(await exported.text()).toBe(
        'from,to,status\n/old-bridge,/harbour-bridge-reopens,301\n',
      );
      await expectNoAxeViolations(page, 'redirects, imported');
    });
  },
);
