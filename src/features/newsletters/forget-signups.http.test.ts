import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { Newsletter } from './newsletter.js';
import { formBody, formHeaders, makeNewsletter } from './test-support/newsletter-fixtures.js';

describeEachEngine('unconfirmed sign-ups are forgotten when they expire', (ctx) => {
  let t: TestApp;
  let daily: Newsletter;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    daily = await makeNewsletter(t, { name: 'Daily Briefing' });
  });
  afterAll(async () => {
    await t.close();
  });

  const subscribe = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/newsletters/subscribe',
      headers: formHeaders,
      payload: formBody({ email, newsletters: daily.id, source: '/bridge', website: '' }),
    });
  const runAllDue = async () => {
    while ((await t.runJobs()) > 0);
  };
  const known = async (email: string) => {
    const db = t.services.database.db;
    const subscriber = await db
      .selectFrom('newsletter_subscribers')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (subscriber === undefined) return { subscriber: false, consents: 0, subscriptions: 0 };
    const count = async (table: 'newsletter_consents' | 'newsletter_subscriptions') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('subscriber_id', '=', subscriber.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      subscriber: true,
      consents: await count('newsletter_consents'),
      subscriptions: await count('newsletter_subscriptions'),
    };
  };

  it('keeps a pending address for 7 days, then forgets it with its consent record', async () => {
    const email = `lapsed-${ctx.handle.engine}@example.com`;
    expect((await subscribe(email)).statusCode).toBe(200);
    await runAllDue();
    expect(await known(email)).toEqual({ subscriber: true, consents: 1, subscriptions: 1 });

    t.clock.advance(7 * 24 * 3600_000 - 60_000);
    await runAllDue();
    expect((await known(email)).subscriber).toBe(true);

    t.clock.advance(60_000);
    await runAllDue();
    expect(await known(email)).toEqual({ subscriber: false, consents: 0, subscriptions: 0 });
  });

  it('forgets nothing of a reader who confirmed', async () => {
    const email = `kept-${ctx.handle.engine}@example.com`;
    await subscribe(email);
    await runAllDue();
    const db = t.services.database.db;
    await db
      .updateTable('newsletter_signups')
      .set({ confirmed_at: t.clock.now().toISOString() })
      .where('subscriber_id', 'in', (eb) =>
        eb.selectFrom('newsletter_subscribers').select('id').where('email', '=', email),
      )
      .execute();
    await db
      .updateTable('newsletter_subscriptions')
      .set({ status: 'confirmed' })
      .where('subscriber_id', 'in', (eb) =>
        eb.selectFrom('newsletter_subscribers').select('id').where('email', '=', email),
      )
      .execute();
    t.clock.advance(8 * 24 * 3600_000);
    await runAllDue();
    expect(await known(email)).toEqual({ subscriber: true, consents: 1, subscriptions: 1 });
  });
});
