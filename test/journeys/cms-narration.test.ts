import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/features/staff/actor.js';
import { defaultNarrationDebounceMs } from '../../src/features/narration/narration.service.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
} from '../support/cms-journey.js';
import { startFakeSpeechApi, type FakeSpeechApi } from '../support/fake-speech-api.js';

const key = 'sk-cms-narration';

describe.skipIf(!isBrowserAvailable())(
  'an editor follows narrations in the CMS',
  { timeout: journeyTimeout },
  () => {
    let api: FakeSpeechApi;
    beforeAll(async () => {
      api = await startFakeSpeechApi(key);
    });
    afterAll(async () => {
      await api.close();
    });
    const journey = useCmsJourney(() => ({
      MASTHEAD_TTS_PROVIDER: 'openai',
      MASTHEAD_TTS_API_KEY: key,
      MASTHEAD_TTS_BASE_URL: api.url,
    }));

    /** The narration cell of a post's row in the posts list, as read after a reload. */
    async function narrationCell(page: Page, title: string) {
      await page.reload();
      const cell = page
        .getByRole('row')
        .filter({ hasText: title })
        .locator('td[data-label="Narration"]');
      await cell.locator('.narration-status').waitFor({ timeout: 30_000 });
      return cell;
    }

    it('sees audio pending, ready and failed in the posts list, listens and regenerates in the editor', async () => {
      const { t, base, browser } = journey();
      const editor = await addStaff(t, 'editor', 'Nadia Editor');
      const publish = (title: string) =>
        t.services.posts.createPost(systemActor, {
          title,
          markdown: `${title}: the whole story.`,
          authors: [editor.slug],
          status: 'published',
        });
      const settle = async () => {
        t.clock.advance(defaultNarrationDebounceMs + 1);
        await t.runJobs();
      };

      const trams = await publish('Trams return to Podil');
      // The save asks for audio after a quiet spell: the request lands through the event relay.
      await expect
        .poll(async () => (await t.services.narration.findRows([trams.id]))[0]?.status, {
          timeout: 30_000,
        })
        .toBe('queued');

      const context = await browser.newContext();
      const page = await signInThroughCms(context, base, editor.email, '/admin/posts');
      const pending = await narrationCell(page, 'Trams return to Podil');
      expect(await pending.textContent()).toContain('PendingWaiting for edits to settle.');

      await settle();
      const ready = await narrationCell(page, 'Trams return to Podil');
      expect(await ready.locator('.status').textContent()).toBe('Audio ready');
      const listen = ready.getByRole('link', { name: /^Listen to “Trams return to Podil”/ });
      const href = await listen.getAttribute('href');
      const audio = await context.request.get(`${base}${href ?? ''}`);
      expect(audio.status()).toBe(200);
      expect(audio.headers()['content-type']).toBe('audio/mpeg');

      // A provider that refuses: the list says so, with the provider's message.
      const bridge = await publish('The bridge reopens');
      await expect
        .poll(async () => (await t.services.narration.findRows([bridge.id]))[0]?.status, {
          timeout: 30_000,
        })
        .toBe('queued');
      api.respondWith(401);
      await settle();
      const failed = await narrationCell(page, 'The bridge reopens');
      expect(await failed.locator('.status').textContent()).toBe('Failed');
      expect(await failed.textContent()).toContain(
        'OpenAI refused the narration with HTTP 401: Simulated answer 401 (check MASTHEAD_TTS_API_KEY).',
      );
      await expectNoAxeViolations(page, 'posts list with narrations');

      // The editor: listen, regenerate, and watch it become ready again.
      await page.getByRole('link', { name: 'Trams return to Podil', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Narration' });
      await panel.getByText('Audio ready').waitFor({ timeout: 30_000 });
      expect(await panel.locator('audio[controls]').getAttribute('src')).toBe(href);
      const spokenBefore = api.requests.length;
      await panel.getByRole('button', { name: 'Regenerate' }).click();
      await panel.getByText('Narrating again; the current audio stays').waitFor();
      await panel.getByText('Pending').waitFor();
      await t.runJobs();
      await panel.getByText('Audio ready').waitFor({ timeout: 30_000 });
      expect(api.requests.length).toBe(spokenBefore + 1);
      expect((await t.services.narration.findRows([trams.id]))[0]?.generations).toBe(2);
      await expectNoAxeViolations(page, 'post editor with its narration');

      await panel.getByRole('button', { name: 'Turn narration off' }).click();
      await panel.locator('[data-narration-state="off"]').waitFor();
      expect(await panel.locator('audio').count()).toBe(0);
      await context.close();
    });
  },
);
