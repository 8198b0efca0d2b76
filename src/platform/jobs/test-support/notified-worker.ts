import type { Db, Engine } from '../../../db/database.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { createJobQueue, type JobQueue } from '../job-queue.js';
import {
  createJobWorker,
  type JobHandlers,
  type JobWorker,
  type JobWorkerDeps,
} from '../job-worker.js';

/** A promise the test settles when it chooses. */
export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

export function defer(): Deferred {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * A worker that hears of each job enqueued through the returned queue, as the running
 * application's does, and otherwise polls rarely: what it runs, it runs because it was told.
 */
export function createNotifiedWorker(
  deps: { db: Db; engine: Engine; clock: Clock; logger: Logger },
  handlers: JobHandlers,
  options: Pick<JobWorkerDeps, 'batchSize' | 'kindLimits'> = {},
): { worker: JobWorker; jobs: JobQueue } {
  const worker = createJobWorker({ ...deps, ...options, handlers, pollMs: 600_000 });
  const jobs = createJobQueue({ ...deps, onEnqueued: () => worker.notify() });
  return { worker, jobs };
}
