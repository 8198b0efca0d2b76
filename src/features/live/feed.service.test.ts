import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor, type Actor } from '../staff/actor.js';
import type { Role } from '../staff/role.js';
import type { FeedService } from './feed.service.js';

describeEachEngine('the news feed service', (ctx) => {
  let t: TestApp;
  let feed: FeedService;
  let editor: Actor;

  const actorFor = async (role: Role): Promise<Actor> => {
    const { userId } = await t.tokenFor(role);
    return { id: `user:${userId}`, kind: 'user', userId, name: `A ${role}`, role };
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    feed = t.services.feed;
    editor = await actorFor('editor');
    await t.services.tags.createTag(systemActor, { name: 'Elections' });
  });
  afterAll(() => t.close());

  it('posts an entry live at once, credited to the editor, with a slug from its headline', async () => {
    const entry = await feed.createEntry(editor, {
      title: 'Polls close in the capital',
      markdown: 'Counting starts **now**.',
      sections: ['elections'],
    });
    expect(entry.slug).toBe('polls-close-in-the-capital');
    expect(entry.author.id).toBe(editor.userId);
    expect(entry.publishedAt).toEqual(t.clock.now());
    expect(entry.editedAt).toBeNull();
    expect(entry.sections.map((s) => s.name)).toEqual(['Elections']);
    expect(entry.plainText).toBe('Counting starts now.');
    expect((await feed.listPage({ limit: 100 })).entries.map((e) => e.id)).toContain(entry.id);
  });

  it('leaves running the feed to editors', async () => {
    const author = await actorFor('author');
    await expect(feed.createEntry(author, { title: 'Not mine to post' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('stamps "Updated" only for edits of the text made after the first minute', async () => {
    const entry = await feed.createEntry(editor, { title: 'Turnout at 40%', markdown: 'So far.' });
    t.clock.advance(30_000);
    const typoFixed = await feed.updateEntry(editor, entry.id, { markdown: 'So far today.' });
    expect(typoFixed.editedAt).toBeNull();
    t.clock.advance(40 * 60_000);
    const updated = await feed.updateEntry(editor, entry.id, { title: 'Turnout at 52%' });
    expect(updated.editedAt).toEqual(t.clock.now());
    t.clock.advance(5 * 60_000);
    const pinned = await feed.setPinned(editor, entry.id, true);
    expect(pinned.pinned).toBe(true);
    expect(pinned.editedAt).toEqual(updated.editedAt);
    await feed.setPinned(editor, entry.id, false);
  });

  it('logs every change in order with a growing id, and a save that changes nothing not at all', async () => {
    const start = await feed.findLatestChangeId();
    const entry = await feed.createEntry(editor, { title: 'Exit poll published' });
    await feed.updateEntry(editor, entry.id, { title: 'Exit poll published' });
    await feed.updateEntry(editor, entry.id, { keyEvent: true });
    await feed.setPinned(editor, entry.id, true);
    await feed.setPinned(editor, entry.id, false);
    await feed.deleteEntry(editor, entry.id);
    const changes = await feed.listChangesAfter(start, 100);
    expect(changes.map((c) => c.kind)).toEqual([
      'created',
      'updated',
      'pinned',
      'pinned',
      'deleted',
    ]);
    expect(changes.map((c) => c.id)).toEqual([...changes.map((c) => c.id)].sort((a, b) => a - b));
    expect(changes[1]?.entry?.keyEvent).toBe(true);
    expect(changes[2]?.entry?.pinned).toBe(true);
    expect(changes[4]?.entry).toBeNull();
    expect(await feed.findLatestChangeId()).toBe(changes.at(-1)?.id);
  });

  it('records each change in the audit log', async () => {
    const entry = await feed.createEntry(editor, { title: 'Audited entry' });
    await feed.deleteEntry(editor, entry.id);
    const admin = await actorFor('administrator');
    const { entries } = await t.services.audit.listAudit(admin, { limit: 200 });
    const mine = entries.filter((e) => e.subject.id === entry.id).map((e) => e.action);
    expect(mine.sort()).toEqual(['feed.create', 'feed.delete']);
  });

  it('refuses a save over a newer revision, so no edit is silently lost', async () => {
    const entry = await feed.createEntry(editor, { title: 'Two editors, one entry' });
    await feed.updateEntry(editor, entry.id, { markdown: 'First', revision: entry.revision });
    await expect(
      feed.updateEntry(editor, entry.id, { markdown: 'Second', revision: entry.revision }),
    ).rejects.toMatchObject({ code: 'edit_conflict' });
  });

  it('keeps the feed’s own page names and taken slugs out of entry slugs', async () => {
    const live = await feed.createEntry(editor, { title: 'Live' });
    expect(live.slug).toBe('live-2');
    const again = await feed.createEntry(editor, { title: 'Live' });
    expect(again.slug).toBe('live-3');
    await expect(feed.createEntry(editor, { title: 'x', slug: 'rss' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(feed.createEntry(editor, { title: 'x', slug: live.slug })).rejects.toMatchObject({
      code: 'slug_taken',
    });
  });

  it('refuses entries dated in the future, links to missing posts and paywalls', async () => {
    const future = new Date(t.clock.now().getTime() + 60_000);
    const attempts = [
      { title: 'Soon', publishedAt: future },
      { title: 'Linked', postId: 'no-such-post' },
      { title: 'Paid', markdown: 'Free part\n\n[paywall]\n\nPaid part' },
      { title: 'Nobody', author: 'no-such-person' },
    ];
    for (const input of attempts) {
      await expect(feed.createEntry(editor, input), input.title).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
  });

  it('pages by position, so a new entry does not move what page 2 shows', async () => {
    for (let n = 1; n <= 5; n++) {
      t.clock.advance(60_000);
      await feed.createEntry(editor, { title: `Paging entry ${n}` });
    }
    const first = await feed.listPage({ limit: 2 });
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    const second = await feed.listPage({ limit: 2, before: first.older ?? '' });
    t.clock.advance(60_000);
    await feed.createEntry(editor, { title: 'Breaking: a new entry' });
    const secondAgain = await feed.listPage({ limit: 2, before: first.older ?? '' });
    expect(secondAgain.entries.map((e) => e.title)).toEqual(second.entries.map((e) => e.title));
    expect(second.entries.map((e) => e.title)).toEqual(['Paging entry 3', 'Paging entry 2']);
    const back = await feed.listPage({ limit: 2, after: second.newer ?? '' });
    expect(back.entries.map((e) => e.title)).toEqual(['Paging entry 5', 'Paging entry 4']);
  });

  it('shows pinned entries first in the latest entries, then the newest', async () => {
    t.clock.advance(60_000);
    const older = await feed.createEntry(editor, { title: 'Pinned guide to the count' });
    t.clock.advance(60_000);
    await feed.createEntry(editor, { title: 'Newest regular entry' });
    await feed.setPinned(editor, older.id, true);
    const latest = await feed.listLatest(3);
    expect(latest.map((e) => e.title).slice(0, 2)).toEqual([
      'Pinned guide to the count',
      'Newest regular entry',
    ]);
    await feed.setPinned(editor, older.id, false);
  });
});
