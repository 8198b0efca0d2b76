import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { drainJobs, readOutbox } from '../../src/platform/mail/test-support/outbox-helpers.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const dayMs = 24 * 60 * 60 * 1000;

/** Checks a screen with axe at desktop and at phone width, then goes back to desktop. */
async function expectAxeCleanAtBothWidths(page: Page, screen: string): Promise<void> {
  await page.setViewportSize(desktop);
  await expectNoAxeViolations(page, `${screen} (desktop)`);
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page, `${screen} (phone)`);
  await page.setViewportSize(desktop);
}

describe.skipIf(!isBrowserAvailable())(
  'the newsroom’s day: hand-offs, the dashboard, the bin and the phone',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let writerId = '';
    let writerEmail = '';
    let editorEmail = '';
    let adminToken = '';

    const siteStatus = async (slug: string): Promise<number> =>
      (await fetch(`${journey().base}/${slug}`)).status;

    const outboxFor = async (email: string) => {
      const { t } = journey();
      await drainJobs(t);
      return (await readOutbox(t, adminToken)).filter((m) => m.to === email);
    };

    it('an editor publishes with the keyboard alone and a note; the writer’s e-mail arrives', async () => {
      const { t, base, browser } = journey();
      await t.services.settings.updateSiteSettings(systemActor, { timezone: 'Europe/Kyiv' });
      adminToken = (await t.tokenFor('administrator')).token;
      const writer = await addStaff(t, 'contributor', 'Wren Writer');
      const editor = await addStaff(t, 'editor', 'Esme Editor');
      writerId = writer.id;
      writerEmail = writer.email;
      editorEmail = editor.email;
      const post = await t.services.posts.createPost(
        {
          id: `user:${writer.id}`,
          kind: 'user',
          userId: writer.id,
          name: writer.name,
          role: 'contributor',
        },
        { title: 'Tram depot to close in spring', markdown: 'The depot closes in March.' },
      );

      const context = await browser.newContext({ viewport: desktop });
      const page = await signInThroughCms(context, base, editor.email, `/admin/posts/${post.id}`);
      await page.getByLabel('Headline').waitFor();
      await page.getByLabel('Headline').focus();
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused.trim() === 'Publish now') break;
      }
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
      await dialog.waitFor();
      await expectAxeCleanAtBothWidths(page, 'publish summary with a note');
      // The confirming button has focus; the note is one Shift+Tab back.
      await dialog.getByRole('button', { name: 'Publish', exact: true }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type('Moved the quote up top.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Published.', { exact: true }).waitFor();
      expect(await siteStatus('tram-depot-to-close-in-spring')).toBe(200);
      await page.getByText('Moved the quote up top.').waitFor();
      await context.close();

      const mail = await outboxFor(writer.email);
      const published = mail.find((m) => m.subject === 'Published: Tram depot to close in spring');
      expect(published?.text).toContain('Moved the quote up top.');
    });

    it('a contributor sees their published post read-only and suggests a correction', async () => {
      const { base, browser } = journey();
      const context = await browser.newContext({ viewport: desktop });
      const page = await signInThroughCms(context, base, writerEmail, '/admin/posts');
      await page.getByRole('link', { name: 'Tram depot to close in spring' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Tram depot to close in spring' })
        .waitFor();
      await page.getByText('read-only for you').waitFor();
      expect(await page.getByLabel('Headline').count()).toBe(0);
      expect(await page.getByText('Moved the quote up top.').count()).toBe(1);
      await expectAxeCleanAtBothWidths(page, 'read-only post');

      await page.getByRole('button', { name: 'Suggest a correction' }).click();
      const dialog = page.getByRole('dialog', { name: 'Suggest a correction' });
      await dialog.waitFor();
      await expectAxeCleanAtBothWidths(page, 'suggest a correction dialog');
      await dialog.getByLabel('What should change?').fill('The depot closes in April, not March.');
      await dialog.getByRole('button', { name: 'Send to the editors' }).click();
      await page.getByText('Your correction was sent to the editors.').waitFor();
      await page.getByText('The depot closes in April, not March.').waitFor();
      await context.close();

      const mail = await outboxFor(editorEmail);
      expect(mail.map((m) => m.subject)).toContain(
        'Correction suggested: Tram depot to close in spring',
      );
    });

    it('shows the editor the queue, the next 24 hours in the site’s zone, and a badge', async () => {
      const { t, base, browser } = journey();
      const writerActor = {
        id: `user:${writerId}`,
        kind: 'user' as const,
        userId: writerId,
        name: 'Wren Writer',
        role: 'contributor' as const,
      };
      const waiting = await t.services.posts.createPost(writerActor, {
        title: 'Ferry fares rise',
        markdown: 'Fares rise by ten percent.',
      });
      await t.services.reviews.submitForReview(writerActor, waiting.id);
      await t.services.posts.createPost(systemActor, {
        title: 'Budget vote tonight',
        markdown: 'The council votes at seven.',
        authors: ['esme-editor'],
        status: 'scheduled',
        publishedAt: new Date(t.clock.now().getTime() + 5 * 60 * 60 * 1000),
      });
      await t.services.posts.createPost(systemActor, {
        title: 'Next week’s festival',
        markdown: 'The festival opens on Friday.',
        authors: ['esme-editor'],
        status: 'scheduled',
        publishedAt: new Date(t.clock.now().getTime() + 4 * dayMs),
      });

      const context = await browser.newContext({ viewport: desktop });
      const page = await signInThroughCms(context, base, editorEmail);
      const review = page.getByRole('region', { name: 'Waiting for review' });
      await review.getByText('1', { exact: true }).waitFor();
      expect(await review.textContent()).toContain('Ferry fares rise');
      const upcoming = page.getByRole('region', { name: 'Going out in the next 24 hours' });
      await upcoming.getByRole('link', { name: 'Budget vote tonight' }).waitFor();
      expect(await upcoming.textContent()).toContain('Europe/Kyiv');
      expect(await upcoming.textContent()).not.toContain('festival');
      await page.getByRole('link', { name: /Review queue.*1.*waiting/ }).waitFor();
      await expectAxeCleanAtBothWidths(page, 'dashboard');
      await context.close();
    });

    it('deletes a post after a confirmation naming it, and restores it from the bin', async () => {
      const { t, base, browser } = journey();
      const post = await t.services.posts.createPost(systemActor, {
        title: 'Harbour lights switched on',
        markdown: 'The lights came on at dusk.',
        authors: ['esme-editor'],
        status: 'published',
      });
      const context = await browser.newContext({ viewport: desktop });
      const page = await signInThroughCms(context, base, editorEmail, `/admin/posts/${post.id}`);
      await page.getByLabel('Headline').waitFor();
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Delete post' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete “Harbour lights switched on”?' });
      await dialog.waitFor();
      await expectAxeCleanAtBothWidths(page, 'delete confirmation');
      await dialog.getByRole('button', { name: 'Move to the bin' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bin' }).waitFor();
      expect(await siteStatus(post.slug)).toBe(410);
      await expectAxeCleanAtBothWidths(page, 'bin');

      await page.getByRole('button', { name: 'Restore “Harbour lights switched on”' }).click();
      await page.getByText('Restored “Harbour lights switched on” as published.').waitFor();
      expect(await siteStatus(post.slug)).toBe(200);
      await context.close();
    });

    it('lays the CMS out for a phone: a menu button, cards, a scrolling toolbar, a publish bar', async () => {
      const { t, base, browser } = journey();
      const draft = await t.services.posts.createPost(systemActor, {
        title: 'A draft for the phone with a rather long headline that has to wrap somewhere',
        markdown: 'Typed on the bus.',
        authors: ['esme-editor'],
      });
      const context = await browser.newContext({ viewport: phone });
      const page = await signInThroughCms(context, base, editorEmail, '/admin/posts');
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('navigation', { name: 'CMS' }).isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page
        .getByRole('navigation', { name: 'CMS' })
        .getByRole('link', { name: 'Posts' })
        .waitFor();
      await menu.click();

      await page.getByRole('link', { name: draft.title }).waitFor();
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await expectNoAxeViolations(page, 'posts list (phone)');

      await page.getByRole('link', { name: draft.title }).click();
      await page.getByLabel('Headline').waitFor();
      const bar = page.getByRole('region', { name: 'Publish bar' });
      expect(await bar.isVisible()).toBe(true);
      const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      const box = await toolbar.evaluate((el) => ({
        rowHeight: el.querySelector('button')?.offsetHeight ?? 0,
        height: el.clientHeight,
        wraps: getComputedStyle(el).flexWrap,
      }));
      expect(box.wraps).toBe('nowrap');
      expect(box.height).toBeLessThan(box.rowHeight * 2);
      const pageWidth = await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
      expect(pageWidth).toBe(true);
      // The bar stays on screen at the bottom while the page scrolls.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
      const barBox = await bar.boundingBox();
      expect(barBox !== null && barBox.y + barBox.height <= phone.height + 1).toBe(true);
      await expectNoAxeViolations(page, 'editor (phone)');
      await context.close();
    });

    it('purges a post from the bin 30 days after it was deleted', async () => {
      const { t, base, browser } = journey();
      const post = await t.services.posts.createPost(systemActor, {
        title: 'Old ferry timetable',
        markdown: 'Winter times.',
        authors: ['esme-editor'],
      });
      await t.services.bin.binPost(systemActor, post.id);
      t.clock.advance(30 * dayMs);
      await t.runJobs();
      expect(await t.services.posts.findPostsByIds([post.id])).toEqual([]);

      const context: BrowserContext = await browser.newContext({ viewport: desktop });
      const page = await signInThroughCms(context, base, editorEmail, '/admin/bin');
      await page.getByRole('heading', { level: 1, name: 'Bin' }).waitFor();
      await page.getByText('The bin is empty.').waitFor();
      expect(await page.getByText('Old ferry timetable').count()).toBe(0);
      await context.close();
    });
  },
);
