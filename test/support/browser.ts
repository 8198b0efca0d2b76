import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The bound on one browser journey. Journeys wait for conditions, never for times; on a
 * machine busy with other work each step is slower, so the bound is generous.
 */
export const journeyTimeout = 240_000;

export function isBrowserAvailable(): boolean {
  return inject('chromiumPath') !== null;
}

/**
 * Debian's Chromium, headless, with no background traffic. Playwright gives every launch a
 * fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = inject('chromiumPath');
  if (executablePath === null) throw new Error('Chromium is not available for this test run.');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * Frames that may not run scripts (the CMS's previews of reader HTML). axe is evaluated in
 * them through DevTools, but the timers and callbacks it waits on never run there, so under
 * load it can wait forever; what they show is the reader site's, checked on its own pages.
 */
const scriptlessFrames = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

/** axe-core's WCAG 2.x A and AA rules on the page as it is now; returns the violations. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude(scriptlessFrames)
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * axe-core on a page opened with JavaScript off. axe waits on timers, which such a page
 * never fires, so it would wait forever: the page's document as it is now is checked
 * instead in a page with JavaScript on that is given the same URL, styles and images but
 * none of the page's scripts, so the tree is the one a reader without JavaScript gets.
 */
export async function findAxeViolationsWithoutJavaScript(page: Page): Promise<string[]> {
  const url = page.url();
  const html = await page.content();
  const browser = page.context().browser();
  if (browser === null) throw new Error('The page does not belong to a launched browser.');
  const context = await browser.newContext();
  try {
    const copy = await context.newPage();
    await copy.route('**/*', async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      } else if (request.resourceType() === 'script') {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await copy.goto(url);
    return await findAxeViolations(copy);
  } finally {
    await context.close();
  }
}
