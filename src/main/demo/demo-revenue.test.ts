import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { seedDemoRevenue } from './demo-revenue.js';

const dayMs = 24 * 60 * 60 * 1000;

describeEachEngine('the demo newsroom’s reader revenue', (ctx) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has months of members, gifts and donations for the dashboard to draw', async () => {
    await seedDemoRevenue(t.services);
    const summary = await t.services.revenue.dashboard(systemActor, 120);
    expect(summary.activePayingMembers).toBeGreaterThan(20);
    expect(summary.mrr.eur ?? 0).toBeGreaterThan(0);
    const total = (pick: (day: (typeof summary.days)[number]) => number) =>
      summary.days.reduce((sum, day) => sum + pick(day), 0);
    expect(total((day) => day.newMembers)).toBe(48);
    expect(total((day) => day.lapsedMembers)).toBeGreaterThan(0);
    expect(total((day) => day.giftsSold)).toBe(14);
    expect(total((day) => day.giftsRedeemed)).toBeGreaterThan(0);
    expect(total((day) => day.donations)).toBe(30);
    const activeDays = summary.days.filter((day) => day.newMembers > 0).length;
    expect(activeDays).toBeGreaterThan(20);
  }, 120_000);

  it('keeps its paying members paying as months pass: the test provider renews them', async () => {
    const before = await t.services.revenue.dashboard(systemActor, 30);
    const payments = async () =>
      Number(
        (
          await t.services.database.db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('purpose', '=', 'membership')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const paidBefore = await payments();
    t.clock.advance(45 * dayMs);
    // The seed's receipts and welcomes, then every renewal due in 45 days, period by period.
    for (let round = 0; (await t.runJobs()) > 0; round += 1) {
      if (round > 500) throw new Error('Jobs kept coming after 500 rounds.');
    }
    const after = await t.services.revenue.dashboard(systemActor, 30);
    expect(after.activePayingMembers).toBe(before.activePayingMembers);
    // Every monthly member paid at least once more; the yearly ones are not due yet.
    expect(await payments()).toBeGreaterThan(paidBefore + before.activePayingMembers / 2);
    const listed = await t.services.payments.testPayments?.listSubscriptions('tcus_demo_1');
    expect(listed?.length).toBe(1);
  }, 120_000);
});
