import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { Visibility } from '../../src/features/content/post.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { launchBrowser } from './browser.js';
import { lateView } from './late-view.js';
import { createTestApp, type TestApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * One running Masthead (SQLite, listening on a free port) and one Chromium for a reader
 * journey file, with an administrator (who reads the outbox) and an author for its
 * articles. Read the fields in a test or a later hook, as with `ctx.handle`.
 */
export interface ReaderJourney {
  readonly t: TestApp;
  /** `http://127.0.0.1:port`, the reader site's address. */
  readonly base: string;
  readonly browser: Browser;
  /** An administrator's bearer token. */
  readonly admin: string;
  /** Publishes an article by the journey's author now; returns its slug. */
  publishArticle(article: {
    title: string;
    markdown: string;
    visibility?: Visibility;
  }): Promise<string>;
  /** A page in a browser context of its own: a reader with no cookies yet. */
  newPage(): Promise<Page>;
}

export function useReaderJourney(): ReaderJourney {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  let t: TestApp | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let started: ReaderJourney | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = openDatabase(database.url);
    const app = await createTestApp(handle);
    t = app;
    const base = await app.app.listen({ host: '127.0.0.1', port: 0 });
    const admin = (await app.tokenFor('administrator')).token;
    const author = await app.tokenFor('author');
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    const { browser } = launched;
    started = {
      t: app,
      base,
      browser,
      admin,
      async publishArticle(article) {
        const post = await app.services.posts.createPost(systemActor, {
          ...article,
          authors: [author.slug],
          status: 'published',
        });
        return post.slug;
      },
      async newPage() {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        return page;
      },
    };
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
    await handle?.close();
    await database?.drop();
  });

  return lateView('The journey', () => started);
}
