import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import {
  drainJobs,
  readOutbox,
  type OutboxEntry,
} from '../../platform/mail/test-support/outbox-helpers.js';

interface ReviewedPost {
  id: string;
  status: string;
  review: { state: string; note: string; by: string | null; at: string | null };
}

interface Person {
  token: string;
  userId: string;
  email: string;
}

describeEachEngine('the review workflow: submit, the editors’ queue, return', (ctx) => {
  let t: TestApp;
  let admin: Person;
  let editor: Person;
  let contributor: Person;
  let otherContributor: Person;

  const person = async (role: 'administrator' | 'editor' | 'contributor'): Promise<Person> => {
    const { token, userId } = await t.tokenFor(role);
    return { token, userId, email: (await t.services.staff.getStaff(userId)).email };
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = await person('administrator');
    editor = await person('editor');
    contributor = await person('contributor');
    otherContributor = await person('contributor');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who.token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  const draftBy = async (who: Person, title: string): Promise<ReviewedPost> => {
    const created = await api('POST', '/api/admin/posts', who, { title, markdown: 'The text.' });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ post: ReviewedPost }>().post;
  };

  const queue = async (who: Person): Promise<string[]> => {
    const response = await api('GET', '/api/admin/posts?review=submitted', who);
    return response.json<{ posts: ReviewedPost[] }>().posts.map((post) => post.id);
  };

  const mailTo = async (email: string, subject: string): Promise<OutboxEntry[]> =>
    (await readOutbox(t, admin.token)).filter((m) => m.to === email && m.subject === subject);

  it('puts a contributor’s submitted draft in the editors’ queue and e-mails the editors', async () => {
    const draft = await draftBy(contributor, 'Bridge repairs start on Monday');
    const submitted = await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor, {
      note: 'Quotes checked with the council.',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<{ post: ReviewedPost }>().post.review).toMatchObject({
      state: 'submitted',
      note: 'Quotes checked with the council.',
      by: contributor.userId,
      at: t.clock.now().toISOString(),
    });
    expect(await queue(editor)).toContain(draft.id);

    await drainJobs(t);
    const subject = 'Ready for review: Bridge repairs start on Monday';
    const [toEditor] = await mailTo(editor.email, subject);
    expect(toEditor?.text).toContain('Quotes checked with the council.');
    expect(toEditor?.text).toContain(`http://news.test/admin/posts/${draft.id}`);
    expect(await mailTo(admin.email, subject)).toHaveLength(1);
    expect(await mailTo(contributor.email, subject)).toHaveLength(0);
  });

  it('sends each editor one e-mail even when the jobs run again', async () => {
    const draft = await draftBy(contributor, 'Ferry timetable changes');
    const submitted = await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    expect(submitted.json<{ post: ReviewedPost }>().post.review).toMatchObject({
      state: 'submitted',
      note: '',
    });
    await drainJobs(t);
    await t.services.reviews.sendReviewEmails({
      postId: draft.id,
      state: 'submitted',
      at: t.clock.now().toISOString(),
      byName: 'Anyone',
    });
    await drainJobs(t);
    // Counted as mail jobs, not outbox files: the outbox would hide a duplicate that SMTP sends.
    const sent = (await t.services.jobs.listJobs({ status: 'done', limit: 1000 })).filter(
      (job) =>
        job.kind === 'mail.send' &&
        job.payload.includes(editor.email) &&
        job.payload.includes('Ferry timetable changes'),
    );
    expect(sent).toHaveLength(1);
  });

  it('returns a submitted draft with the editor’s note and e-mails it to the author', async () => {
    const draft = await draftBy(contributor, 'School meals survey');
    await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    t.clock.advance(60_000);
    const returned = await api('POST', `/api/admin/posts/${draft.id}/return`, editor, {
      note: 'Please add the survey’s sample size.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<{ post: ReviewedPost }>().post.review).toMatchObject({
      state: 'returned',
      note: 'Please add the survey’s sample size.',
      by: editor.userId,
    });
    expect(await queue(editor)).not.toContain(draft.id);

    await drainJobs(t);
    const [toAuthor] = await mailTo(contributor.email, 'Sent back to you: School meals survey');
    expect(toAuthor?.text).toContain('Please add the survey’s sample size.');
    expect(toAuthor?.html).toContain('Please add the survey’s sample size.');
  });

  it('refuses a return without a note, and a return by a contributor', async () => {
    const draft = await draftBy(contributor, 'Library hours');
    await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    const noNote = await api('POST', `/api/admin/posts/${draft.id}/return`, editor, {
      note: '   ',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ error: { fields: [{ field: 'note' }] } });
    const byContributor = await api('POST', `/api/admin/posts/${draft.id}/return`, contributor, {
      note: 'Nope',
    });
    expect(byContributor.statusCode).toBe(403);
  });

  it('takes a post out of review when an editor publishes it', async () => {
    const draft = await draftBy(contributor, 'Tram line opens');
    await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    const published = await api('POST', `/api/admin/posts/${draft.id}/publish`, editor, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<{ post: ReviewedPost }>().post).toMatchObject({
      status: 'published',
      review: { state: 'none', note: '', by: null, at: null },
    });
    expect(await queue(editor)).not.toContain(draft.id);
  });

  it('refuses to submit a draft that could not be published, naming what is missing', async () => {
    const draft = await draftBy(contributor, 'Headline to be removed');
    await api('PATCH', `/api/admin/posts/${draft.id}`, contributor, { title: '' });
    const submitted = await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'title' }] },
    });
    expect(await queue(editor)).not.toContain(draft.id);
  });

  it('lets contributors submit only their own drafts, once', async () => {
    const draft = await draftBy(contributor, 'Night market returns');
    const stranger = await api('POST', `/api/admin/posts/${draft.id}/submit`, otherContributor);
    expect(stranger.statusCode).toBe(403);
    await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    const twice = await api('POST', `/api/admin/posts/${draft.id}/submit`, contributor);
    expect(twice.statusCode).toBe(409);
    expect(await queue(otherContributor)).not.toContain(draft.id);
    expect(await queue(contributor)).toContain(draft.id);
  });
});
