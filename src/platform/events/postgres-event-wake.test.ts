import { sql } from 'kysely';
import { afterEach, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { createEventBus } from './event-bus.js';
import { createEventRelay, type EventRelay } from './event-relay.js';
import { createPostgresEventWake, type PostgresEventWake } from './postgres-event-wake.js';

declare module './domain-events.js' {
  interface DomainEvents {
    'test.bridged': { n: number };
  }
}

const arrival = { timeout: 60_000, interval: 20 };
/** Long enough that only a wake-up, never the safety poll, delivers within a test. */
const noPoll = 60 * 60 * 1000;

describeEachEngine('events between processes over PostgreSQL', (ctx, engine) => {
  // LISTEN/NOTIFY exists only on PostgreSQL; SQLite processes find events by polling.
  const test = it.runIf(engine === 'postgres');
  const logger = createLogger('silent');
  const running: EventRelay[] = [];
  const handles: DatabaseHandle[] = [];

  /** A process of its own: its own pool, bus, relay and LISTEN connection. */
  async function startProcess(options: { channel?: string; reconnectBaseMs?: number } = {}) {
    const handle = openDatabase(ctx.url);
    handles.push(handle);
    const bus = createEventBus(logger);
    const heard: number[] = [];
    bus.subscribe('test.bridged', ({ n }) => void heard.push(n));
    const wake: PostgresEventWake = createPostgresEventWake({
      url: ctx.url,
      logger,
      reconnectBaseMs: options.reconnectBaseMs ?? 10,
      ...(options.channel === undefined ? {} : { channel: options.channel }),
    });
    const relay = createEventRelay({
      db: handle.db,
      engine,
      bus,
      clock: systemClock,
      logger,
      transport: wake,
      pollMs: noPoll,
    });
    await relay.start();
    running.push(relay);
    const publish = async (...numbers: number[]): Promise<void> => {
      await handle.db.transaction().execute(async (trx) => {
        for (const n of numbers) await relay.record(trx, 'test.bridged', { n });
      });
      await relay.deliver();
    };
    return { handle, relay, wake, heard, publish };
  }

  const listeners = async (): Promise<number[]> => {
    const result = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where application_name = 'masthead-events' and datname = current_database()
    `.execute(ctx.handle.db);
    return result.rows.map((row) => row.pid);
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((relay) => relay.stop()));
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
  });

  test('wakes the other process as soon as the change commits', async () => {
    const sender = await startProcess();
    const receiver = await startProcess();
    await sender.publish(1);
    expect(sender.heard).toEqual([1]);
    await vi.waitFor(() => expect(receiver.heard).toEqual([1]), arrival);
    // The sender heard its own notification too, and delivered nothing twice.
    await sender.relay.wake();
    expect(sender.heard).toEqual([1]);
  });

  test('keeps the order of concurrent changes in every process', async () => {
    const a = await startProcess();
    const b = await startProcess();
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? a : b).publish(n)));
    await vi.waitFor(() => expect(a.heard).toHaveLength(20), arrival);
    await vi.waitFor(() => expect(b.heard).toHaveLength(20), arrival);
    expect(b.heard).toEqual(a.heard);
    expect(a.heard.toSorted((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  test('listens only on its own channel', async () => {
    const sender = await startProcess({ channel: 'masthead_events_other' });
    const receiver = await startProcess();
    await sender.publish(1);
    const control = await startProcess({ channel: 'masthead_events_other' });
    await sender.publish(2);
    await vi.waitFor(() => expect(control.heard).toEqual([2]), arrival);
    expect(receiver.heard).toEqual([]);
  });

  test('delivers, once the connection is back, the events recorded while it was down', async () => {
    const sender = await startProcess();
    // Slow to reconnect, so the events below are recorded while it is away.
    const receiver = await startProcess({ reconnectBaseMs: 500 });
    const before = await listeners();
    expect(before).toHaveLength(2);
    await sql`select pg_terminate_backend(pid) from unnest(${before}::int[]) as pid`.execute(
      ctx.handle.db,
    );
    await vi.waitFor(() => expect(receiver.wake.isListening()).toBe(false), arrival);

    await sender.publish(1);
    await sender.publish(2, 3);

    await vi.waitFor(() => expect(receiver.heard).toEqual([1, 2, 3]), arrival);
    expect(receiver.wake.isListening()).toBe(true);
    // And it hears new ones as before.
    await sender.publish(4);
    await vi.waitFor(() => expect(receiver.heard).toEqual([1, 2, 3, 4]), arrival);
    expect(sender.heard).toEqual([1, 2, 3, 4]);
  });

  test('stops listening when stopped', async () => {
    const one = await startProcess();
    expect(one.wake.isListening()).toBe(true);
    await one.relay.stop();
    expect(one.wake.isListening()).toBe(false);
  });
});
