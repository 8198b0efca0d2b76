import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { toTimestamp } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { OutboxMessage } from '../../platform/mail/outbox-transport.js';
import { systemActor } from '../staff/actor.js';
import type { Newsletter } from './newsletter.js';
import { makeNewsletter } from './test-support/newsletter-fixtures.js';

describeEachEngine('who receives an issue, and how much of a gated article', (ctx) => {
  let t: TestApp;
  const day = 24 * 3600_000;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const now = t.clock.now();
    const member = (email: string, status: string, until: Date | null) => ({
      id: newId(),
      email,
      name: email.split('@')[0] ?? '',
      status,
      status_until: until === null ? null : toTimestamp(until),
      created_at: toTimestamp(now),
      updated_at: toTimestamp(now),
      confirmed_at: toTimestamp(now),
      last_seen_at: null,
    });
    await t.services.database.db
      .insertInto('members')
      .values([
        member('paid@example.com', 'paid', null),
        member('gift@example.com', 'gift', new Date(now.getTime() + 30 * day)),
        member('lapsed-gift@example.com', 'gift', new Date(now.getTime() - day)),
        member('free@example.com', 'free', null),
      ])
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  const everyone = [
    'paid@example.com',
    'gift@example.com',
    'lapsed-gift@example.com',
    'free@example.com',
    'reader@example.com',
  ];

  async function subscribeAll(newsletter: Newsletter): Promise<void> {
    const now = toTimestamp(t.clock.now());
    const db = t.services.database.db;
    for (const email of everyone) {
      const found = await db
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      const id = found?.id ?? newId();
      if (found === undefined) {
        await db
          .insertInto('newsletter_subscribers')
          .values({ id, email, created_at: now, updated_at: now })
          .execute();
      }
      await db
        .insertInto('newsletter_subscriptions')
        .values({
          subscriber_id: id,
          newsletter_id: newsletter.id,
          status: 'confirmed',
          source: 'import',
          created_at: now,
          confirmed_at: now,
          ended_at: null,
        })
        .execute();
    }
  }

  async function send(newsletter: Newsletter, postId: string | null): Promise<OutboxMessage[]> {
    const issues = t.services.newsletters.issues;
    const issue = await issues.createIssue(systemActor, {
      newsletterId: newsletter.id,
      subject: `Issue of ${newsletter.name}`,
      ...(postId === null
        ? { body: { format: 'markdown', text: 'Good morning.' } }
        : { postId, origin: 'article' }),
    });
    await issues.sendIssue(systemActor, issue.id, null);
    while ((await t.runJobs()) > 0);
    expect((await issues.getIssue(systemActor, issue.id)).issue.status).toBe('sent');
    const outbox = t.services.outbox;
    if (outbox === null) throw new Error('The test app keeps e-mail in the outbox.');
    return (await outbox.listMessages(100)).filter((m) => m.subject === issue.subject);
  }
  const recipientsOf = (messages: OutboxMessage[]) => messages.map((m) => m.to).sort();

  it('sends a members’ newsletter to members only, a paying one to paying members only', async () => {
    const members = await makeNewsletter(t, { name: 'Inside', audience: 'members' });
    const paying = await makeNewsletter(t, { name: 'Backers', audience: 'paying' });
    await subscribeAll(members);
    await subscribeAll(paying);
    expect(recipientsOf(await send(members, null))).toEqual([
      'free@example.com',
      'gift@example.com',
      'lapsed-gift@example.com',
      'paid@example.com',
    ]);
    expect(recipientsOf(await send(paying, null))).toEqual([
      'gift@example.com',
      'paid@example.com',
    ]);
  });

  it('gives the locked part of a paid article only to recipients who may read it', async () => {
    const letter = await makeNewsletter(t, { name: 'Daily' });
    await subscribeAll(letter);
    const author = await t.tokenFor('author');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'What the council decided',
      markdown: 'The vote was close.\n\n[paywall]\n\nEvery councillor’s vote, named.',
      authors: [author.slug],
      visibility: 'paid',
      status: 'published',
    });
    const messages = await send(letter, post.id);
    expect(recipientsOf(messages)).toEqual([...everyone].sort());
    const reads = (email: string) => {
      const text = messages.find((m) => m.to === email)?.text ?? '';
      expect(text).toContain('The vote was close.');
      return text.includes('Every councillor’s vote, named.');
    };
    expect(reads('paid@example.com')).toBe(true);
    expect(reads('gift@example.com')).toBe(true);
    expect(reads('lapsed-gift@example.com')).toBe(false);
    expect(reads('free@example.com')).toBe(false);
    expect(reads('reader@example.com')).toBe(false);
  });
});
