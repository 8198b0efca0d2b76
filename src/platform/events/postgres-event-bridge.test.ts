import { sql } from 'kysely';
import { afterEach, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { createLogger } from '../logger.js';
import { createEventBus, type EventBus } from './event-bus.js';
import {
  createPostgresEventBridge,
  type PostgresEventBridge,
  type PostgresEventBridgeDeps,
} from './postgres-event-bridge.js';

declare module './domain-events.js' {
  interface DomainEvents {
    'test.bridged': { n: number; text?: string };
  }
}

const arrival = { timeout: 5_000, interval: 20 };

describeEachEngine('PostgreSQL event bridge', (ctx, engine) => {
  // LISTEN/NOTIFY exists only on PostgreSQL; on SQLite there is one process and no bridge.
  const test = it.runIf(engine === 'postgres');

  const logger = createLogger('silent');
  const running: PostgresEventBridge[] = [];

  async function startProcess(extra: Partial<PostgresEventBridgeDeps> = {}): Promise<{
    bus: EventBus;
    bridge: PostgresEventBridge;
    heard: number[];
  }> {
    const bus = createEventBus(logger);
    const heard: number[] = [];
    bus.subscribe('test.bridged', ({ n }) => void heard.push(n));
    const bridge = createPostgresEventBridge({
      url: ctx.url,
      bus,
      logger,
      reconnectBaseMs: 10,
      ...extra,
    });
    await bridge.start();
    running.push(bridge);
    return { bus, bridge, heard };
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map((bridge) => bridge.stop()));
  });

  test('delivers an event published in one process to the other process’s bus', async () => {
    const sender = await startProcess();
    const receiver = await startProcess();

    sender.bus.publish('test.bridged', { n: 1 });

    await vi.waitFor(() => expect(receiver.heard).toEqual([1]), arrival);
  });

  test('does not deliver an event twice to the process that published it', async () => {
    const first = await startProcess();
    const second = await startProcess();

    first.bus.publish('test.bridged', { n: 1 });
    await vi.waitFor(() => expect(second.heard).toEqual([1]), arrival);
    // PostgreSQL delivers notifications in commit order, so once this reply arrives the
    // echo of the first event has been handled too.
    await second.bridge.broadcast('test.bridged', { n: 2 });
    await vi.waitFor(() => expect(first.heard).toEqual([1, 2]), arrival);

    expect(second.heard).toEqual([1]);
  });

  test('sends only the name of an event too big for a NOTIFY', async () => {
    const truncated: string[] = [];
    const sender = await startProcess();
    const receiver = await startProcess({ onTruncated: (name) => truncated.push(name) });

    sender.bus.publish('test.bridged', { n: 1, text: 'x'.repeat(10_000) });

    await vi.waitFor(() => expect(truncated).toEqual(['test.bridged']), arrival);
    expect(receiver.heard).toEqual([]);
  });

  test('listens only on its own channel', async () => {
    const sender = await startProcess({ channel: 'masthead_events_other' });
    const receiver = await startProcess();
    const control = await startProcess({ channel: 'masthead_events_other' });

    sender.bus.publish('test.bridged', { n: 1 });

    await vi.waitFor(() => expect(control.heard).toEqual([1]), arrival);
    expect(receiver.heard).toEqual([]);
  });

  test('reconnects after PostgreSQL drops its connection and relays again', async () => {
    const sender = await startProcess();
    const receiver = await startProcess();

    const bridgeBackends = async (): Promise<number[]> => {
      const result = await sql<{ pid: number }>`
        select pid from pg_stat_activity
        where application_name = 'masthead-events' and datname = current_database()
      `.execute(ctx.handle.db);
      return result.rows.map((row) => row.pid);
    };
    const dropped = await bridgeBackends();
    expect(dropped).toHaveLength(2);

    await sql`select pg_terminate_backend(pid) from unnest(${dropped}::int[]) as pid`.execute(
      ctx.handle.db,
    );

    await vi.waitFor(async () => {
      const current = await bridgeBackends();
      expect(current).toHaveLength(2);
      expect(current.filter((pid) => dropped.includes(pid))).toEqual([]);
      expect([sender.bridge.isListening(), receiver.bridge.isListening()]).toEqual([true, true]);
    }, arrival);
    sender.bus.publish('test.bridged', { n: 2 });
    await vi.waitFor(() => expect(receiver.heard).toEqual([2]), arrival);
  });

  test('refuses to broadcast once stopped', async () => {
    const { bridge } = await startProcess();
    await bridge.stop();

    await expect(bridge.broadcast('test.bridged', { n: 1 })).rejects.toThrow(/not connected/);
  });
});
