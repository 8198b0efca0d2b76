import { afterEach, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { createManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { createEventBus } from './event-bus.js';
import { createEventRelay, type EventRelay, type EventRelayDeps } from './event-relay.js';

declare module './domain-events.js' {
  interface DomainEvents {
    'test.relayed': { n: number };
  }
}

const arrival = { timeout: 60_000, interval: 10 };

describeEachEngine('the domain event relay', (ctx, engine) => {
  const logger = createLogger('silent');
  const clock = createManualClock('2026-11-20T09:00:00.000Z');
  const started: EventRelay[] = [];
  const handles: DatabaseHandle[] = [];

  /** A process of its own: its own connection to the database, its own bus and relay. */
  async function startProcess(extra: Partial<EventRelayDeps> = {}) {
    const handle = openDatabase(ctx.url);
    handles.push(handle);
    const bus = createEventBus(logger);
    const heard: number[] = [];
    bus.subscribe('test.relayed', ({ n }) => void heard.push(n));
    const relay = createEventRelay({
      db: handle.db,
      engine,
      bus,
      clock,
      logger,
      // Long: these tests show delivery without the safety poll.
      pollMs: 60 * 60 * 1000,
      ...extra,
    });
    await relay.start();
    started.push(relay);
    const record = (...numbers: number[]) =>
      handle.db.transaction().execute(async (trx) => {
        for (const n of numbers) await relay.record(trx, 'test.relayed', { n });
      });
    return { handle, relay, heard, record };
  }

  afterEach(async () => {
    await Promise.all(started.splice(0).map((relay) => relay.stop()));
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
  });

  it('delivers a committed event to this process before `deliver` returns, once', async () => {
    const one = await startProcess();
    await one.record(1, 2);
    await one.relay.deliver();
    expect(one.heard).toEqual([1, 2]);
    await one.relay.wake();
    await one.relay.deliver();
    expect(one.heard).toEqual([1, 2]);
  });

  it('never delivers the event of a change that rolled back', async () => {
    const one = await startProcess();
    await expect(
      one.handle.db.transaction().execute(async (trx) => {
        await one.relay.record(trx, 'test.relayed', { n: 9 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await one.record(10);
    await one.relay.deliver();
    expect(one.heard).toEqual([10]);
  });

  it('starts at the end of the log: a new process hears only what comes after', async () => {
    const first = await startProcess();
    await first.record(1);
    const later = await startProcess();
    await first.record(2);
    await first.relay.deliver();
    await later.relay.wake();
    expect(later.heard).toEqual([2]);
  });

  it('delivers every event to every other process exactly once, in order', async () => {
    const a = await startProcess();
    const b = await startProcess();
    // One after another: two SQLite connections in one thread cannot write at once.
    await a.record(1, 2);
    await b.record(3);
    await a.record(4);
    await Promise.all([a.relay.deliver(), b.relay.deliver()]);
    await Promise.all([a.relay.deliver(), b.relay.deliver()]);
    expect(a.heard).toEqual([1, 2, 3, 4]);
    expect(b.heard).toEqual([1, 2, 3, 4]);
  });

  it('finds events of other processes at its poll when nothing wakes it', async () => {
    const writer = await startProcess();
    const reader = await startProcess({ pollMs: 20 });
    await writer.record(5);
    await vi.waitFor(() => expect(reader.heard).toEqual([5]), arrival);
  });

  it('prunes old events, and tells a process that was away past them that it missed some', async () => {
    let missed = 0;
    const away = await startProcess({ onMissed: () => (missed += 1) });
    const writer = await startProcess();
    await writer.record(1, 2);
    await writer.relay.deliver();
    clock.advance(8 * 24 * 60 * 60 * 1000);
    await writer.record(3);
    // Another process starts, and prunes what is older than the retention.
    const pruner = await startProcess();
    const left = async () =>
      (
        await pruner.handle.db
          .selectFrom('domain_events')
          .select('payload')
          .where('name', '=', 'test.relayed')
          .execute()
      ).map((row) => row.payload);
    await vi.waitFor(async () => expect(await left()).toEqual(['{"n":3}']), arrival);

    await away.relay.wake();
    expect(away.heard).toEqual([3]);
    expect(missed).toBe(1);
    // One who read everything before the pruning missed nothing.
    await writer.relay.wake();
    expect(writer.heard).toEqual([1, 2, 3]);
  });
});
