import type { Db, Engine, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../clock.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import type { JobKind, JobPayload } from './job-kinds.js';
import {
  deleteQueuedJob,
  findJob,
  findJobByIdempotencyKey,
  insertJob,
  listJobs,
  requeueFailedJob,
} from './job.repository.js';
import type { JobRow, JobStatus } from './job.table.js';

export const defaultMaxAttempts = 5;

export interface JobQueueDeps {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Called after a job that is already due was written, to wake a worker in this process
   * (wire it to `worker.notify`). Inside a transaction the job may not be visible yet; the
   * worker then finds it at its next poll.
   */
  readonly onEnqueued?: () => void;
}

export interface EnqueueOptions {
  /** When the job may start; now if left out. */
  readonly runAt?: Date;
  /** At most one job ever exists per key; a second enqueue returns the first job. */
  readonly idempotencyKey?: string;
  readonly maxAttempts?: number;
}

export interface EnqueueResult {
  readonly id: string;
  /** False when a job with the same idempotency key already existed. */
  readonly created: boolean;
}

export interface JobQueue {
  /** Writes a job with the caller's executor, so it commits or rolls back with the change. */
  enqueue<K extends JobKind>(
    executor: Executor,
    kind: K,
    payload: JobPayload<K>,
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  /** Removes a job that has not started, e.g. when a scheduled publish moves; says if it did. */
  cancel(executor: Executor, idempotencyKey: string): Promise<boolean>;
  listJobs(query: { readonly status?: JobStatus; readonly limit: number }): Promise<JobRow[]>;
  /** Throws `not_found` when there is no such job. */
  getJob(id: string): Promise<JobRow>;
  /** Puts a failed job back in the queue to run now; `conflict` when it is not failed. */
  retryJob(id: string): Promise<JobRow>;
}

export function createJobQueue(deps: JobQueueDeps): JobQueue {
  const { db, clock, logger } = deps;

  async function enqueue<K extends JobKind>(
    executor: Executor,
    kind: K,
    payload: JobPayload<K>,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    const now = clock.now();
    const runAt = options.runAt ?? now;
    const id = newId();
    const created = await insertJob(executor, {
      id,
      kind,
      payload: JSON.stringify(payload),
      status: 'queued',
      run_at: toTimestamp(runAt),
      attempts: 0,
      max_attempts: options.maxAttempts ?? defaultMaxAttempts,
      idempotency_key: options.idempotencyKey ?? null,
      created_at: toTimestamp(now),
      updated_at: toTimestamp(now),
    });
    if (created) {
      logger.debug({ jobId: id, kind, runAt: toTimestamp(runAt) }, 'job enqueued');
      if (runAt.getTime() <= now.getTime()) deps.onEnqueued?.();
      return { id, created };
    }
    // Only a conflict on the idempotency key makes the insert do nothing.
    const key = options.idempotencyKey ?? '';
    const existing = await findJobByIdempotencyKey(executor, key);
    if (existing === undefined) {
      throw new Error(`A job with idempotency key "${key}" conflicted but cannot be found.`);
    }
    return { id: existing.id, created: false };
  }

  async function getJob(id: string): Promise<JobRow> {
    const job = await findJob(db, id);
    if (job === undefined) throw notFound('The job');
    return job;
  }

  async function retryJob(id: string): Promise<JobRow> {
    const job = await requeueFailedJob(db, id, toTimestamp(clock.now()));
    if (job !== undefined) {
      logger.info({ jobId: id, kind: job.kind }, 'failed job queued again');
      deps.onEnqueued?.();
      return job;
    }
    const current = await getJob(id);
    throw new AppError(
      'conflict',
      `Only a failed job can be retried; this one is ${current.status}. Reload to see its state.`,
    );
  }

  return {
    enqueue,
    cancel: (executor, idempotencyKey) => deleteQueuedJob(executor, idempotencyKey),
    listJobs: (query) => listJobs(db, query),
    getJob,
    retryJob,
  };
}
