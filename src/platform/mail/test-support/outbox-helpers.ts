import type { TestApp } from '../../../../test/support/test-app.js';

export interface OutboxEntry {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly created_at: string;
}

/** Runs jobs until none is due: a job may enqueue more (one e-mail per recipient). */
export async function drainJobs(t: TestApp): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    if ((await t.runJobs()) === 0) return;
  }
  throw new Error('Jobs kept coming after 10 rounds.');
}

/** The outbox as the CMS reads it, through the Admin API with an administrator's token. */
export async function readOutbox(t: TestApp, adminToken: string): Promise<OutboxEntry[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/admin/outbox?limit=200',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (response.statusCode !== 200) throw new Error(`Outbox answered ${response.statusCode}.`);
  return response.json<{ messages: OutboxEntry[] }>().messages;
}

/** The token at the end of the first `${siteUrl}/admin/{kind}/{token}` link in a text. */
export function linkTokenIn(text: string, kind: 'reset' | 'invite'): string {
  const match = new RegExp(`http://news\\.test/admin/${kind}/([\\w-]+)`).exec(text);
  if (match?.[1] === undefined) throw new Error(`No ${kind} link in:\n${text}`);
  return match[1];
}
