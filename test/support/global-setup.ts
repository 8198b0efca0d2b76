import { existsSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL to a PostgreSQL server where tests may create databases, or null. */
    postgresAdminUrl: string | null;
    /** Path of a Chromium binary for browser journeys, or null. */
    chromiumPath: string | null;
  }
}

const strict = process.env.MASTHEAD_TEST_STRICT === '1';
const adminUrl =
  process.env.MASTHEAD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.MASTHEAD_TEST_CHROMIUM ?? '/usr/bin/chromium';

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Finds PostgreSQL and Chromium once for the whole run. A missing one skips its suites
 * loudly; with MASTHEAD_TEST_STRICT=1 (set by CI) a missing one fails the run instead.
 */
export default async function setup(project: TestProject): Promise<void> {
  const postgres = (await postgresReachable(adminUrl)) ? adminUrl : null;
  const browser = existsSync(chromium) ? chromium : null;
  const missing = [
    postgres === null ? `PostgreSQL at ${adminUrl}` : null,
    browser === null ? `Chromium at ${chromium}` : null,
  ].filter((item): item is string => item !== null);
  if (missing.length > 0) {
    const message = `Not found: ${missing.join(' and ')}. Their suites are SKIPPED.`;
    if (strict) throw new Error(`${message} MASTHEAD_TEST_STRICT=1 turns a skip into a failure.`);
    console.warn(`\n*** ${message} ***\n`);
  }
  project.provide('postgresAdminUrl', postgres);
  project.provide('chromiumPath', browser);
}
