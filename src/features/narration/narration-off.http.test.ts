import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';
import { runNarrationCommand } from './narration.cli.js';
import { defaultNarrationDebounceMs } from './narration.service.js';

describeEachEngine('a newsroom with narration off (MASTHEAD_TTS_PROVIDER=off)', (ctx) => {
  let t: TestApp;
  let editor: { token: string; slug: string };
  const auth = () => ({ authorization: `Bearer ${editor.token}` });

  beforeAll(async () => {
    t = await createTestApp(ctx.handle, { MASTHEAD_TTS_PROVIDER: 'off' });
    editor = await t.tokenFor('editor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes without asking for audio, and the article has no player', async () => {
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Quiet harbour tonight',
      markdown: 'Nothing to hear here.',
      authors: [editor.slug],
      status: 'published',
    });
    t.clock.advance(defaultNarrationDebounceMs * 2);
    await t.runJobs();
    const jobs = await t.services.jobs.listJobs({ limit: 100 });
    expect(jobs.filter((job) => job.kind === 'narration.generate')).toEqual([]);
    const status = await t.app.inject({
      url: `/api/admin/posts/${post.id}/narration`,
      headers: auth(),
    });
    expect(status.json<{ narration: { audio: unknown } }>().narration.audio).toBeNull();
    const page = await t.app.inject({ url: `/${post.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<audio');
    expect(await t.services.narration.backfill({ all: true })).toBe(0);
  });

  it('tells the CMS there is no engine, and refuses to narrate again with a reason', async () => {
    const settings = await t.app.inject({ url: '/api/admin/narration/settings', headers: auth() });
    expect(settings.json()).toMatchObject({
      provider: 'off',
      engine_name: null,
      default_voice: null,
      disclosure: null,
    });
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Still quiet',
      markdown: 'Nothing to hear.',
      authors: [editor.slug],
      status: 'published',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/posts/${post.id}/narration/regenerate`,
      headers: auth(),
    });
    expect(again.statusCode).toBe(409);
    const { error } = again.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('MASTHEAD_TTS_PROVIDER=off');
  });

  it('has the CLI say narration is off instead of narrating', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let errors: string[];
    try {
      const code = await runNarrationCommand(
        { narration: t.services.narration, listPostIds: () => Promise.resolve([]) },
        'run',
        [],
      );
      expect(code).toBe(1);
      errors = stderr.mock.calls.map(([chunk]) => String(chunk));
    } finally {
      stderr.mockRestore();
    }
    expect(errors.join('')).toContain('Narration is off for this newsroom');
  });
});
