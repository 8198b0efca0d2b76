import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createEventBus } from '../../platform/events/event-bus.js';
import { createLogger } from '../../platform/logger.js';
import type { Actor } from '../staff/actor.js';
import { createFeedLiveHub, type FeedLiveHub, type LiveSink } from './feed-live-hub.js';
import { toSseFrame } from './sse-frame.js';

interface RecordingSink extends LiveSink {
  text: string;
  destroyed: boolean;
  ended: boolean;
  buffered: number;
}

function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    text: '',
    destroyed: false,
    ended: false,
    buffered: 0,
    write: (text) => void (sink.text += text),
    bufferedBytes: () => sink.buffered,
    drained: () => Promise.resolve(),
    destroy: () => void (sink.destroyed = true),
    end: () => void (sink.ended = true),
  };
  return sink;
}

/** The events a sink received, as "kind id" lines, heartbeats left out. */
function eventsOf(sink: RecordingSink): string[] {
  return sink.text
    .split('\n\n')
    .filter((frame) => frame.includes('event: '))
    .map((frame) => {
      const id = /^id: (\d+)$/m.exec(frame)?.[1] ?? '?';
      const event = /^event: (.+)$/m.exec(frame)?.[1] ?? '?';
      return `${event} ${id}`;
    });
}

const arrival = { timeout: 60_000, interval: 10 };

