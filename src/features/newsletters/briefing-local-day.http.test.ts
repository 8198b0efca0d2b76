import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { Actor } from '../staff/actor.js';
import { systemActor } from '../staff/actor.js';
import type { IssueResource } from './newsletter.schemas.js';

describeEachEngine('a newsroom in New York gets its briefing of the local day before', (ctx) => {
  let t: TestApp;
  let editor: Actor;
  let authorSlug: string;
  let bearer: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const { userId, slug } = await t.tokenFor('editor');
    editor = { id: `user:${userId}`, kind: 'user', userId, name: 'Editor', role: 'editor' };
    authorSlug = slug;
    bearer = `Bearer ${(await t.tokenFor('editor')).token}`;
    await t.services.settings.updateSiteSettings(systemActor, { timezone: 'America/New_York' });
  });
  afterAll(async () => {
    await t.close();
  });

  const runAllDue = async () => {
    while ((await t.runJobs()) > 0);
  };
  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    await runAllDue();
  };
  const publish = (title: string) =>
    t.services.posts.createPost(systemActor, {
      title,
      markdown: 'The details.',
      authors: [authorSlug],
      status: 'published',
    });
  const postEntry = (title: string, keyEvent: boolean) =>
    t.services.feed.createEntry(editor, { title, keyEvent });
  const api = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: { authorization: bearer } });
    expect(response.statusCode).toBe(200);
    return response.json<Record<string, unknown>>();
  };
  const briefingText = async (subject: string) => {
    const { issues } = (await api('/api/admin/newsletters/issues?limit=50')) as {
      issues: IssueResource[];
    };
    const issue = issues.find((i) => i.origin === 'briefing' && i.subject === subject);
    expect(issue, subject).toBeDefined();
    const { preview } = (await api(`/api/admin/newsletters/issues/${issue?.id ?? ''}/preview`)) as {
      preview: { html: string; text: string };
    };
    return preview;
  };

  it('lists that day’s articles, then its key feed entries, and nothing from other days', async () => {
    // 23:30 on 19 November in New York, already the 20th in UTC.
    await at('2026-11-20T04:30:00.000Z');
    await t.services.newsletters.newsletters.createNewsletter(systemActor, {
      slug: `ledger-${ctx.handle.engine}`,
      name: 'The Morning Ledger',
      briefing: true,
    });
    await publish('Late council vote on the harbour');
    await postEntry('Council votes to close the old pier', true);

    // 20 November, New York time.
    await at('2026-11-20T15:00:00.000Z');
    await publish('Ferries keep the winter timetable');
    await at('2026-11-20T16:00:00.000Z');
    const key = await postEntry('Storm warning for the coast tonight', true);
    await at('2026-11-20T17:00:00.000Z');
    await postEntry('Traffic is slow on the ring road', false);
    await at('2026-11-20T18:00:00.000Z');
    const removed = await postEntry('Bridge closed (posted in error)', true);
    await t.services.feed.deleteEntry(editor, removed.id);
    // 22:00 on 20 November in New York, already the 21st in UTC.
    await at('2026-11-21T03:00:00.000Z');
    await publish('Fares freeze for a year');

    // 06:00 in New York on the 20th drafted the briefing of the 19th.
    const earlier = await briefingText('The Morning Ledger, 20 November 2026');
    expect(earlier.html).toContain('Late council vote on the harbour');
    expect(earlier.text).toContain('Council votes to close the old pier');
    expect(earlier.html).not.toContain('Ferries keep the winter timetable');

    // 05:59 on the 21st: not yet.
    await at('2026-11-21T10:59:00.000Z');
    const { issues: before } = (await api('/api/admin/newsletters/issues?limit=50')) as {
      issues: IssueResource[];
    };
    expect(before.map((i) => i.subject)).not.toContain('The Morning Ledger, 21 November 2026');

    await at('2026-11-21T11:00:00.000Z');
    const briefing = await briefingText('The Morning Ledger, 21 November 2026');
    expect(briefing.html).toContain('Ferries keep the winter timetable');
    expect(briefing.html).toContain('Fares freeze for a year');
    expect(briefing.html).not.toContain('Late council vote on the harbour');
    expect(briefing.html).toContain('Key moments from the news feed');
    expect(briefing.text).toContain('11:00 Storm warning for the coast tonight');
    expect(briefing.html).toContain(`href="http://news.test/news-feed/${key.slug}"`);
    expect(briefing.text).not.toContain('Traffic is slow on the ring road');
    expect(briefing.text).not.toContain('Bridge closed');
    expect(briefing.text).not.toContain('Council votes to close the old pier');
    // The top stories come before the news feed's key moments.
    expect(briefing.html.indexOf('Fares freeze for a year')).toBeLessThan(
      briefing.html.indexOf('Key moments from the news feed'),
    );
  });
});
