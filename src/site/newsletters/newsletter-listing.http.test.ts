import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import type { NewsletterResource } from '../../features/newsletters/newsletter.schemas.js';

describeEachEngine('readers see the active newsletters in the newsroom’s order', (ctx) => {
  let t: TestApp;
  let token = '';

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    token = (await t.tokenFor('owner')).token;
  });
  afterAll(() => t.close());

  const admin = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  const create = async (payload: object) => {
    const response = await admin('POST', '/api/admin/newsletters', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ newsletter: NewsletterResource }>().newsletter;
  };
  const namesOn = async (url: string) => {
    const page = await t.app.inject({ url });
    expect(page.statusCode).toBe(200);
    return [...page.body.matchAll(/<h2><a href="\/newsletters\/[^"]+">([^<]+)<\/a><\/h2>/g)].map(
      (m) => m[1],
    );
  };

  it('lists by order, follows a change of order, and hides an archived newsletter', async () => {
    const weekly = await create({
      slug: 'weekly-letter',
      name: 'Letter from the Quay',
      author_name: 'Maren Holloway',
      reply_to: 'maren@news.test',
      sort_order: 2,
    });
    const daily = await create({ slug: 'daily', name: 'The Morning Ledger', sort_order: 1 });
    await create({ slug: 'inside', name: 'Inside the Ledger', sort_order: 3 });
    expect(weekly).toMatchObject({ author_name: 'Maren Holloway', reply_to: 'maren@news.test' });

    expect(await namesOn('/newsletters')).toEqual([
      'The Morning Ledger',
      'Letter from the Quay',
      'Inside the Ledger',
    ]);
    expect((await t.app.inject({ url: '/newsletters' })).body).toContain('by Maren Holloway');

    const moved = await admin('PATCH', `/api/admin/newsletters/${daily.id}`, { sort_order: 9 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await namesOn('/newsletters')).toEqual([
      'Letter from the Quay',
      'Inside the Ledger',
      'The Morning Ledger',
    ]);

    const archived = await admin('PATCH', `/api/admin/newsletters/${weekly.id}`, {
      status: 'archived',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const listing = await t.app.inject({ url: '/newsletters' });
    expect(await namesOn('/newsletters')).toEqual(['Inside the Ledger', 'The Morning Ledger']);
    expect(listing.body).not.toContain(`value="${weekly.id}"`);
    expect(listing.body).toContain(`value="${daily.id}"`);
    expect((await t.app.inject({ url: '/newsletters/weekly-letter' })).statusCode).toBe(404);

    // Archived is not deleted: made active again, it is back in its place.
    await admin('PATCH', `/api/admin/newsletters/${weekly.id}`, { status: 'active' });
    expect(await namesOn('/newsletters')).toEqual([
      'Letter from the Quay',
      'Inside the Ledger',
      'The Morning Ledger',
    ]);
  });

  it('refuses a reply-to address that is not one, naming the field', async () => {
    const refused = await admin('POST', '/api/admin/newsletters', {
      slug: 'bad-reply',
      name: 'Bad Reply',
      reply_to: 'the desk',
    });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json<{
      error: { code: string; fields: { field: string; message: string }[] };
    }>();
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([{ field: 'reply_to', message: 'is not an e-mail address' }]);
  });
});
