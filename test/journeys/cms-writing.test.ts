import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { BodyDocument, Inline } from '../../src/features/content/body/body.types.js';
import { isBrowserAvailable, journeyTimeout } from '../support/browser.js';
import {
  addStaff,
  expectNoAxeViolations,
  signInThroughCms,
  useCmsJourney,
  waitForSaved,
} from '../support/cms-journey.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/clipboard/${name}`, import.meta.url), 'utf8');

/** A body as short readable lines: **bold**, _italic_, [text](href), ⏎ for a line break. */
function summarise(body: BodyDocument): string[] {
  const inline = (content: readonly Inline[]): string =>
    content
      .map((run) => {
        if (run.type === 'break') return '⏎';
        let text = run.text;
        for (const mark of run.marks ?? []) {
          if (mark.type === 'bold') text = `**${text}**`;
          if (mark.type === 'italic') text = `_${text}_`;
          if (mark.type === 'link') text = `[${text}](${mark.href})`;
        }
        return text;
      })
      .join('');
  return body.blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return `p: ${inline(block.content)}`;
      case 'heading':
        return `h${block.level}: ${inline(block.content)}`;
      case 'quote':
        return `quote: ${inline(block.content)}`;
      case 'list':
        return `${block.ordered ? 'ol' : 'ul'}: ${block.items.map(inline).join(' | ')}`;
      default:
        return block.type;
    }
  });
}

describe.skipIf(!isBrowserAvailable())(
  'writing in the CMS: pasting from other programs and leaving the editor',
  { timeout: journeyTimeout },
  () => {
    const journey = useCmsJourney();
    let context: BrowserContext;
    let page: Page;

    const pasteInto = async (html: string) => {
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await body.evaluate((target, pasted) => {
        const data = new DataTransfer();
        data.setData('text/html', pasted);
        data.setData('text/plain', 'pasted');
        target.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, html);
    };

    const newPostWithPaste = async (headline: string, html: string): Promise<BodyDocument> => {
      await page.getByRole('link', { name: 'New post', exact: true }).click();
      await page.getByLabel('Headline').fill(headline);
      await pasteInto(html);
      await waitForSaved(page);
      await page.waitForURL(/\/admin\/posts\/[^/]+$/);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      return (await journey().t.services.posts.getPost(id)).body;
    };

    it('signs in', async () => {
      const { t, base, browser } = journey();
      const writer = await addStaff(t, 'editor', 'Pat Writer');
      context = await browser.newContext();
      page = await signInThroughCms(context, base, writer.email);
    });

    it('cleans a Google Docs paste: real bold and italic, headings, plain links, no blank paragraphs', async () => {
      const body = await newPostWithPaste('From Google Docs', fixture('google-docs.html'));
      expect(summarise(body)).toEqual([
        'h2: Harbour bridge reopens',
        'p: The bridge opened at **six in the morning**, _two years late_.',
        'p: Read the [council report](https://harbour.example.org/report).',
        'h2: What changes',
        'ul: Buses return to the old route | Cyclists get a lane',
        'p: Tickets are free this week.',
      ]);
      expect(await page.getByRole('status').filter({ hasText: 'unsafe address' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'editor after a paste with a removed link');
    });

    it('cleans a Word paste: one quote, a real list, table rows kept apart', async () => {
      const body = await newPostWithPaste('From Word', fixture('word.html'));
      expect(summarise(body)).toEqual([
        'h2: Night trains return',
        'p: The first train left at **21:40**, and passengers were _delighted_.',
        'quote: “We waited four years for this.⏎It was worth every day.”',
        'ul: Kyiv to Lviv, nightly | Odesa to Kharkiv, weekends',
        'p: **Route** · **Departs**',
        'p: Kyiv–Lviv · 21:40',
        'p: Timetables are on the [railway’s site](https://rail.example.com/night).',
      ]);
    });

    it('cleans a web page paste and drops an unsafe link without blocking the save', async () => {
      const body = await newPostWithPaste('From the web', fixture('web-page.html'));
      expect(summarise(body)).toEqual([
        'h2: Why the bridge took so long',
        'p: Engineers found **cracked piers** in 2023, and [the repair](https://news.example.net/piers?utm_source=share) took a year.',
        'quote: Nobody wanted to close it.⏎We had no choice.',
        'p: Year · Cost',
        'p: 2024 · €12m',
        'p: Open the map for details.',
      ]);
    });

    it('keeps text typed just before clicking away to another screen', async () => {
      await page.getByRole('link', { name: 'New post', exact: true }).click();
      await page.getByLabel('Headline').fill('Typed then left');
      await waitForSaved(page);
      await page.waitForURL(/\/admin\/posts\/[^/]+$/);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('The last sentence before lunch.');
      await page.getByRole('link', { name: 'Posts', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
      const { t } = journey();
      await expect
        .poll(async () => (await t.services.posts.getPost(id)).plainText, { timeout: 60_000 })
        .toContain('The last sentence before lunch.');
    });

    it('saves while someone types without pausing', async () => {
      await page.getByRole('link', { name: 'New post', exact: true }).click();
      await page.getByLabel('Headline').fill('Never pausing');
      await waitForSaved(page);
      await page.waitForURL(/\/admin\/posts\/[^/]+$/);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      const { t } = journey();
      await page.getByRole('textbox', { name: 'Body' }).click();
      // Keys every 200 ms never leave the 1.2 s pause autosave waits for; the ten-second
      // rule still saves while typing goes on.
      let typed = 0;
      await expect
        .poll(
          async () => {
            await page.keyboard.type('word ', { delay: 40 });
            typed += 1;
            return (await t.services.posts.getPost(id)).plainText.includes('word');
          },
          { timeout: 30_000, interval: 0 },
        )
        .toBe(true);
      expect(typed).toBeGreaterThan(1);
      await context.close();
    });
  },
);
