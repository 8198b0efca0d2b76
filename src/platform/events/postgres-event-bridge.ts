import pg from 'pg';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import type { DomainEventName, DomainEvents } from './domain-events.js';
import type { EventBus } from './event-bus.js';
import { parseNotificationText, toNotificationText } from './event-notification.js';

export interface PostgresEventBridgeDeps {
  readonly url: string;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly channel?: string;
  /** First wait before reconnecting; it doubles after each failure, up to 30 s. */
  readonly reconnectBaseMs?: number;
  /**
   * Told when another process sent an event too big for a NOTIFY: only its name arrived,
   * so the local bus was not told. By default it is logged.
   */
  readonly onTruncated?: (name: string) => void;
  /**
   * Told after a lost connection is back: events sent meanwhile were missed, so whatever
   * they would have refreshed (a page cache) should be refreshed wholesale.
   */
  readonly onReconnected?: () => void;
}

/**
 * Carries domain events between Masthead processes over PostgreSQL LISTEN/NOTIFY. Once
 * started, every event published on the local bus is sent to the other processes, and
 * every event they send is published on the local bus. NOTIFY is not durable: an event
 * sent while a process is disconnected does not reach it.
 */
export interface PostgresEventBridge {
  /** Connects and listens; rejects if the first connection fails. */
  start(): Promise<void>;
  /** Stops relaying and reconnecting, and closes the connection. */
  stop(): Promise<void>;
  /** Sends an event to the other processes only; rejects when not connected. */
  broadcast<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void>;
  isListening(): boolean;
}

const longestReconnectMs = 30_000;

export function createPostgresEventBridge(deps: PostgresEventBridgeDeps): PostgresEventBridge {
  const { url, bus, logger } = deps;
  const channel = deps.channel ?? 'masthead_events';
  const reconnectBaseMs = deps.reconnectBaseMs ?? 500;
  const onTruncated =
    deps.onTruncated ??
    ((name: string) =>
      logger.warn({ event: name }, 'event from another process arrived without its payload'));
  // Per bridge, not per host: process ids repeat across machines.
  const origin = newId();

  let stopped = true;
  let active: pg.Client | undefined;
  let opening: Promise<void> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let unsubscribe: (() => void) | undefined;
  // Set while republishing a received event, so it is not sent back out.
  let republishing = false;

  function receive(message: pg.Notification): void {
    if (message.channel !== channel || message.payload === undefined) return;
    const notification = parseNotificationText(message.payload);
    if (notification === undefined) {
      logger.warn({ channel }, 'ignored a malformed event notification');
      return;
    }
    if (notification.origin === origin) return;
    if (notification.truncated) {
      onTruncated(notification.name);
      return;
    }
    // The name and payload come from another Masthead process built from the same types.
    const name = notification.name as DomainEventName;
    republishing = true;
    try {
      bus.publish(name, notification.payload as DomainEvents[typeof name]);
    } finally {
      republishing = false;
    }
  }

  function lose(client: pg.Client, error?: unknown): void {
    if (client !== active) return;
    active = undefined;
    client.end().catch(() => undefined);
    if (stopped) return;
    logger.warn({ err: error }, 'event bridge lost its connection; reconnecting');
    scheduleReconnect();
  }

  async function open(): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: 'masthead-events' });
    client.on('notification', receive);
    client.on('error', (error) => lose(client, error));
    client.on('end', () => lose(client));
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end();
      return;
    }
    active = client;
    failures = 0;
  }

  function scheduleReconnect(): void {
    if (stopped) return;
    const delayMs = Math.min(reconnectBaseMs * 2 ** failures, longestReconnectMs);
    failures += 1;
    reconnectTimer = setTimeout(() => void reconnect(), delayMs);
    reconnectTimer.unref();
  }

  async function reconnect(): Promise<void> {
    reconnectTimer = undefined;
    if (stopped) return;
    opening = open();
    try {
      await opening;
      logger.info('event bridge reconnected; events sent meanwhile were missed');
      deps.onReconnected?.();
    } catch (error) {
      logger.warn({ err: error, failures }, 'event bridge could not reconnect');
      scheduleReconnect();
    } finally {
      opening = undefined;
    }
  }

  async function broadcast(name: string, payload: unknown): Promise<void> {
    const client = active;
    if (client === undefined) {
      throw new Error(
        `The event bridge is not connected, so "${name}" did not reach other processes.`,
      );
    }
    const text = toNotificationText(origin, name, payload);
    await client.query('select pg_notify($1, $2)', [channel, text]);
  }

  function relay(name: string, payload: unknown): void {
    if (republishing) return;
    broadcast(name, payload).catch((error: unknown) => {
      logger.warn({ err: error, event: name }, 'event not relayed to other processes');
    });
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = bus.subscribeAll((event) => relay(event.name, event.payload));
      try {
        await open();
      } catch (error) {
        stopped = true;
        unsubscribe();
        unsubscribe = undefined;
        throw error;
      }
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      await opening?.catch(() => undefined);
      const client = active;
      active = undefined;
      await client?.end();
    },
    broadcast,
    isListening: () => active !== undefined,
  };
}
