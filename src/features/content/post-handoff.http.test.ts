import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { drainJobs, readOutbox } from '../../platform/mail/test-support/outbox-helpers.js';

interface Person {
  token: string;
  userId: string;
  email: string;
}

describeEachEngine('hand-offs: read-only live posts, corrections, publish notes', (ctx) => {
  let t: TestApp;
  let admin: Person;
  let editor: Person;
  let contributor: Person;

  const person = async (role: 'administrator' | 'editor' | 'contributor'): Promise<Person> => {
    const { token, userId } = await t.tokenFor(role);
    return { token, userId, email: (await t.services.staff.getStaff(userId)).email };
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = await person('administrator');
    editor = await person('editor');
    contributor = await person('contributor');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who.token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  const contributorsPiece = async (title: string): Promise<string> => {
    const created = await api('POST', '/api/admin/posts', contributor, {
      title,
      markdown: 'The council met on Tuesday.',
    });
    return created.json<{ post: { id: string } }>().post.id;
  };

  const mailTo = async (email: string, subject: string) =>
    (await readOutbox(t, admin.token)).filter((m) => m.to === email && m.subject === subject);

  it('tells the writer by e-mail, with the editor’s note, when their piece is published', async () => {
    const id = await contributorsPiece('Council approves the budget');
    const published = await api('POST', `/api/admin/posts/${id}/publish`, editor, {
      note: 'Tightened the second paragraph.',
    });
    expect(published.statusCode, published.body).toBe(200);
    await drainJobs(t);
    const [mail] = await mailTo(contributor.email, 'Published: Council approves the budget');
    expect(mail?.text).toContain('Tightened the second paragraph.');
    expect(await mailTo(editor.email, 'Published: Council approves the budget')).toHaveLength(0);

    const notes = await api('GET', `/api/admin/posts/${id}/notes`, contributor);
    expect(notes.json()).toMatchObject({
      notes: [{ kind: 'publish', body: 'Tightened the second paragraph.' }],
    });
  });

  it('refuses a contributor’s change to a live post with post_read_only', async () => {
    const id = await contributorsPiece('Tram line extended');
    await api('POST', `/api/admin/posts/${id}/publish`, editor);
    const refused = await api('PATCH', `/api/admin/posts/${id}`, contributor, { title: 'Oops' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'post_read_only' } });
  });

  it('keeps a suggested correction with the post and e-mails the editors', async () => {
    const id = await contributorsPiece('Library hours change');
    await api('POST', `/api/admin/posts/${id}/publish`, editor);
    const suggested = await api('POST', `/api/admin/posts/${id}/corrections`, contributor, {
      note: 'It closes at 8 pm, not 9 pm.',
    });
    expect(suggested.statusCode, suggested.body).toBe(201);
    const notes = await api('GET', `/api/admin/posts/${id}/notes`, editor);
    expect(notes.json()).toMatchObject({
      notes: [{ kind: 'correction', body: 'It closes at 8 pm, not 9 pm.' }],
    });
    await drainJobs(t);
    const [mail] = await mailTo(editor.email, 'Correction suggested: Library hours change');
    expect(mail?.text).toContain('It closes at 8 pm, not 9 pm.');
    expect(await mailTo(contributor.email, 'Correction suggested: Library hours change')).toEqual(
      [],
    );
    const empty = await api('POST', `/api/admin/posts/${id}/corrections`, contributor, {
      note: '   ',
    });
    expect(empty.statusCode).toBe(400);
  });

  it('counts the review queue and lists what goes live in the next 24 hours', async () => {
    const waiting = await contributorsPiece('Waiting for an editor');
    await api('POST', `/api/admin/posts/${waiting}/submit`, contributor);
    const soon = await contributorsPiece('Going out tonight');
    const later = await contributorsPiece('Going out next week');
    const hours = (n: number) => new Date(t.clock.now().getTime() + n * 3_600_000).toISOString();
    await api('POST', `/api/admin/posts/${soon}/publish`, editor, { published_at: hours(5) });
    await api('POST', `/api/admin/posts/${later}/publish`, editor, { published_at: hours(100) });

    const desk = await api('GET', '/api/admin/desk', editor);
    expect(desk.statusCode, desk.body).toBe(200);
    const body = desk.json<{
      time_zone: string;
      review: { count: number; oldest: { id: string } };
      upcoming: { id: string }[];
    }>();
    expect(body.review.count).toBe(1);
    expect(body.review.oldest.id).toBe(waiting);
    expect(body.upcoming.map((p) => p.id)).toEqual([soon]);
    expect(body.time_zone).not.toBe('');
    const forContributor = await api('GET', '/api/admin/desk/review', contributor);
    expect(forContributor.json()).toEqual({ review: null });
  });
});
