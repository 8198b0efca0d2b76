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
