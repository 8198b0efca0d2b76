import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../features/staff/actor.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { seedDemoRevenue } from './demo-revenue.js';

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
});