describeEachEngine('the live feed hub', (ctx) => {
  let t: TestApp;
  let editor: Actor;
  const hubs: FeedLiveHub[] = [];

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    const { userId } = await t.tokenFor('editor');
    editor = { id: `user:${userId}`, kind: 'user', userId, name: 'Editor', role: 'editor' };
  });
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
  });
  afterAll(() => t.close());

  function startHub(options: Partial<Parameters<typeof createFeedLiveHub>[0]> = {}): FeedLiveHub {
    const hub = createFeedLiveHub({
      feed: t.services.feed,
      events: t.services.events,
      logger: createLogger('silent'),
      toFrame: async (change) =>
        toSseFrame({ id: change.id, event: change.kind, data: JSON.stringify(change.entryId) }),
      ...options,
    });
    hubs.push(hub);
    return hub;
  }

  const post = (title: string) => t.services.feed.createEntry(editor, { title });

  it('sends each change once, in order, with its change id, to every reader', async () => {
    const hub = startHub();
    const readers = [recordingSink(), recordingSink()];
    readers.forEach((sink) => hub.connect(sink, null));
    await vi.waitFor(() => readers.forEach((sink) => expect(sink.text).toContain('event: ready')));
    const start = await t.services.feed.findLatestChangeId();
    const entry = await post('Hub: first');
    await t.services.feed.updateEntry(editor, entry.id, { keyEvent: true });
    await t.services.feed.deleteEntry(editor, entry.id);
    const expected = [`created ${start + 1}`, `updated ${start + 2}`, `deleted ${start + 3}`];
    for (const sink of readers) {
      await vi.waitFor(() => expect(eventsOf(sink).slice(1)).toEqual(expected), arrival);
    }
  });

  it('replays what a reader missed before it hears new changes, with no gap or repeat', async () => {
    const hub = startHub();
    const since = await t.services.feed.findLatestChangeId();
    await post('Hub: missed 1');
    await post('Hub: missed 2');
    const sink = recordingSink();
    hub.connect(sink, since);
    await post('Hub: live 3');
    await vi.waitFor(
      () =>
        expect(eventsOf(sink)).toEqual([
          `created ${since + 1}`,
          `created ${since + 2}`,
          `created ${since + 3}`,
        ]),
      arrival,
    );
  });

  it('tells a reader who missed more than it may replay to start over from now', async () => {
    const hub = startHub({ maxReplay: 2 });
    const since = await t.services.feed.findLatestChangeId();
    for (const n of [1, 2, 3]) await post(`Hub: flood ${n}`);
    const sink = recordingSink();
    hub.connect(sink, since);
    await vi.waitFor(() => expect(eventsOf(sink)).toEqual([`reset ${since + 3}`]), arrival);
  });

  it('replays a long gap to a reader on a slow line at its pace, without dropping it', async () => {
    const hub = startHub({ maxBufferedBytes: 100, replayBatchSize: 4 });
    const since = await t.services.feed.findLatestChangeId();
    for (let n = 1; n <= 11; n += 1) await post(`Hub: long missed ${n}`);
    // A socket that takes one frame, then refuses more until the reader reads it.
    let waiting: (() => void) | undefined;
    const slow = recordingSink();
    slow.write = (text) => {
      slow.text += text;
      slow.buffered += Buffer.byteLength(text);
    };
    slow.drained = () =>
      slow.buffered === 0 ? Promise.resolve() : new Promise((resolve) => (waiting = resolve));
    const read = (): void => {
      slow.buffered = 0;
      const wake = waiting;
      waiting = undefined;
      wake?.();
    };
    hub.connect(slow, since);
    const expected = Array.from({ length: 11 }, (_, n) => `created ${since + n + 1}`);
    for (let n = 1; n <= 11; n += 1) {
      await vi.waitFor(() => expect(eventsOf(slow)).toHaveLength(n), arrival);
      // Never more than the one frame the socket took is waiting.
      expect(eventsOf(slow)).toEqual(expected.slice(0, n));
      read();
    }
    await post('Hub: live after the replay');
    await vi.waitFor(() => expect(eventsOf(slow)).toHaveLength(12), arrival);
    expect(slow.destroyed).toBe(false);
    expect(hub.stats().droppedSlowClients).toBe(0);
  });

  it('tells a reader who last saw a change no longer kept to start over', async () => {
    const hub = startHub();
    const since = await t.services.feed.findLatestChangeId();
    await post('Hub: before the pruning');
    await post('Hub: kept 1');
    await post('Hub: kept 2');
    // As pruning would leave it: the change after `since` is gone.
    await ctx.handle.db
      .deleteFrom('feed_changes')
      .where('id', '<=', since + 1)
      .execute();
    const latest = await t.services.feed.findLatestChangeId();
    const behind = recordingSink();
    hub.connect(behind, since);
    await vi.waitFor(() => expect(eventsOf(behind)).toEqual([`reset ${latest}`]), arrival);
    // One who missed only what is still kept gets it replayed.
    const near = recordingSink();
    hub.connect(near, since + 1);
    await vi.waitFor(
      () => expect(eventsOf(near)).toEqual([`created ${since + 2}`, `created ${since + 3}`]),
      arrival,
    );
  });

  it('catches up at the next heartbeat when the notification of a change never came', async () => {
    const deaf = createEventBus(createLogger('silent'));
    const hub = startHub({ events: deaf, heartbeatMs: 20 });
    const sink = recordingSink();
    hub.connect(sink, null);
    await vi.waitFor(() => expect(sink.text).toContain('event: ready'));
    await post('Hub: heard late');
    await vi.waitFor(() => expect(eventsOf(sink).at(-1)).toMatch(/^created \d+$/), arrival);
    expect(sink.text).toContain(': heartbeat\n\n');
  });

  it('drops a reader whose unsent bytes pass the bound, and counts it', async () => {
    const hub = startHub({ maxBufferedBytes: 1_000 });
    const slow = recordingSink();
    const fast = recordingSink();
    hub.connect(slow, null);
    hub.connect(fast, null);
    await vi.waitFor(() => expect(hub.stats().connections).toBe(2));
    slow.buffered = 1_001;
    await post('Hub: too much for a slow reader');
    await vi.waitFor(() => expect(slow.destroyed).toBe(true), arrival);
    expect(hub.stats()).toMatchObject({ connections: 1, droppedSlowClients: 1 });
    await vi.waitFor(() => expect(eventsOf(fast).at(-1)).toMatch(/^created/), arrival);
    expect(fast.destroyed).toBe(false);
  });

  it('counts open connections, refuses one past its limit, and ends them all on stop', async () => {
    const hub = startHub({ maxConnections: 2 });
    const first = recordingSink();
    const a = hub.connect(first, null);
    hub.connect(recordingSink(), null);
    expect(hub.connect(recordingSink(), null)).toBeNull();
    expect(hub.stats().connections).toBe(2);
    a?.close();
    expect(hub.stats().connections).toBe(1);
    const last = recordingSink();
    hub.connect(last, null);
    await hub.stop();
    expect(hub.stats().connections).toBe(0);
    expect(last.ended).toBe(true);
    expect(first.ended).toBe(false);
  });
});
