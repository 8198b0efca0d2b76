import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

/** A compared text as it reads, without the words only screen readers hear. */
const readable = (text: string | null): string =>
  (text ?? '').replace(/\[(?:not in the other version|added|removed): /g, '').replace(/\]/g, '');

/** Checks a screen at desktop and phone widths, then goes back to desktop. */
async function expectAxeCleanAtBothWidths(page: Page, screen: string): Promise<void> {
  await page.setViewportSize(desktop);
  await expectNoAxeViolations(page, `${screen} (desktop)`);
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page, `${screen} (phone)`);
  await page.setViewportSize(desktop);
}

describe.skipIf(!isBrowserAvailable())('two editors on one post', { timeout: 240_000 }, () => {
  const journey = useCmsJourney();

  it('each sees the other by name, edits to different fields merge, the same field asks field by field', async () => {
    const { t, base, browser } = journey();
    const ana = await addStaff(t, 'editor', 'Ana Together');
    const bo = await addStaff(t, 'editor', 'Bo Together');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Tram line extension approved',
      standfirst: 'Work starts in spring.',
      markdown: 'The council voted on Monday.',
      authors: [ana.slug],
    });
    const path = `/admin/posts/${encodeURIComponent(post.id)}`;
    const contextA = await browser.newContext({ viewport: desktop });
    const contextB = await browser.newContext({ viewport: desktop });
    const pageA = await signInThroughCms(contextA, base, ana.email, path);
    const pageB = await signInThroughCms(contextB, base, bo.email, path);
    await pageA.getByLabel('Headline').waitFor();
    await pageB.getByLabel('Headline').waitFor();

    // Each sees the other's name.
    const presenceA = pageA.getByRole('list', { name: 'Also editing:' });
    const presenceB = pageB.getByRole('list', { name: 'Also editing:' });
    await expect.poll(() => presenceA.textContent(), { timeout: 60_000 }).toContain('Bo Together');
    await expect.poll(() => presenceB.textContent(), { timeout: 60_000 }).toContain('Ana Together');
    await expectAxeCleanAtBothWidths(pageB, 'editor with another editor present');

    // Ana types: Bo is warned before he types too.
    await pageA.getByLabel('Headline').fill('Tram line extension approved by council');
    const typingWarning = pageB.getByRole('alert').filter({ hasText: 'Ana Together is typing' });
    await typingWarning.waitFor({ timeout: 60_000 });
    await expectAxeCleanAtBothWidths(pageB, 'editor warning that someone is typing');
    await waitForSaved(pageA);

    // Bo changes another field, starting from the older revision: merged, no dialog.
    await pageB.getByLabel('Standfirst').fill('Work starts in April.');
    await waitForSaved(pageB);
    const merged = await t.services.posts.getPost(post.id);
    expect(merged.title).toBe('Tram line extension approved by council');
    expect(merged.standfirst).toBe('Work starts in April.');
    expect(await pageB.getByRole('dialog').count()).toBe(0);
    // Bo's screen now shows Ana's headline, so his next save keeps it.
    await expect
      .poll(() => pageB.getByLabel('Headline').inputValue())
      .toBe('Tram line extension approved by council');

    // Both change the headline: Bo is shown the headline side by side and chooses.
    await pageA.getByLabel('Headline').fill('Trams to reach the airport');
    await waitForSaved(pageA);
    await pageB.getByLabel('Headline').fill('Council approves airport tram');
    await pageB.getByLabel('SEO title').fill('Airport tram approved');
    await pageB.locator('[data-save-status="conflict"]').waitFor({ timeout: 60_000 });
    const notice = pageB.getByRole('alert').filter({ hasText: 'changed the headline' });
    await notice.getByRole('button', { name: 'Compare the changed fields' }).click();
    const dialog = pageB.getByRole('dialog', {
      name: 'Choose which version of each field to keep',
    });
    await dialog.waitFor();
    const headline = dialog.getByRole('group', { name: 'Headline' });
    expect(
      readable(
        await headline.getByRole('region', { name: 'Headline: their version' }).textContent(),
      ),
    ).toContain('Trams to reach the airport');
    expect(
      readable(
        await headline.getByRole('region', { name: 'Headline: your version' }).textContent(),
      ),
    ).toContain('Council approves airport tram');
    expect(await dialog.getByRole('group', { name: 'SEO title' }).count()).toBe(0);
    await expectAxeCleanAtBothWidths(pageB, 'field-by-field comparison dialog');

    await headline.getByRole('radio', { name: 'Take theirs' }).check();
    await dialog.getByRole('button', { name: 'Save with these choices' }).click();
    await waitForSaved(pageB);
    const resolved = await t.services.posts.getPost(post.id);
    expect(resolved.title).toBe('Trams to reach the airport');
    expect(resolved.seoTitle).toBe('Airport tram approved');
    expect(resolved.standfirst).toBe('Work starts in April.');

    // Ana closes the post: Bo no longer sees her.
    await pageA.close();
    await expect
      .poll(
        async () =>
          (await presenceB.count()) === 0 || !(await presenceB.textContent())?.includes('Ana'),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    await contextA.close();
    await contextB.close();
  });

  it('shows revisions by session with who made them, and previews the differences before restoring', async () => {
    const { t, base, browser } = journey();
    const cy = await addStaff(t, 'editor', 'Cy History');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Harbour cleanup begins',
      standfirst: 'Volunteers wanted.',
      markdown: 'Bring gloves.',
      authors: [cy.slug],
    });
    const context = await browser.newContext({ viewport: desktop });
    const page = await signInThroughCms(
      context,
      base,
      cy.email,
      `/admin/posts/${encodeURIComponent(post.id)}`,
    );
    await page.getByLabel('Headline').fill('Harbour cleanup begins on Saturday');
    await waitForSaved(page);
    await page.getByLabel('Standfirst').fill('Volunteers wanted, gloves provided.');
    await waitForSaved(page);

    await page.getByRole('button', { name: 'Show revisions' }).click();
    const panel = page.getByRole('region', { name: 'Revisions' });
    const session = panel.locator('summary').filter({ hasText: 'Cy History' });
    await session.waitFor();
    expect(await session.textContent()).toContain('2 saves');
    // The first revision is the one Masthead made, in an earlier session.
    await panel.locator('summary').filter({ hasText: 'Masthead' }).click();
    await panel.getByRole('button', { name: /^Preview revision 1$/ }).click();
    const preview = page.getByRole('dialog', { name: 'Revision 1' });
    await preview.locator('ins, del').first().waitFor();
    expect(await preview.locator('del').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('on Saturday')]),
    );
    await expectAxeCleanAtBothWidths(page, 'revision preview dialog');
    await preview.getByRole('button', { name: 'Restore revision 1' }).click();
    await expect
      .poll(() => page.getByLabel('Headline').inputValue())
      .toBe('Harbour cleanup begins');
    await waitForSaved(page);
    expect((await t.services.posts.getPost(post.id)).title).toBe('Harbour cleanup begins');
    await context.close();
  });
});
