import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/features/staff/actor.js';
import { openSseClient, type SseClient } from '../support/live-sse-client.js';
import {
  openConnectionsToTwoProcesses,
  type PinnedConnection,
} from '../support/pinned-connection.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeEachEngine } from '../support/test-database.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';

/**
 * Shorter than the relay's safety poll (5 s on SQLite with IPC, 10 s on PostgreSQL): within
 * it, only a wake-up from the other process (IPC or NOTIFY) delivers the change.
 */
const beforeThePoll = { timeout: 4_000, interval: 20 };

/**
 * The live Node.js child processes of `pid`: its web processes. Exited ones not yet reaped
 * are left out, and so is the bundler's service process when running from source.
 */
function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(pid)], {
      encoding: 'utf8',
    })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(
        ([, stat, command]) => stat !== undefined && !stat.startsWith('Z') && command === 'node',
      )
      .map(([child]) => Number(child));
  } catch {
    return [];
  }
}

describeEachEngine('two web processes of one `masthead start`', (ctx) => {
  let setup: TestApp;
  let site: WebProcess;
  let token: string;
  let authorSlug: string;
  let one: PinnedConnection;
  let two: PinnedConnection;
  const readers: SseClient[] = [];

  beforeAll(async () => {
    setup = await createTestApp(ctx.handle);
    ({ token, slug: authorSlug } = await setup.tokenFor('editor'));
    await setup.services.tags.createTag(systemActor, { name: 'City' });
    site = await startWebProcess(ctx.url, { MASTHEAD_WEB_PROCESSES: '2' });
    [one, two] = await openConnectionsToTwoProcesses(site.url, '/');
  }, 330_000);

  afterAll(async () => {
    readers.forEach((reader) => reader.close());
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed part-way */
    one?.close();
    two?.close();
    await site?.stop();
    await setup?.close();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('delivers a feed entry posted through either process to readers on every process', async () => {
    // Several streams: node:cluster spreads new connections over both processes.
    for (let i = 0; i < 4; i += 1) readers.push(await openSseClient(`${site.url}/news-feed/live`));
    await Promise.all(readers.map((reader) => reader.next(10_000)));

    for (const [through, title] of [
      [one, 'Posted through the first process'],
      [two, 'Posted through the second process'],
    ] as const) {
      const posted = await through.request('POST', '/api/admin/feed', { token, body: { title } });
      expect(posted.status).toBe(201);
      // Every reader is on one of the two processes, so each hears an entry from the other.
      const heard = await Promise.all(readers.map((reader) => reader.next(beforeThePoll.timeout)));
      for (const event of heard) {
        expect(event.event).toBe('created');
        expect(event.data).toContain(title);
      }
    }
  });

  it('shows an edit made through one process on the other process’s cached pages', async () => {
    const created = await one.request('POST', '/api/admin/posts', {
      token,
      body: {
        title: 'Tram depot to close',
        markdown: 'Text.',
        tags: ['City'],
        authors: [authorSlug],
        status: 'published',
      },
    });
    expect(created.status).toBe(201);
    const { post } = JSON.parse(created.text) as { post: { id: string; slug: string } };

    const pages = [`/${post.slug}`, '/', '/tag/city'];
    for (const page of pages) {
      await two.request('GET', page);
      expect((await two.request('GET', page)).headers['x-cache'], page).toBe('HIT');
    }

    const edited = await one.request('PATCH', `/api/admin/posts/${post.id}`, {
      token,
      body: { title: 'Tram depot to stay open' },
    });
    expect(edited.status).toBe(200);
    const applied = await one.request('POST', `/api/admin/posts/${post.id}/pending/apply`, {
      token,
      body: {},
    });
    expect(applied.status).toBe(200);

    for (const page of pages) {
      await expect
        .poll(
          async () => (await two.request('GET', page)).text.includes('Tram depot to stay open'),
          beforeThePoll,
        )
        .toBe(true);
    }
  });

  it('replaces a web process that was killed, and the site keeps answering', async () => {
    // Two web processes, once any replaced by an earlier test have settled.
    await expect.poll(() => childPids(site.pid).length, { timeout: 60_000 }).toBe(2);
    const before = childPids(site.pid);
    const [victim] = before;
    if (victim === undefined) throw new Error('No web process to kill.');
    process.kill(victim, 'SIGKILL');

    // Another process takes its place…
    await expect
      .poll(
        () => {
          const now = childPids(site.pid);
          return now.length === 2 && !now.includes(victim);
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    // …and the site answers on new connections, whichever process gets them.
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${site.url}/`, {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(60_000),
      });
      expect(response.status).toBe(200);
    }
  }, 200_000);

  it('drains on SIGTERM: no request under load fails, live readers get a last event', async () => {
    const reader = await openSseClient(`${site.url}/news-feed/live`);
    readers.push(reader);
    await reader.next(10_000);

    const refused: string[] = [];
    const failed: string[] = [];
    let answered = 0;
    let finish: (result: autocannon.Result) => void = () => undefined;
    const finished = new Promise<autocannon.Result>((resolve) => (finish = resolve));
    const load = autocannon(
      { url: `${site.url}/`, connections: 8, amount: 200_000 },
      (_error, result) => finish(result),
    );
    load.on('response', (_client: unknown, status: number) => {
      if (status === 200) answered += 1;
      else failed.push(`status ${status}`);
    });
    // Once the processes stop listening, new connections are refused: those never got in.
    load.on('reqError', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') refused.push(error.code);
      else failed.push(error.code ?? error.message);
    });

    await expect.poll(() => answered, { timeout: 30_000, interval: 10 }).toBeGreaterThan(500);
    const exitCode = await site.terminate();
    load.stop();
    const result = await finished;

    expect(exitCode).toBe(0);
    expect(failed).toEqual([]);
    expect(result.non2xx).toBe(0);
    expect(answered).toBeGreaterThan(500);
    await reader.closed();
    expect(reader.events.at(-1)?.event).toBe('closing');
  }, 60_000);
});
