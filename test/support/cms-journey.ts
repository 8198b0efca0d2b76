import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import type { Role } from '../../src/features/staff/role.js';
import { findAxeViolations, launchBrowser } from './browser.js';
import { createTestApp, type TestApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * One running Masthead (SQLite, listening on a free port) and one Chromium for a CMS
 * journey file. The test clock starts at the real time, because the browser judges the
 * session cookie's expiry by its own clock.
 */
export interface CmsJourney {
  readonly t: TestApp;
  readonly base: string;
  readonly browser: Browser;
}

export const journeyPassword = 'a long enough password';

/** `env`: settings for the app, read when it starts (after earlier `beforeAll` hooks ran). */
export function useCmsJourney(env: () => Record<string, string> = () => ({})): () => CmsJourney {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let base = '';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    t = await createTestApp(handle, env());
    t.clock.set(new Date());
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
    await handle?.close();
    await database?.drop();
  });

  return () => {
    if (t === undefined || browser === undefined) throw new Error('The journey has not started.');
    return { t, base, browser };
  };
}

/** A staff member who signs in with `journeyPassword`. */
export async function addStaff(
  t: TestApp,
  role: Role,
  name: string,
): Promise<{ id: string; email: string; slug: string; name: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@news.test`;
  const user = await t.services.staff.createStaff(systemActor, {
    email,
    name,
    role,
    password: journeyPassword,
  });
  return { id: user.id, email, slug: user.slug, name };
}

/** Signs in through the CMS's own form and waits for the dashboard. */
export async function signInThroughCms(
  context: BrowserContext,
  base: string,
  email: string,
  path = '/admin',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(journeyPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** Asserts that the page as it is now has no axe violations, naming the screen if it does. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await findAxeViolations(page) }).toEqual({ screen, violations: [] });
}

/** Waits until the editor says everything is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('[data-save-status="saved"]').waitFor({ timeout: 60_000 });
}

/** Collects what the page's Content-Security-Policy refuses, from now on. */
export function watchCspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      found.push(message.text());
    }
  });
  return found;
}
