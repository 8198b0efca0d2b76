import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../clock.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { CdnPurgeApi } from './cdn-purge-api.js';
import {
  deletePurgeRequests,
  listPurgeRequests,
  upsertPurgeRequests,
} from './cdn-purge.repository.js';

declare module '../jobs/job-kinds.js' {
  interface JobKinds {
    /** Purges every waiting surrogate key; `window` names the batch it was enqueued for. */
    'cdn.purge': { window: string };
  }
}

/** Keys that go stale within this long of each other are purged together. */
export const purgeWindowMs = 2_000;

/** Most waiting keys one job run takes on; a longer backlog is left for the next run. */
const keysPerRun = 2_000;

/**
 * The purge job of the window `at` falls in: it runs when the window ends, and the
 * window's start is its idempotency key, so every change in one window (and every
 * process that hears about it) adds to the same job.
 */
export function decidePurgeWindow(at: Date): { key: string; runAt: Date } {
  const start = Math.floor(at.getTime() / purgeWindowMs) * purgeWindowMs;
  return { key: new Date(start).toISOString(), runAt: new Date(start + purgeWindowMs) };
}

export interface CdnPurgeQueueDeps {
  readonly db: Db;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly clock: Clock;
}

export interface CdnPurgeQueue {
  /** Records `keys` as stale at the CDN and makes sure a purge job will run for them. */
  requestPurge(keys: readonly string[]): Promise<void>;
}

/**
 * CDN purging through the durable job queue: stale keys are written down, and a job at the
 * end of each short window purges whatever is waiting, in as few requests as the CDN
 * allows. A failed purge keeps its keys and is retried with the queue's backoff; a purge
 * that runs twice purges twice, which a CDN treats as once.
 */
export function createCdnPurgeQueue(deps: CdnPurgeQueueDeps): CdnPurgeQueue {
  return {
    async requestPurge(keys) {
      if (keys.length === 0) return;
      const now = deps.clock.now();
      const window = decidePurgeWindow(now);
      await deps.db.transaction().execute(async (trx) => {
        await upsertPurgeRequests(trx, [...new Set(keys)], toTimestamp(now));
        await deps.jobs.enqueue(
          trx,
          'cdn.purge',
          { window: window.key },
          { idempotencyKey: `cdn.purge:${window.key}`, runAt: window.runAt, maxAttempts: 10 },
        );
      });
    },
  };
}

/** Splits `items` into runs of at most `size`. */
function toBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/**
 * The worker's handler for `cdn.purge`. Each batch's keys are crossed off once the CDN
 * accepted them, so a retry after a failure sends only what is still waiting.
 */
export function handleCdnPurge(deps: { db: Db; api: CdnPurgeApi }): JobHandler<'cdn.purge'> {
  return async () => {
    // A full round suggests a longer backlog: take the next round in the same run.
    for (;;) {
      const waiting = await listPurgeRequests(deps.db, keysPerRun);
      for (const batch of toBatches(waiting, deps.api.maxKeysPerPurge)) {
        await deps.api.purge(batch.map((row) => row.surrogate_key));
        await deletePurgeRequests(deps.db, batch);
      }
      if (waiting.length < keysPerRun) return;
    }
  };
}
