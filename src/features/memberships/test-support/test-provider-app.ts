import { afterAll, beforeAll, expect } from 'vitest';
import { lateView } from '../../../../test/support/late-view.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { DatabaseHandle } from '../../../db/database.js';
import type { TierInput } from '../tier.service.js';
import type { Tier } from '../tier.js';
import { createSupporterTier } from './supporter-tier.js';

/** Masthead on the test payment provider, with a Supporter tier readers can join. */
export interface TestProviderApp {
  readonly t: TestApp;
  /** An administrator's bearer token (the outbox is read with it). */
  readonly admin: string;
  readonly tier: Tier;
  /** The tier's first price. */
  readonly priceId: string;
}

/**
 * Starts the app before the suite's tests and closes it after them. Read the fields in a
 * test or a hook that runs later, as with `ctx.handle`.
 */
export function useTestProviderApp(
  ctx: { readonly handle: DatabaseHandle },
  tier: Partial<Pick<TierInput, 'benefits' | 'prices'>> = {},
): TestProviderApp {
  let t: TestApp | undefined;
  let started: TestProviderApp | undefined;
  beforeAll(async () => {
    const app = await createTestApp(ctx.handle);
    t = app;
    const admin = (await app.tokenFor('administrator')).token;
    const created = await createSupporterTier(app, tier);
    started = { t: app, admin, tier: created, priceId: created.prices[0]?.id ?? '' };
  });
  afterAll(async () => {
    await t?.close();
  });
  return lateView('The test app', () => started);
}

/** A path with its query, from a Location header (absolute or not). */
export function pathOf(location: unknown): string {
  const url = new URL(String(location), 'http://news.test');
  return `${url.pathname}${url.search}`;
}

/**
 * Pays at the test provider's checkout that a form's redirect led to, as a reader with a
 * working card would; returns the path the provider sends the reader back to.
 */
export async function payAtTestProvider(t: TestApp, checkoutLocation: unknown): Promise<string> {
  const session = pathOf(checkoutLocation);
  expect(session).toMatch(/^\/test-payments\/checkout\//);
  const paid = await t.app.inject({ method: 'POST', url: `${session}/pay` });
  expect(paid.statusCode).toBe(303);
  return pathOf(paid.headers.location);
}
