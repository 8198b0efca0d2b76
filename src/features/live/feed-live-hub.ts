import type { EventBus } from '../../platform/events/event-bus.js';
import type { Logger } from '../../platform/logger.js';
import type { FeedChange } from './feed-entry.js';
import './feed-events.js';
import type { FeedService } from './feed.service.js';
import { sseHeartbeat, toSseFrame } from './sse-frame.js';

/** Where a live connection's bytes go: a response stream, or anything shaped like one. */
export interface LiveSink {
  write(text: string): void;
  /** Bytes written but not yet handed to the network. */
  bufferedBytes(): number;
  /**
   * Resolves once the connection wants more bytes (at once when it does already), or when
   * it closes. Replay waits on it so a reader catching up is never sent more than it takes.
   */
  drained(): Promise<void>;
  /** Drops the connection at once; the reader's browser reconnects and replays. */
  destroy(): void;
  /** Ends the connection politely (shutting down). */
  end(): void;
}

/** The last event of a stream whose server is shutting down: reconnect after a second. */
export function closingFrame(lastSentId: number): string {
  return `retry: 1000\n${toSseFrame({ id: lastSentId, event: 'closing', data: '{}' })}`;
}

export interface LiveConnection {
  /** Forget the connection; call when its socket closes. */
  close(): void;
}

export interface FeedLiveStats {
  readonly connections: number;
  readonly lastChangeId: number;
  readonly droppedSlowClients: number;
}

export interface FeedLiveHubDeps {
  readonly feed: Pick<
    FeedService,
    'listChangesAfter' | 'findLatestChangeId' | 'findOldestChangeId'
  >;
  readonly events: EventBus;
  readonly logger: Logger;
  /** The frame readers receive for one change; made once per change per process. */
  readonly toFrame: (change: FeedChange) => Promise<string>;
  /** Comment lines keep proxies from closing quiet connections. */
  readonly heartbeatMs?: number;
  /** A connection with more than this many bytes waiting is dropped. */
  readonly maxBufferedBytes?: number;
  /**
   * A reconnect that missed more changes than this is told to reload instead; so is one
   * that missed changes no longer kept (`reset`).
   */
  readonly maxReplay?: number;
  /** Changes read per query while replaying; the frames of one batch are held at once. */
  readonly replayBatchSize?: number;
  readonly maxConnections?: number;
}

/**
 * Fans the change log out to every live connection of this process. Each process reads
 * new changes itself, by id, when told through the event bus (which the PostgreSQL bridge
 * feeds from other processes) and at every heartbeat, so a lost notification only delays.
 * One query per change batch serves every connection; no connection holds a database
 * connection.
 */
export interface FeedLiveHub {
  /** Registers a connection; null when the process is full. Replays from `lastEventId`. */
  connect(sink: LiveSink, lastEventId: number | null): LiveConnection | null;
  stats(): FeedLiveStats;
  stop(): Promise<void>;
}

interface Client {
  readonly sink: LiveSink;
  /** The newest change this client has been sent (or, on a fresh connect, needs not see). */
  lastSentId: number;
  /** Replay done: the hub's broadcasts now reach it. */
  ready: boolean;
  closed: boolean;
}

const batchSize = 200;
/** Enough to replay `maxReplay` changes to many reconnecting readers from memory. */
const cachedFrames = 512;

