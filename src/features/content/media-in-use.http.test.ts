import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { decideStaleTags } from '../../site/cache/cache-invalidation.js';
import { cacheTags } from '../../site/cache/cache-tags.js';
import { systemActor } from '../staff/actor.js';
import { renderDemoImage } from './media-demo-images.js';
import type { MediaChanged } from './content-events.js';

describeEachEngine('deleting and changing media that articles show', (ctx) => {
  let t: TestApp;
  let editor: { token: string };
  let contributor: { token: string; userId: string };
  const changes: MediaChanged[] = [];

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    // The first request compiles routes and schemas: slow on a busy machine, so not timed here.
    await t.app.inject({ method: 'GET', url: '/api/admin/posts' });
    editor = await t.tokenFor('editor');
    contributor = await t.tokenFor('contributor');
    t.services.events.subscribe('media.changed', (payload) => {
      changes.push(payload);
    });
  });
  afterAll(() => t.close());

  const as = (token: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const upload = async (seed: number) =>
    t.services.media.upload(systemActor, {
      filename: `photo-${seed}.png`,
      data: await renderDemoImage({ width: 320, height: 200, seed, label: String(seed) }),
    });
  const publishWith = async (mediaId: string, title: string): Promise<string> => {
    const response = await as(editor.token, 'POST', '/api/admin/posts', {
      title,
      markdown: 'Words.',
      feature_image: { media_id: mediaId, alt: 'A harbour' },
      status: 'published',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ post: { id: string } }>().post.id;
  };

  it('refuses to delete an image a published article shows, naming the article', async () => {
    const image = await upload(1);
    await publishWith(image.id, 'Harbour reopens');
    const refused = await as(editor.token, 'DELETE', `/api/admin/media/${image.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'media_in_use' } });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      'Harbour reopens',
    );
    expect(await t.services.media.findMedia(image.id)).not.toBeNull();
  });

  it('refuses a contributor the confirmation, and lets an editor delete it and purge the page', async () => {
    const image = await upload(2);
    const postId = await publishWith(image.id, 'Quay closed');
    const contributorForce = await as(
      contributor.token,
      'DELETE',
      `/api/admin/media/${image.id}?force=true`,
    );
    expect(contributorForce.statusCode).toBe(403);

    changes.length = 0;
    const forced = await as(editor.token, 'DELETE', `/api/admin/media/${image.id}?force=true`);
    expect(forced.statusCode, forced.body).toBe(204);
    expect(await t.services.media.findMedia(image.id)).toBeNull();
    const [change] = changes;
    if (change === undefined) throw new Error('No media.changed event was published.');
    expect(change).toMatchObject({ mediaId: image.id, change: 'deleted', postIds: [postId] });
    const stale = decideStaleTags({ name: 'media.changed', payload: change });
    expect(stale).toEqual(expect.arrayContaining([cacheTags.post(postId), cacheTags.postLists]));
  });

  it('lets a contributor delete only their own unused upload', async () => {
    const theirs = await as(
      contributor.token,
      'DELETE',
      `/api/admin/media/${(await upload(3)).id}`,
    );
    expect(theirs.statusCode).toBe(403);

    const form = new FormData();
    const png = await renderDemoImage({ width: 200, height: 120, seed: 4, label: '4' });
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'mine.png');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/admin/media',
      headers: {
        authorization: `Bearer ${contributor.token}`,
        'content-type': request.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const own = await as(
      contributor.token,
      'DELETE',
      `/api/admin/media/${uploaded.json<{ id: string }>().id}`,
    );
    expect(own.statusCode).toBe(204);
  });

  it('purges the pages that show an image when its alt text or caption changes', async () => {
    const image = await upload(5);
    const postId = await publishWith(image.id, 'Lighthouse lit');
    changes.length = 0;
    const edited = await as(editor.token, 'PATCH', `/api/admin/media/${image.id}`, {
      alt: 'The lighthouse at dusk',
      caption: 'Lit again after ten years.',
    });
    expect(edited.statusCode).toBe(200);
    expect(changes).toEqual([expect.objectContaining({ change: 'updated', postIds: [postId] })]);
  });
});
