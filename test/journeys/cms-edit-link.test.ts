import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import { addStaff, journeyPassword, useCmsJourney } from '../support/cms-journey.js';

describe.skipIf(!isBrowserAvailable())(
  '"Edit post" on the public article',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();

    it('opens the CMS editor on that post', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Mira Editor');
      const post = await t.services.posts.createPost(systemActor, {
        title: 'The harbour gets a new crane',
        markdown: 'It arrives by sea.',
        authors: [editor.slug],
        status: 'published',
      });
      const context = await browser.newContext();
      const signIn = await context.request.post(`${base}/api/admin/session`, {
        data: { email: editor.email, password: journeyPassword },
      });
      expect(signIn.status()).toBe(200);
      const page = await context.newPage();
      await page.goto(`${base}/${post.slug}`);
      await page.getByRole('link', { name: 'Edit post' }).click();
      await page.waitForURL(`${base}/admin/posts/${encodeURIComponent(post.id)}`);
      const headline = page.getByLabel('Headline');
      await headline.waitFor();
      expect(await headline.inputValue()).toBe('The harbour gets a new crane');
      expect(await page.getByRole('textbox', { name: 'Body' }).textContent()).toContain(
        'It arrives by sea.',
      );
      await context.close();
    });
  },
);
