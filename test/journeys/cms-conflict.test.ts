import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Saves to different fields merge (cms-together.test.ts). These journeys are about the
 * fallback when the revision a save started from is no longer kept for merging (snapshots
 * live a day): the whole post is compared.
 */
async function forgetMergeBases(t: TestApp, postId: string): Promise<void> {
  await t.services.database.db.deleteFrom('post_snapshots').where('post_id', '=', postId).execute();
}

/**
 * Waits until the server has the post as `check` wants it. "Saved" on the page can be
 * the state from before the change, so a save is awaited where it lands.
 */
async function waitForServer(
  t: TestApp,
  postId: string,
  check: (post: Awaited<ReturnType<TestApp['services']['posts']['getPost']>>) => boolean,
): Promise<void> {
  await expect
    .poll(async () => check(await t.services.posts.getPost(postId)), { timeout: 30_000 })
    .toBe(true);
}

/** The save refused as an edit conflict; autosave waits a moment, longer on a busy machine. */
const conflictBound = { timeout: 30_000 };

describe.skipIf(!isBrowserAvailable())(
  'two editors change one post at the same time',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('refuses the second save, keeps its text, shows the other version, and can save over it', async () => {
      const { t, base, browser } = journey();
      const first = await addStaff(t, 'editor', 'Ada First');
      const second = await addStaff(t, 'editor', 'Ben Second');
      const post = await t.services.posts.createPost(systemActor, {
        title: 'Council meets on Tuesday',
        markdown: 'The agenda is short.',
        authors: [first.slug],
      });
      const path = `/admin/posts/${encodeURIComponent(post.id)}`;
      const contextA = await browser.newContext();
      const contextB = await browser.newContext();
      const pageA = await signInThroughCms(contextA, base, first.email, path);
      const pageB = await signInThroughCms(contextB, base, second.email, path);
      await pageA.getByLabel('Headline').waitFor();
      await pageB.getByLabel('Headline').waitFor();

      await pageA.getByLabel('Headline').fill('Council meets on Wednesday');
      await waitForServer(t, post.id, (p) => p.title === 'Council meets on Wednesday');
      await waitForSaved(pageA);
      await forgetMergeBases(t, post.id);

      const body = pageB.getByRole('textbox', { name: 'Body' });
      await body.click();
      await pageB.keyboard.press('End');
      await pageB.keyboard.type(' Ben’s paragraph about the budget.');
      await pageB.locator('[data-save-status="conflict"]').waitFor(conflictBound);

      const warning = pageB.getByRole('alert').filter({ hasText: 'Someone else saved this post' });
      await warning.waitFor();
      expect(await body.textContent()).toContain('Ben’s paragraph about the budget.');
      const kept = await pageB.evaluate(
        (id) => localStorage.getItem(`masthead.cms.post.${id}.unsaved`) ?? '',
        post.id,
      );
      expect(kept).toContain('Ben’s paragraph about the budget.');
      expect((await t.services.posts.getPost(post.id)).title).toBe('Council meets on Wednesday');
      expect(JSON.stringify((await t.services.posts.getPost(post.id)).body)).not.toContain(
        'Ben’s paragraph',
      );

      await warning.getByRole('button', { name: 'See their version' }).click();
      const dialog = pageB.getByRole('dialog', { name: 'Their version and yours' });
      expect(
        await dialog.getByRole('region', { name: 'Their saved version' }).textContent(),
      ).toContain('Council meets on Wednesday');
      expect(
        await dialog.getByRole('region', { name: 'Your unsaved version' }).textContent(),
      ).toContain('Ben’s paragraph about the budget.');
      await expectNoAxeViolations(pageB, 'edit conflict dialog');

      await dialog.getByRole('button', { name: 'Keep mine and save it over theirs' }).click();
      await waitForServer(t, post.id, (p) =>
        JSON.stringify(p.body).includes('Ben’s paragraph about the budget.'),
      );
      await waitForSaved(pageB);
      const revisions = await t.services.posts.listRevisions(systemActor, post.id);
      expect(revisions.map((r) => r.title)).toContain('Council meets on Wednesday');
      await contextA.close();
      await contextB.close();
    });

    it('keeps refused text across a reload, and keeps it again after taking their version', async () => {
      const { t, base, browser } = journey();
      const first = await addStaff(t, 'editor', 'Cai First');
      const second = await addStaff(t, 'editor', 'Dora Second');
      const post = await t.services.posts.createPost(systemActor, {
        title: 'Library opens late on Fridays',
        markdown: 'Until nine.',
        authors: [first.slug],
      });
      const path = `/admin/posts/${encodeURIComponent(post.id)}`;
      const contextA = await browser.newContext();
      const contextB = await browser.newContext();
      const pageA = await signInThroughCms(contextA, base, first.email, path);
      const pageB = await signInThroughCms(contextB, base, second.email, path);
      await pageB.getByLabel('Headline').waitFor();
      await pageA.getByLabel('Headline').fill('Library opens late on Thursdays');
      await waitForServer(t, post.id, (p) => p.title === 'Library opens late on Thursdays');
      await waitForSaved(pageA);
      await forgetMergeBases(t, post.id);
      await pageB.getByLabel('Standfirst').fill('Dora’s standfirst that must survive.');
      await pageB.locator('[data-save-status="conflict"]').waitFor(conflictBound);

      await pageB.reload();
      const offer = pageB.getByRole('alert').filter({ hasText: 'that were never saved' });
      await offer.getByRole('button', { name: 'Restore these changes' }).click();
      await expect
        .poll(() => pageB.getByLabel('Standfirst').inputValue())
        .toBe('Dora’s standfirst that must survive.');
      // The restored copy is still based on the old revision, so it cannot overwrite silently.
      await pageB.locator('[data-save-status="conflict"]').waitFor(conflictBound);

      await pageB.getByRole('button', { name: 'See their version' }).click();
      await pageB
        .getByRole('dialog', { name: 'Their version and yours' })
        .getByRole('button', { name: 'Use their version (keep mine in this browser)' })
        .click();
      await expect
        .poll(() => pageB.getByLabel('Headline').inputValue())
        .toBe('Library opens late on Thursdays');
      const kept = pageB
        .getByRole('alert')
        .filter({ hasText: 'Your own version from the edit conflict' });
      await kept.waitFor();
      await expectNoAxeViolations(pageB, 'editor offering a kept version');
      await kept.getByRole('button', { name: 'Restore my version' }).click();
      await expect
        .poll(() => pageB.getByLabel('Standfirst').inputValue())
        .toBe('Dora’s standfirst that must survive.');
      await waitForServer(
        t,
        post.id,
        (p) => p.standfirst === 'Dora’s standfirst that must survive.',
      );
      await waitForSaved(pageB);
      await contextA.close();
      await contextB.close();
    });
  },
);
