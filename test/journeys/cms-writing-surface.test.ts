import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isBrowserAvailable } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') || el?.id || el?.textContent || '';
  });

describe.skipIf(!isBrowserAvailable())('the writing surface', { timeout: 240_000 }, () => {
  const journey = useCmsJourney();

  it('works from the keyboard: headline first, one-stop toolbar, Alt+F10, the / menu, Ctrl+S', async () => {
    const { t, base, browser } = journey();
    const writer = await addStaff(t, 'editor', 'Kit Keyboard');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signInThroughCms(context, base, writer.email, '/admin/posts/new');

    // A new post starts with the headline focused; it counts against search results.
    const headline = page.getByLabel('Headline', { exact: true });
    await headline.waitFor();
    await expect.poll(() => focusedName(page)).toBe('headline');
    await page.keyboard.type('Night buses return to the eastern suburbs after a two-year pause');
    expect(await page.locator('#headline-count').textContent()).toContain('64 of about 60');
    await page.keyboard.press('Enter');
    expect(await headline.inputValue()).not.toContain('\n');

    // Standfirst, then the toolbar is one Tab stop, then the body.
    await page.keyboard.press('Tab');
    await page.keyboard.type('The council found the money.');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('text-style');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page)).toBe('Bold');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('Body');

    // The / menu: filter, arrows, Enter.
    await page.keyboard.type('/hea');
    const menu = page.getByRole('listbox', { name: 'Insert' });
    await menu.waitFor();
    expect(await menu.getByRole('option').allTextContents()).toEqual(['Heading 2', 'Heading 3']);
    const body = page.getByRole('textbox', { name: 'Body' });
    await expect.poll(() => body.getAttribute('aria-activedescendant')).toBe('slash-option-h2');
    await expectNoAxeViolations(page, 'slash menu (desktop)');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'slash menu (phone)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => body.getAttribute('aria-activedescendant')).toBe('slash-option-h3');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.type('Routes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Three routes run all night.');
    // Escape closes the menu and leaves the "/" as typed.
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.press('Backspace');

    // Alt+F10 reaches the toolbar where it was left; Escape goes back to the text.
    await page.keyboard.press('Alt+F10');
    await expect.poll(() => focusedName(page)).toBe('Bold');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Body');

    // Ctrl+S saves at once.
    await page.keyboard.press('Control+s');
    await waitForSaved(page);
    const [post] = await t.services.posts.listPosts(
      { id: 'system', kind: 'system', userId: null, name: 'Masthead', role: 'owner' },
      { text: 'Night buses' },
    );
    expect(post?.body.blocks.slice(0, 2)).toMatchObject([
      { type: 'heading', level: 3 },
      { type: 'paragraph' },
    ]);
    await context.close();
  });

  it('puts the cursor at the end when the empty space below the text is clicked, and previews search and social', async () => {
    const { t, base, browser } = journey();
    const writer = await addStaff(t, 'editor', 'Cleo Click');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signInThroughCms(context, base, writer.email, '/admin/posts/new');
    await page.getByLabel('Headline', { exact: true }).fill('Harbour ferry timetable changes');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('First paragraph.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second paragraph.');
    await expect.poll(() => body.textContent()).toContain('First paragraph.Second paragraph.');
    await page.getByLabel('Headline', { exact: true }).click();
    const box = await body.boundingBox();
    if (box === null) throw new Error('The body has no box.');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 10);
    await page.keyboard.type(' The end.');
    await expect.poll(() => body.textContent()).toContain('Second paragraph. The end.');

    await page.getByLabel('SEO description').fill('New times from Monday for every ferry.');
    const search = page.getByRole('region', { name: 'In search results' });
    expect(await search.textContent()).toContain('Harbour ferry timetable changes');
    expect(await search.textContent()).toContain('New times from Monday');
    await page.getByRole('region', { name: 'As a shared card' }).waitFor();
    await expectNoAxeViolations(page, 'editor with search and social previews (desktop)');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'editor with search and social previews (phone)');
    await waitForSaved(page);
    await context.close();
  });
});
