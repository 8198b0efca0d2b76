import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openSseClient, type SseClient } from '../../../test/support/live-sse-client.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

interface EntryData {
  id: string;
  title: string;
  item: string;
  card: string;
}

describeEachEngine('the news feed as Server-Sent Events', (ctx) => {
  let t: TestApp;
  let base: string;
  let editor: { token: string };
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    editor = await t.tokenFor('editor');
    await t.services.settings.updateSiteSettings(
      { id: 'system', kind: 'system', userId: null, name: 'Masthead', role: 'owner' },
      { locale: 'en-US', timezone: 'UTC' },
    );
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    open.forEach((client) => client.close());
    await t.close();
  });

  const connect = async (query = '', headers: Record<string, string> = {}) => {
    const client = await openSseClient(`${base}/news-feed/live${query}`, { headers });
    open.push(client);
    return client;
  };
  const api = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${editor.token}` },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json<{ entry: { id: string } }>().entry;
  };
  const post = async (title: string) => {
    const entry = await api('POST', '/api/admin/feed', { title, markdown: `${title}.` });
    if (entry === null) throw new Error('no entry');
    return entry;
  };
  const dataOf = (event: { data: string }) => JSON.parse(event.data) as EntryData;

  it('streams uncompressed, uncached events, starting from the newest change id', async () => {
    const latest = await t.services.feed.findLatestChangeId();
    const client = await connect('', { 'accept-encoding': 'gzip, br' });
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-store');
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.headers['content-encoding']).toBeUndefined();
    expect(await client.next()).toEqual({ id: String(latest), event: 'ready', data: '{}' });
    client.close();
  });

  it('sends a new entry, its edit with the "Updated" time, its pinning and its deletion', async () => {
    const client = await connect();
    const ready = await client.next();
    const entry = await post('Polls open');
    const created = await client.next();
    expect(created.event).toBe('created');
    expect(Number(created.id)).toBe(Number(ready.id) + 1);
    expect(dataOf(created)).toMatchObject({ id: entry.id, title: 'Polls open' });
    expect(dataOf(created).item).toMatch(/<time datetime="2026-11-20T09:00:00.000Z">9:00\sAM</);
    expect(dataOf(created).item).not.toContain('Updated');

    t.clock.advance(41 * 60_000);
    await api('PATCH', `/api/admin/feed/${entry.id}`, { markdown: 'Queues at every station.' });
    const updated = await client.next();
    expect(updated.event).toBe('updated');
    expect(dataOf(updated).item).toMatch(/\(Updated: <time datetime="[^"]+">9:41\sAM<\/time>\)/);
    expect(dataOf(updated).card).toContain('Queues at every station.');

    await api('POST', `/api/admin/feed/${entry.id}/pin`, {});
    expect((await client.next()).event).toBe('pinned');
    await api('DELETE', `/api/admin/feed/${entry.id}`);
    const deleted = await client.next();
    expect(deleted.event).toBe('deleted');
    expect(JSON.parse(deleted.data)).toEqual({ id: entry.id });
    client.close();
  });

  it('gives a reader who reconnects with Last-Event-ID exactly the three entries missed, in order', async () => {
    const first = await connect();
    const ready = await first.next();
    first.close();
    await post('Missed one');
    await post('Missed two');
    await post('Missed three');
    const again = await connect('', { 'last-event-id': ready.id });
    const missed = [await again.next(), await again.next(), await again.next()];
    expect(missed.map((e) => `${e.event} ${dataOf(e).title}`)).toEqual([
      'created Missed one',
      'created Missed two',
      'created Missed three',
    ]);
    expect(missed.map((e) => Number(e.id))).toEqual([1, 2, 3].map((n) => Number(ready.id) + n));
    // Nothing else was waiting: the next event is the next entry posted.
    await post('After the reconnect');
    expect(dataOf(await again.next()).title).toBe('After the reconnect');
    again.close();
  });

  it('resumes from ?lastEventId= for a page that knows which change it shows', async () => {
    const since = await t.services.feed.findLatestChangeId();
    await post('Posted while the page loaded');
    const client = await connect(`?lastEventId=${since}`);
    const event = await client.next();
    expect(event.event).toBe('created');
    expect(dataOf(event).title).toBe('Posted while the page loaded');
    client.close();
  });

  it('counts open connections in a gauge editors can read', async () => {
    const stats = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/admin/feed/live-stats',
          headers: { authorization: `Bearer ${editor.token}` },
        })
      ).json<{ connections: number }>().connections;
    await vi.waitFor(async () => expect(await stats()).toBe(0));
    const a = await connect();
    const b = await connect();
    await Promise.all([a.next(), b.next()]);
    expect(await stats()).toBe(2);
    a.close();
    await vi.waitFor(async () => expect(await stats()).toBe(1));
    b.close();
    await vi.waitFor(async () => expect(await stats()).toBe(0));
  });

  it('ends open streams when the server shuts down', async () => {
    const other = await createTestApp(ctx.handle);
    const url = await other.app.listen({ host: '127.0.0.1', port: 0 });
    const client = await openSseClient(`${url}/news-feed/live`);
    await client.next();
    await other.close();
    await client.closed();
  });
});
