import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../../features/staff/actor.js';

describeEachEngine('previewing a post before it is published', (ctx) => {
  let t: TestApp;
  let postId: string;
  let authorCookie: string;
  let strangerCookie: string;

  const signIn = async (userId: string): Promise<string> => {
    const { email } = await t.services.staff.getStaff(userId);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password: 'correct horse battery' },
    });
    return response.cookies.find((c) => c.name === 'masthead_session')?.value ?? '';
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const author = await t.tokenFor('contributor');
    const stranger = await t.tokenFor('contributor');
    const draft = await t.services.posts.createPost(systemActor, {
      title: 'Council votes on the new budget',
      standfirst: 'The vote is on Thursday.',
      markdown: 'Councillors meet at **10:00**.',
      authors: [author.slug],
      tags: ['City'],
    });
    postId = draft.id;
    authorCookie = await signIn(author.userId);
    strangerCookie = await signIn(stranger.userId);
  });
  afterAll(() => t.close());

  const preview = (cookie: string | null) =>
    t.app.inject({
      method: 'GET',
      url: `/preview/${postId}`,
      cookies: cookie === null ? {} : { masthead_session: cookie },
    });

  it('shows a draft to its author as the article page would, under a preview banner', async () => {
    const response = await preview(authorCookie);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toMatch(
      /<main[^>]*>.*<section class="preview-banner" aria-label="Preview"><p><strong>Preview — not published<\/strong>/s,
    );
    expect(html).toContain('<h1>Council votes on the new budget</h1>');
    expect(html).toContain('<p class="standfirst">The vote is on Thursday.</p>');
    expect(html).toContain('<strong>10:00</strong>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('is never cached and never indexed', async () => {
    const response = await preview(authorCookie);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['x-robots-tag']).toBe('noindex');
  });

  it('does not exist for readers', async () => {
    const response = await preview(null);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Council votes on the new budget');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is refused to staff who may not open the post', async () => {
    const response = await preview(strangerCookie);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Council votes on the new budget');
  });
});
