import type { EventWakeTransport } from './event-wake.js';

/**
 * One end of an IPC link: a cluster worker's `process` seen from inside it, or the primary's
 * `Worker` handle seen from the primary. Messages are plain JSON values.
 */
export interface IpcEndpoint {
  send(message: unknown): void;
  /** Calls `listener` for every message that arrives; returns how to stop. */
  listen(listener: (message: unknown) => void): () => void;
}

/** What a process sends to the primary after it committed events, and gets relayed. */
export const eventsCommittedMessage = { masthead: 'events-committed' } as const;

export function isEventsCommittedMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { masthead?: unknown }).masthead === eventsCommittedMessage.masthead
  );
}

/**
 * Wakes the relays of processes started by one primary (node:cluster) that share a
 * database without NOTIFY (SQLite). After a transaction of this process that recorded
 * events commits, it tells the primary, which tells every other process; their relays then
 * read the log. Like NOTIFY it carries nothing: a lost message only delays delivery until
 * the relay's poll. A message never precedes the commit, so a woken relay finds the rows.
 */
export function createIpcEventWake(primary: IpcEndpoint): EventWakeTransport {
  let stopListening: (() => void) | undefined;
  return {
    start(wake) {
      stopListening ??= primary.listen((message) => {
        if (isEventsCommittedMessage(message)) wake();
      });
      return Promise.resolve();
    },
    stop() {
      stopListening?.();
      stopListening = undefined;
      return Promise.resolve();
    },
    announceInTransaction: () => Promise.resolve(),
    announceCommitted() {
      try {
        primary.send(eventsCommittedMessage);
      } catch {
        // The primary is gone (the process is shutting down): the poll covers the rest.
      }
    },
  };
}

/** The primary's side: every wake-up one process sends goes to all the others. */
export interface EventWakeHub {
  /** Relays this process's wake-ups from now on, until it leaves. */
  join(process: IpcEndpoint): () => void;
}

export function createEventWakeHub(): EventWakeHub {
  const members = new Set<IpcEndpoint>();
  return {
    join(process) {
      members.add(process);
      const stopListening = process.listen((message) => {
        if (!isEventsCommittedMessage(message)) return;
        for (const other of members) {
          if (other === process) continue;
          try {
            other.send(eventsCommittedMessage);
          } catch {
            // That process is exiting; it is replaced and a new one starts at the log's end.
          }
        }
      });
      return () => {
        stopListening();
        members.delete(process);
      };
    },
  };
}

/** Inside a cluster worker: the link to the primary through `process.send`. */
export function primaryEndpoint(proc: NodeJS.Process = process): IpcEndpoint {
  return {
    send: (message) => {
      if (proc.connected && proc.send !== undefined) proc.send(message);
    },
    listen: (listener) => {
      proc.on('message', listener);
      return () => void proc.off('message', listener);
    },
  };
}
