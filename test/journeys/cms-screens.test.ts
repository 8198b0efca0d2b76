import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import type { BrowserContext, Page } from 'playwright-core';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';

const screens = [
  ['Dashboard', 'Dashboard'],
  ['Posts', 'Posts'],
  ['New post', 'New post'],
  ['Review queue', 'Review queue'],
  ["Editors' picks", "Editors' picks"],
  ['Sections', 'Sections and tags'],
  ['Redirects', 'Redirects'],
  ['Media', 'Media library'],
  ['Staff', 'Staff'],
  ['API tokens', 'API tokens'],
  ['Settings', 'Site settings'],
  ['Outbox', 'Outbox'],
] as const;

describe.skipIf(!isBrowserAvailable())(
  'an administrator goes through every CMS screen',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let context: BrowserContext;
    let page: Page;

    it('reaches every screen from the navigation, and none has axe violations', async () => {
      const { t, base, browser } = journey();
      const admin = await addStaff(t, 'administrator', 'Ida Admin');
      for (const title of ['Ferry timetable', 'Bridge repairs', 'School year starts']) {
        await t.services.posts.createPost(systemActor, {
          title,
          markdown: 'Text.',
          authors: [admin.slug],
          status: 'published',
        });
      }
      context = await browser.newContext();
      page = await signInThroughCms(context, base, admin.email);
      const nav = page.getByRole('navigation', { name: 'CMS' });
      for (const [link, heading] of screens) {
        await nav.getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        // A screen may load several lists side by side (staff and invitations): wait for all.
        await expect
          .poll(() => page.locator('.loading').count(), { timeout: 60_000, message: heading })
          .toBe(0);
        expect(
          await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current'),
        ).toBe('page');
        await expectNoAxeViolations(page, heading);
      }
    });

    it('reorders editors’ picks with the keyboard and announces each move', async () => {
      const { t } = journey();
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: "Editors' picks" })
        .click();
      for (const title of ['Ferry timetable', 'Bridge repairs']) {
        await page.getByRole('button', { name: 'Add a pick' }).click();
        await page
          .getByRole('dialog', { name: 'Add a pick' })
          .getByRole('button', { name: new RegExp(title) })
          .click();
        await page
          .getByRole('status')
          .filter({ hasText: `Added “${title}”` })
          .waitFor();
      }
      await page.getByRole('button', { name: 'Move up: Bridge repairs' }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'Moved “Bridge repairs” to position 1 of 2. Saved.' })
        .waitFor();
      expect(await page.locator('.sortable-title').allTextContents()).toEqual([
        '1. Bridge repairs',
        '2. Ferry timetable',
      ]);
      const picks = await t.app.inject({
        method: 'GET',
        url: '/api/admin/editors-picks',
        headers: {
          cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
        },
      });
      expect(picks.json<{ picks: { title: string }[] }>().picks.map((p) => p.title)).toEqual([
        'Bridge repairs',
        'Ferry timetable',
      ]);
      await expectNoAxeViolations(page, "editors' picks with picks");
    });

    it('shows a new API token once, and not after a reload', async () => {
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: 'API tokens' })
        .click();
      await page.getByLabel('Name', { exact: true }).fill('Wire importer');
      await page.getByRole('button', { name: 'Create the token' }).click();
      const token = await page.getByLabel('New token').inputValue();
      expect(token.length).toBeGreaterThan(20);
      await page.reload();
      await page.getByRole('cell', { name: 'Wire importer' }).waitFor();
      expect(await page.getByLabel('New token').count()).toBe(0);
    });

    it('signs out, and the sign-in, forgotten-password and reset screens have no axe violations', async () => {
      const { base } = journey();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectNoAxeViolations(page, 'sign in');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Forgot password' }).waitFor();
      await expectNoAxeViolations(page, 'forgot password');
      await page.goto(`${base}/admin/reset/not-a-real-token`);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await expectNoAxeViolations(page, 'reset password');
      await context.close();
    });
  },
);
