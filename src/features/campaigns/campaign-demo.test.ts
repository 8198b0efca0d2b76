import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { seedDemoCampaign } from './campaign-demo.js';

describeEachEngine('the demo campaign', (ctx) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    await seedDemoCampaign(
      { db: t.services.database.db, campaigns: t.services.campaigns },
      t.clock.now(),
    );
  });
  afterAll(() => t.close());

  it('runs a birthday drive for 1,000 new members, 640 in, with 12,000 supporters', async () => {
    const front = await t.app.inject({ method: 'GET', url: '/' });
    expect(front.body).toContain('Three years of reporting, funded by our readers');
    expect(front.body).toMatch(/<progress[^>]*max="1000"[^>]*value="640"/u);
    const wall = await t.app.inject({ method: 'GET', url: '/campaigns/birthday/thanks' });
    expect(wall.statusCode).toBe(200);
    expect(wall.body).toContain('Olena');
    const live = await t.services.campaigns.findLiveCampaign();
    expect(live?.progress).toMatchObject({ count: 640, target: 1000, supporters: 12000 });
  });
});
