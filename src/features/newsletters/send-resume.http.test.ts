import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { startWorkerProcess } from '../../../test/support/worker-process.js';
import { toTimestamp } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import {
  startCountingSmtpSink,
  type CountingSmtpSink,
} from '../../platform/mail/test-support/counting-smtp-sink.js';
import { systemActor } from '../staff/actor.js';
import type { Newsletter } from './newsletter.js';
import { makeNewsletter } from './test-support/newsletter-fixtures.js';

const recipients = 10_000;

/** Confirmed subscribers written straight into the tables, 500 rows a statement. */
async function addSubscribers(t: TestApp, newsletter: Newsletter, count: number): Promise<void> {
  const now = toTimestamp(t.clock.now());
  const db = t.services.database.db;
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      id: newId(),
      email: `reader-${start + i}@example.com`,
      created_at: now,
      updated_at: now,
    }));
    await db.insertInto('newsletter_subscribers').values(rows).execute();
    await db
      .insertInto('newsletter_subscriptions')
      .values(
        rows.map((row) => ({
          subscriber_id: row.id,
          newsletter_id: newsletter.id,
          status: 'confirmed',
          source: 'import',
          created_at: now,
          confirmed_at: now,
          ended_at: null,
        })),
      )
      .execute();
  }
}

async function countSubmitted(t: TestApp, issueId: string): Promise<number> {
  const row = await t.services.database.db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('issue_id', '=', issueId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachEngine('a send killed in the middle and restarted', (ctx) => {
  let sink: CountingSmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await startCountingSmtpSink({ holdAfter: recipients * 0.4 });
    t = await createTestApp(ctx.handle, { MASTHEAD_SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('delivers exactly one message to each of 10,000 subscribers, counted at the SMTP server', async () => {
    const newsletter = await makeNewsletter(t, { name: 'Weekly Letter' });
    await addSubscribers(t, newsletter, recipients);
    const issues = t.services.newsletters.issues;
    const issue = await issues.createIssue(systemActor, {
      newsletterId: newsletter.id,
      subject: 'This week in Kyiv',
      body: {
        format: 'markdown',
        text: 'The bridge reopened on **Monday**. [Read more](/bridge).',
      },
    });
    await issues.sendIssue(systemActor, issue.id, null);

    // A worker in its own process sends until the server stops answering, then dies.
    const worker = await startWorkerProcess(ctx.url, t.clock.now(), {
      MASTHEAD_SMTP_URL: sink.url,
    });
    await expect
      .poll(() => sink.accepted(), { timeout: 240_000, interval: 200 })
      .toBeGreaterThanOrEqual(recipients * 0.4);
    // Everything the server accepted is on record; the rest is in flight, unanswered.
    await expect
      .poll(() => countSubmitted(t, issue.id), { timeout: 60_000, interval: 100 })
      .toBe(sink.accepted());
    await worker.kill();
    const killedAt = sink.accepted();
    expect(killedAt).toBeLessThan(recipients);

    // A new worker takes over once the dead one's leases run out.
    const restarted = await createTestApp(ctx.handle, { MASTHEAD_SMTP_URL: sink.url });
    try {
      sink.release();
      restarted.clock.set(new Date(t.clock.now().getTime() + 61_000));
      for (let round = 0; round < 200; round += 1) {
        const { issue: now } = await restarted.services.newsletters.issues.getIssue(
          systemActor,
          issue.id,
        );
        if (now.status === 'sent') break;
        if ((await restarted.runJobs()) === 0) restarted.clock.advance(61_000);
      }
    } finally {
      await restarted.close();
    }

    const { issue: done, progress } = await issues.getIssue(systemActor, issue.id);
    expect(done.status).toBe('sent');
    expect(progress).toEqual({
      recipients,
      queued: 0,
      submitted: recipients,
      failed: 0,
      bounced: 0,
    });
    expect(sink.accepted()).toBe(recipients);
    expect(sink.counts.size).toBe(recipients);
    expect([...sink.counts.values()].every((n) => n === 1)).toBe(true);
  }, 540_000);
});
