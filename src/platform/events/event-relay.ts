import type { Db, Engine, Trx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import {
  deleteEventsBefore,
  findLatestEventId,
  findOldestEventId,
  insertEvent,
  listEventsAfter,
} from './domain-event.repository.js';
import type { DomainEventName, DomainEvents } from './domain-events.js';
import type { EventBus } from './event-bus.js';
import { singleProcessWake, type EventWakeTransport } from './event-wake.js';

/** What a service needs to announce a change: record it in the transaction, deliver after. */
export interface EventOutbox {
  /**
   * Records an event with the caller's transaction, so it exists exactly when the change
   * does. It reaches every process's subscribers once the transaction commits.
   */
  record<K extends DomainEventName>(trx: Trx, name: K, payload: DomainEvents[K]): Promise<void>;
  /**
   * Call after the transaction that recorded events committed: resolves once this
   * process's subscribers have been told (so its own pages are fresh before it answers),
   * and wakes the other processes.
   */
  deliver(): Promise<void>;
}

export interface EventRelayDeps {
  readonly db: Db;
  readonly engine: Engine;
  /** Where events are delivered in this process. */
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly transport?: EventWakeTransport;
  /** A read even when no wake-up came: the bound on delay if every wake-up were lost. */
  readonly pollMs?: number;
  /** How long events are kept for processes that were away. */
  readonly retentionMs?: number;
  readonly pruneEveryMs?: number;
  readonly batchSize?: number;
  /**
   * Told when events this process never read were pruned (it was away longer than the
   * retention): whatever they would have refreshed must be refreshed wholesale.
   */
  readonly onMissed?: () => void;
}

/**
 * The one path of domain events. A change records its events in its own transaction; the
 * relay of every process reads the log after the last id it delivered and publishes each
 * event on its local bus, exactly once per process and in id order. It reads when its
 * transport wakes it (another process committed), when this process delivers its own,
 * after a lost link is back, and at every poll; it starts from the newest id at start.
 */
export interface EventRelay extends EventOutbox {
  /** Reads where the log ends and starts listening; call after migrations. Idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Reads and delivers whatever is new now; resolves when done. */
  wake(): Promise<void>;
  /** The id of the newest event delivered in this process. */
  lastDeliveredId(): number;
}

const dayMs = 24 * 60 * 60 * 1000;

export function createEventRelay(deps: EventRelayDeps): EventRelay {
  const { db, engine, bus, clock, logger } = deps;
  const transport = deps.transport ?? singleProcessWake;
  const pollMs = deps.pollMs ?? 1_000;
  const retentionMs = deps.retentionMs ?? 7 * dayMs;
  const pruneEveryMs = deps.pruneEveryMs ?? 60 * 60 * 1000;
  const batchSize = deps.batchSize ?? 200;

  let state: 'idle' | 'starting' | 'running' | 'stopped' = 'idle';
  let starting: Promise<void> | undefined;
  let lastId = 0;
  let running: Promise<void> | undefined;
  let runAgain = false;
  const timers: NodeJS.Timeout[] = [];
  // Read through a function: it changes while a run awaits, which the type checker cannot see.
  const isAskedAgain = (): boolean => runAgain;

  function publish(name: string, payloadText: string, id: number): void {
    let payload: unknown;
    try {
      payload = JSON.parse(payloadText);
    } catch (error) {
      logger.error({ err: error, eventId: id, event: name }, 'event log row is not JSON');
      return;
    }
    // Rows are written by `record`, whose types pair each name with its payload.
    const typed = name as DomainEventName;
    bus.publish(typed, payload as DomainEvents[typeof typed]);
  }

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await listEventsAfter(db, lastId, batchSize);
      const first = rows[0];
      if (first === undefined) return;
      if (first.id > lastId + 1 && (await findOldestEventId(db)) > lastId + 1) {
        logger.warn({ lastId, next: first.id }, 'events were pruned before this process read them');
        deps.onMissed?.();
      }
      for (const row of rows) {
        lastId = row.id;
        publish(row.name, row.payload, row.id);
      }
      if (rows.length < batchSize) return;
    }
  }

  /** One read at a time; a wake-up during a read makes it read once more before it ends. */
  function wake(): Promise<void> {
    if (state !== 'running') return Promise.resolve();
    if (running !== undefined) {
      runAgain = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          runAgain = false;
          await readNew();
        } while (isAskedAgain());
      } catch (error) {
        logger.error({ err: error }, 'events could not be read; trying again at the next poll');
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function prune(): Promise<void> {
    try {
      const before = new Date(clock.now().getTime() - retentionMs).toISOString();
      const pruned = await deleteEventsBefore(db, before);
      if (pruned > 0) logger.debug({ pruned }, 'old events pruned');
    } catch (error) {
      logger.warn({ err: error }, 'old events could not be pruned');
    }
  }

  function every(ms: number, task: () => Promise<void>): void {
    const timer = setInterval(() => void task(), ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    async record(trx, name, payload) {
      await insertEvent(trx, engine, {
        name,
        payload: JSON.stringify(payload),
        created_at: clock.now().toISOString(),
      });
      await transport.announceInTransaction(trx);
    },

    async deliver() {
      if (state !== 'running') return;
      transport.announceCommitted();
      await wake();
    },

    start() {
      starting ??= (async () => {
        state = 'starting';
        lastId = await findLatestEventId(db);
        await transport.start(() => void wake());
        state = 'running';
        every(pollMs, wake);
        every(pruneEveryMs, prune);
        void prune();
        // Anything committed between reading the end of the log and listening.
        await wake();
      })().catch((error: unknown) => {
        state = 'idle';
        starting = undefined;
        throw error;
      });
      return starting;
    },

    async stop() {
      if (state === 'stopped') return;
      await starting?.catch(() => undefined);
      state = 'stopped';
      timers.splice(0).forEach(clearInterval);
      await transport.stop();
      await running;
    },

    wake,
    lastDeliveredId: () => lastId,
  };
}
