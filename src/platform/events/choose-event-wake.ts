import cluster from 'node:cluster';
import type { Engine } from '../../db/database.js';
import type { Logger } from '../logger.js';
import { singleProcessWake, type EventWakeTransport } from './event-wake.js';
import { createIpcEventWake, primaryEndpoint } from './ipc-event-wake.js';
import { createPostgresEventWake } from './postgres-event-wake.js';

export interface ChosenEventWake {
  readonly transport: EventWakeTransport;
  /** How often the relay reads anyway: the bound on delay if every wake-up were lost. */
  readonly pollMs: number;
}

/**
 * The wake-up transport for this process, chosen once at start: PostgreSQL NOTIFY between
 * any processes; on SQLite, the primary's IPC between the processes of one `masthead
 * start`; nothing for a single process. A CLI command writing beside the server is found by
 * the poll, so it stays short where no NOTIFY reaches everyone.
 */
export function chooseEventWake(deps: {
  readonly engine: Engine;
  readonly url: string;
  readonly logger: Logger;
  readonly inCluster?: boolean;
}): ChosenEventWake {
  if (deps.engine === 'postgres') {
    return {
      transport: createPostgresEventWake({ url: deps.url, logger: deps.logger }),
      pollMs: 10_000,
    };
  }
  if (deps.inCluster ?? cluster.isWorker) {
    return { transport: createIpcEventWake(primaryEndpoint()), pollMs: 5_000 };
  }
  return { transport: singleProcessWake, pollMs: 1_000 };
}
