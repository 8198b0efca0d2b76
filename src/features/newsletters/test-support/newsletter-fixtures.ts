import type { TestApp } from '../../../../test/support/test-app.js';
import { systemActor } from '../../staff/actor.js';
import type { Newsletter, NewsletterAudience } from '../newsletter.js';

let counter = 0;

/** A newsletter made through the service, with a slug no other test uses. */
export async function makeNewsletter(
  t: TestApp,
  overrides: { name?: string; audience?: NewsletterAudience; cadence?: string } = {},
): Promise<Newsletter> {
  counter += 1;
  const name = overrides.name ?? `Morning Briefing ${counter}`;
  return t.services.newsletters.newsletters.createNewsletter(systemActor, {
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}${counter}`,
    name,
    description: 'The news before breakfast.',
    cadence: overrides.cadence ?? 'Every weekday',
    audience: overrides.audience ?? 'everyone',
    senderName: 'Kyiv Desk',
  });
}

/** A form POST as a browser without JavaScript sends it. */
export function formBody(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of typeof value === 'string' ? [value] : value) params.append(key, one);
  }
  return params.toString();
}

export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' } as const;

/** The subscription state of an address for a newsletter, read straight from the table. */
export async function subscriptionStatus(
  t: TestApp,
  email: string,
  newsletterId: string,
): Promise<string | null> {
  const row = await t.services.database.db
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as sub', 'sub.id', 's.subscriber_id')
    .select('s.status')
    .where('sub.email', '=', email)
    .where('s.newsletter_id', '=', newsletterId)
    .executeTakeFirst();
  return row?.status ?? null;
}