export function createFeedLiveHub(deps: FeedLiveHubDeps): FeedLiveHub {
  const { feed, events, logger } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const maxBufferedBytes = deps.maxBufferedBytes ?? 256 * 1024;
  const maxReplay = deps.maxReplay ?? 500;
  const replayBatchSize = deps.replayBatchSize ?? 50;
  const maxConnections = deps.maxConnections ?? 50_000;

  const clients = new Set<Client>();
  const frames = new Map<number, Promise<string>>();
  let lastId = 0;
  let droppedSlowClients = 0;
  let starting: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let runAgain = false;
  // Read through a function: it changes while a run awaits, which the type checker cannot see.
  const isAskedAgain = (): boolean => runAgain;
  const isClosed = (client: Client): boolean => client.closed;

  function frameOf(change: FeedChange): Promise<string> {
    let frame = frames.get(change.id);
    if (frame === undefined) {
      frame = deps.toFrame(change).catch((error: unknown) => {
        logger.error({ err: error, changeId: change.id }, 'feed change could not be shown live');
        return '';
      });
      frames.set(change.id, frame);
      for (const id of frames.keys()) {
        if (frames.size <= cachedFrames) break;
        frames.delete(id);
      }
    }
    return frame;
  }

  function drop(client: Client, slow: boolean): void {
    if (client.closed) return;
    client.closed = true;
    clients.delete(client);
    if (slow) {
      droppedSlowClients += 1;
      client.sink.destroy();
    } else {
      client.sink.end();
    }
  }

  function send(client: Client, text: string, id?: number): void {
    if (client.closed) return;
    if (text !== '') client.sink.write(text);
    if (id !== undefined) client.lastSentId = id;
    if (client.sink.bufferedBytes() > maxBufferedBytes) drop(client, true);
  }

  /** Reads changes after `lastId` and sends each to every ready client; one run at a time. */
  function catchUp(): void {
    if (running !== undefined) {
      runAgain = true;
      return;
    }
    running = (async () => {
      await starting;
      do {
        runAgain = false;
        let batch: FeedChange[];
        do {
          batch = await feed.listChangesAfter(lastId, batchSize);
          for (const change of batch) {
            const frame = await frameOf(change);
            if (change.id <= lastId) continue;
            lastId = change.id;
            for (const client of clients) {
              if (client.ready && client.lastSentId < change.id) send(client, frame, change.id);
            }
          }
        } while (batch.length === batchSize);
      } while (isAskedAgain());
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'live feed could not catch up'))
      .finally(() => {
        running = undefined;
      });
  }

  function beat(): void {
    for (const client of clients) send(client, sseHeartbeat);
    catchUp();
  }

  function start(): Promise<void> {
    starting ??= (async () => {
      lastId = await feed.findLatestChangeId();
      unsubscribe = events.subscribe('feed.changed', () => catchUp());
      heartbeat = setInterval(beat, heartbeatMs);
      heartbeat.unref();
    })();
    return starting;
  }

  /**
   * Whether a reader who last saw `lastEventId` must start over: the id is not from this
   * log, more was missed than a replay may send, or what was missed is no longer kept.
   */
  async function needsReset(lastEventId: number, latest: number): Promise<boolean> {
    if (lastEventId > latest || latest - lastEventId > maxReplay) return true;
    if (lastEventId === latest) return false;
    const oldest = await feed.findOldestChangeId();
    return oldest > lastEventId + 1;
  }

  /**
   * Sends what a reconnecting client missed, then lets the broadcasts reach it. Changes are
   * read a batch at a time and each frame waits until the socket takes more, so a reader
   * on a slow line catches up at its own pace instead of being dropped as slow.
   */
  async function replay(client: Client, lastEventId: number | null): Promise<void> {
    await start();
    if (lastEventId === null) {
      client.lastSentId = lastId;
      send(client, toSseFrame({ id: lastId, event: 'ready', data: '{}' }));
      client.ready = true;
      return;
    }
    const latest = await feed.findLatestChangeId();
    if (await needsReset(lastEventId, latest)) {
      send(client, toSseFrame({ id: latest, event: 'reset', data: '{}' }), latest);
    }
    // Checked and set with no await between, so no broadcast can slip past.
    while (!client.closed && client.lastSentId < lastId) {
      const batch = await feed.listChangesAfter(client.lastSentId, replayBatchSize);
      if (batch.length === 0) break;
      for (const change of batch) {
        const frame = await frameOf(change);
        if (isClosed(client)) return;
        if (change.id <= client.lastSentId) continue;
        if (frame !== '') client.sink.write(frame);
        client.lastSentId = change.id;
        await client.sink.drained();
      }
    }
    client.ready = true;
  }

  return {
    connect(sink, lastEventId) {
      if (clients.size >= maxConnections) return null;
      const client: Client = { sink, lastSentId: lastEventId ?? 0, ready: false, closed: false };
      clients.add(client);
      replay(client, lastEventId).catch((error: unknown) => {
        logger.warn({ err: error }, 'live feed connection could not start');
        drop(client, false);
      });
      return {
        close: () => {
          client.closed = true;
          clients.delete(client);
        },
      };
    },

    stats: () => ({ connections: clients.size, lastChangeId: lastId, droppedSlowClients }),

    async stop() {
      unsubscribe?.();
      clearInterval(heartbeat);
      // Everything already read goes out first; then a last event tells each reader to come
      // back in a second (to another process, or this one restarted) from where it was.
      await running;
      for (const client of [...clients]) {
        if (client.ready) send(client, closingFrame(client.lastSentId));
        drop(client, false);
      }
    },
  };
}
