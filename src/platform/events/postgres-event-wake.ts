import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { EventWakeTransport } from './event-wake.js';

export interface PostgresEventWakeDeps {
  readonly url: string;
  readonly logger: Logger;
  readonly channel?: string;
  /** First wait before reconnecting; it doubles after each failure, up to 30 s. */
  readonly reconnectBaseMs?: number;
}

export interface PostgresEventWake extends EventWakeTransport {
  isListening(): boolean;
}

const longestReconnectMs = 30_000;

/**
 * Wakes the relays of every process sharing one PostgreSQL. A transaction that records
 * events also sends a NOTIFY, which PostgreSQL delivers when (and only if) it commits; each
 * process LISTENs on its own connection. The notification carries nothing: the event log
 * does. While the connection is down nothing is lost: after reconnecting the relay is woken
 * and reads everything after the last event it delivered.
 */
export function createPostgresEventWake(deps: PostgresEventWakeDeps): PostgresEventWake {
  const { url, logger } = deps;
  const channel = deps.channel ?? 'masthead_events';
  const reconnectBaseMs = deps.reconnectBaseMs ?? 500;

  let stopped = true;
  let wake: () => void = () => undefined;
  let active: pg.Client | undefined;
  let opening: Promise<void> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  function lose(client: pg.Client, error?: unknown): void {
    if (client !== active) return;
    active = undefined;
    client.end().catch(() => undefined);
    if (stopped) return;
    logger.warn({ err: error }, 'event wake-up connection lost; reconnecting');
    scheduleReconnect();
  }

  async function open(): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: 'masthead-events' });
    client.on('notification', (message) => {
      if (message.channel === channel) wake();
    });
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
      logger.info('event wake-up connection is back; catching up');
      wake();
    } catch (error) {
      logger.warn({ err: error, failures }, 'event wake-up connection could not reconnect');
      scheduleReconnect();
    } finally {
      opening = undefined;
    }
  }

  return {
    async start(onWake) {
      if (!stopped) return;
      stopped = false;
      wake = onWake;
      try {
        await open();
      } catch (error) {
        stopped = true;
        throw error;
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      await opening?.catch(() => undefined);
      const client = active;
      active = undefined;
      await client?.end();
    },
    async announceInTransaction(trx) {
      await sql`select pg_notify(${channel}, '')`.execute(trx);
    },
    announceCommitted: () => undefined,
    isListening: () => active !== undefined,
  };
}
