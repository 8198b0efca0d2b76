import type { Trx } from '../../db/database.js';

/**
 * How a process hears that another process may have recorded events. It carries no events:
 * the relay reads them from the event log itself, so a lost wake-up only delays delivery
 * until the next one or the relay's own poll. One transport per engine and deployment:
 * PostgreSQL NOTIFY between any processes; none for a single SQLite process (its own
 * writes are delivered directly and a cheap poll finds other writers', such as the CLI).
 */
export interface EventWakeTransport {
  /**
   * Starts calling `wake` whenever another process may have committed events, and again
   * after a lost link is back, so the relay catches up on what it missed meanwhile.
   */
  start(wake: () => void): Promise<void>;
  stop(): Promise<void>;
  /** Inside the transaction that records events: the others look once it commits. */
  announceInTransaction(trx: Trx): Promise<void>;
  /** After a transaction of this process that recorded events has committed. */
  announceCommitted(): void;
}

/** For one process alone: nobody else to wake, nobody to hear. */
export const singleProcessWake: EventWakeTransport = {
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  announceInTransaction: () => Promise.resolve(),
  announceCommitted: () => undefined,
};
