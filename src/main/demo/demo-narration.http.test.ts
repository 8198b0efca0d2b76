import { afterEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { prepareDatabase } from '../server.js';

describeEachEngine('the demo newsroom’s narrations', (ctx) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a first start asks for audio of every published article, and a restart asks again for none', async () => {
    // The embedded engine, as `npm start` runs it.
    t = await createTestApp(ctx.handle, {
      MASTHEAD_DEMO: 'true',
      MASTHEAD_TTS_PROVIDER: 'flite',
      MASTHEAD_TTS_PRIORITY: 'normal',
    });
    await prepareDatabase(t.services, t.services.config);

    const published = await t.services.posts.listPublished({ limit: 100 });
    const publicArticles = published.filter((post) => post.visibility === 'public');
    expect(publicArticles.length).toBeGreaterThanOrEqual(10);
    const db = t.services.database.db;
    const narrations = await db.selectFrom('narrations').select(['post_id', 'status']).execute();
    const queued = new Map(narrations.map((row) => [row.post_id, row.status]));
    for (const post of published) expect(queued.get(post.id), post.slug).toBe('queued');

    // Each is a job the worker runs in the background.
    const jobs = await db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'narration.generate')
      .execute();
    const jobPosts = new Set(
      jobs.map((job) => (JSON.parse(job.payload) as { postId: string }).postId),
    );
    for (const post of published) expect(jobPosts.has(post.id), post.slug).toBe(true);

    // A restart of the same newsroom asks for nothing more.
    await prepareDatabase(t.services, t.services.config);
    const after = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'narration.generate')
      .execute();
    expect(after).toHaveLength(jobs.length);
  });
});
