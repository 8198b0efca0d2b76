import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';

describeEachEngine('the daily briefing is drafted each morning for an editor to send', (ctx) => {
  let t: TestApp;

  beforeAll(async () => {
    // The test clock starts at 2026-11-20 09:00 UTC.
    t = await createTestApp(ctx.handle);
  });
  afterAll(async () => {
    await t.close();
  });

  const runAllDue = async () => {
    while ((await t.runJobs()) > 0);
  };
  const briefingsOf = async (newsletterId: string) =>
    (
      await t.services.newsletters.issues.listIssues(systemActor, { newsletterId, limit: 20 })
    ).filter((issue) => issue.origin === 'briefing');

  it('drafts one issue a day from the articles of the day before, and none for a quiet day', async () => {
    const author = await t.tokenFor('author');
    const newsletters = t.services.newsletters.newsletters;
    const daily = await newsletters.createNewsletter(systemActor, {
      slug: `morning-${ctx.handle.engine}`,
      name: 'The Morning Ledger',
      briefing: true,
    });
    const weekly = await newsletters.createNewsletter(systemActor, {
      slug: `weekly-${ctx.handle.engine}`,
      name: 'Weekly Letter',
    });
    for (const title of ['Ferries keep the winter timetable', 'Fares freeze for a year']) {
      await t.services.posts.createPost(systemActor, {
        title,
        standfirst: `${title}, the council said.`,
        markdown: 'The details.',
        authors: [author.slug],
        status: 'published',
      });
    }
    await runAllDue();
    expect(await briefingsOf(daily.id)).toEqual([]);

    // 06:00 the next morning in the newsroom's time zone (UTC, the default).
    t.clock.set(new Date('2026-11-21T06:00:00.000Z'));
    await runAllDue();
    const [draft, ...more] = await briefingsOf(daily.id);
    expect(more).toEqual([]);
    expect(draft?.status).toBe('draft');
    expect(draft?.subject).toBe('The Morning Ledger, 21 November 2026');
    expect(await briefingsOf(weekly.id)).toEqual([]);
    const preview = await t.services.newsletters.issues.previewIssue(systemActor, draft?.id ?? '');
    expect(preview.text).toContain('Ferries keep the winter timetable');
    expect(preview.text).toContain('Fares freeze for a year, the council said.');
    expect(preview.html).toMatch(/href="http:\/\/news\.test\/ferries-keep-the-winter-timetable"/);

    // The same job again (a retry, a second worker): still one draft for the day.
    await t.services.newsletters.briefing.draftBriefing({
      newsletterId: daily.id,
      day: '2026-11-21',
    });
    expect(await briefingsOf(daily.id)).toHaveLength(1);

    // No article on the 21st: no draft on the 22nd.
    t.clock.set(new Date('2026-11-22T06:00:00.000Z'));
    await runAllDue();
    expect(await briefingsOf(daily.id)).toHaveLength(1);

    // An editor sends it from the CMS, through the Admin API.
    const token = await t.tokenFor('editor');
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/admin/newsletters/issues/${draft?.id ?? ''}/send`,
      headers: { authorization: `Bearer ${token.token}` },
      payload: {},
    });
    expect(sent.statusCode).toBe(202);
  });

  it('stops drafting once the briefing is turned off', async () => {
    const author = await t.tokenFor('author');
    const newsletters = t.services.newsletters.newsletters;
    const letter = await newsletters.createNewsletter(systemActor, {
      slug: `off-${ctx.handle.engine}`,
      name: 'Turned Off',
      briefing: true,
    });
    await newsletters.updateNewsletter(systemActor, letter.id, { briefing: false });
    await t.services.posts.createPost(systemActor, {
      title: 'A harbour festival',
      markdown: 'Music on the quay.',
      authors: [author.slug],
      status: 'published',
    });
    t.clock.advance(24 * 3600_000);
    await runAllDue();
    expect(await briefingsOf(letter.id)).toEqual([]);
  });
});
